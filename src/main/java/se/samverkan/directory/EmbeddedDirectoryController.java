package se.samverkan.directory;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The demo's way to let a person leave without an LDAP client, for the embedded directory only
 * (administrators, HTTP Basic like the rest of /api):
 * <ul>
 *   <li>{@code POST /api/demo-katalog/personer/{id}/inaktivera}: the person is taken out of every
 *       function's group and loses the password (a plain LDAP directory has no disabled bit like
 *       Active Directory's userAccountControl); the login fails at once, the next sync sees the
 *       functions left;</li>
 *   <li>{@code DELETE /api/demo-katalog/personer/{id}}: the person and their memberships are removed.</li>
 * </ul>
 * Both change only the running embedded directory: a restart loads the LDIF file again.
 */
@RestController
@Profile("demo & !prod")
@ConditionalOnProperty(name = "samverkan.directory.embedded.enabled", havingValue = "true")
@RequestMapping("/api/demo-katalog/personer/{id}")
class EmbeddedDirectoryController {

  private final EmbeddedDirectory directory;
  private final IdentityService identity;

  EmbeddedDirectoryController(EmbeddedDirectory directory, IdentityService identity) {
    this.directory = directory;
    this.identity = identity;
  }

  @PostMapping("/inaktivera")
  ResponseEntity<Map<String, Object>> disable(@PathVariable String id) throws LDAPException {
    return change(id, false);
  }

  @DeleteMapping
  ResponseEntity<Map<String, Object>> remove(@PathVariable String id) throws LDAPException {
    return change(id, true);
  }

  private ResponseEntity<Map<String, Object>> change(String id, boolean remove) throws LDAPException {
    Authentication user = identity.getCurrentAuthentication();
    if (user == null || user.getGroupIds() == null || !user.getGroupIds().contains(Groups.CAMUNDA_ADMIN)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("type", "AuthorizationException",
          "message", "Bara administratören kan ändra personer i demokatalogen."));
    }
    String dn = EmbeddedDirectoryLdif.personDn(id);
    if (!id.matches("[a-z0-9._-]{1,64}") || directory.server().getEntry(dn) == null) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("type", "NotFound",
          "message", "Personen '" + id + "' finns inte i demokatalogen."));
    }
    List<SearchResultEntry> groups = directory.server().search(EmbeddedDirectoryLdif.FUNCTIONS_DN, SearchScope.SUB,
        Filter.createEqualityFilter("member", dn)).getSearchEntries();
    for (SearchResultEntry group : groups) {
      directory.server().modify(group.getDN(), new Modification(ModificationType.DELETE, "member", dn));
    }
    if (remove) {
      directory.server().delete(dn);
    } else {
      directory.server().modify(dn, new Modification(ModificationType.DELETE, "userPassword"));
    }
    List<String> left = groups.stream().map(group -> group.getAttributeValue("cn")).toList();
    return ResponseEntity.ok(Map.of("person", id, "borttagen", remove, "funktioner", left));
  }
}
