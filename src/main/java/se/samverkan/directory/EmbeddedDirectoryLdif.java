package se.samverkan.directory;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.LinkedHashMap;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * The demo organisation's people as the embedded directory holds them
 * ({@code src/main/resources/demo/demo-katalog.ldif}): one person per function, the same as the
 * demo users of a directory-less start (id {@code <function>.<scope>}, password {@code demo}, first
 * name Demo, last name the function's name), and one group per function with that person as member.
 * {@code EmbeddedDirectoryLdifTest} fails when the file and the organisation drift apart.
 */
public final class EmbeddedDirectoryLdif {

  public static final String BASE_DN = "dc=samverkan,dc=example";
  public static final String PEOPLE_DN = "ou=personer," + BASE_DN;
  public static final String FUNCTIONS_DN = "ou=funktioner," + BASE_DN;
  public static final String RESOURCE = "demo/demo-katalog.ldif";
  public static final String PASSWORD = "demo";

  private EmbeddedDirectoryLdif() {}

  public static String personDn(String userId) {
    return "uid=" + userId + "," + PEOPLE_DN;
  }

  public static String groupDn(String groupId) {
    return "cn=" + groupId + "," + FUNCTIONS_DN;
  }

  /** The person of each function, as DemoUsers names them: {@code <function>.<scope>}. */
  public static String userIdOf(OrganisationFunction function) {
    return function.scopeSlug() == null ? function.type() : function.type() + "." + function.scopeSlug();
  }

  /** Function (group id) → its group's DN: the demo source's {@code functions}. */
  public static Map<String, String> functions(Organisation organisation) {
    Map<String, String> functions = new LinkedHashMap<>();
    organisation.allFunctions().forEach(function -> functions.put(function.groupId(), groupDn(function.groupId())));
    return functions;
  }

  public static List<Entry> entries(Organisation organisation) {
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry(BASE_DN, new Attribute("objectClass", "top", "domain"), new Attribute("dc", "samverkan")));
    entries.add(new Entry(PEOPLE_DN, new Attribute("objectClass", "top", "organizationalUnit"),
        new Attribute("ou", "personer")));
    entries.add(new Entry(FUNCTIONS_DN, new Attribute("objectClass", "top", "organizationalUnit"),
        new Attribute("ou", "funktioner")));
    for (OrganisationFunction function : organisation.allFunctions()) {
      String id = userIdOf(function);
      entries.add(new Entry(personDn(id),
          new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"),
          new Attribute("uid", id),
          new Attribute("cn", "Demo " + function.name()),
          new Attribute("givenName", "Demo"),
          new Attribute("sn", function.name()),
          new Attribute("mail", id + "@samverkan.example"),
          new Attribute("userPassword", PASSWORD)));
    }
    for (OrganisationFunction function : organisation.allFunctions()) {
      entries.add(new Entry(groupDn(function.groupId()),
          new Attribute("objectClass", "top", "groupOfNames"),
          new Attribute("cn", function.groupId()),
          new Attribute("description", function.name()),
          new Attribute("member", personDn(userIdOf(function)))));
    }
    return entries;
  }

  /** The LDIF file's text; values with å, ä, ö are base64 (RFC 2849), so each entry is preceded by a readable comment. */
  public static String render(Organisation organisation) {
    StringBuilder ldif = new StringBuilder("""
        # The demo organisation's people for the embedded directory (profile demo), one person per
        # function (password "demo") and one group per function. Generated from organisation.yaml:
        # EmbeddedDirectoryLdifTest fails when they differ and names the way to regenerate this file.

        """);
    for (Entry entry : entries(organisation)) {
      String description = entry.hasAttribute("sn") ? entry.getAttributeValue("cn")
          : entry.getAttributeValue("description");
      if (description != null) {
        ldif.append("# ").append(description).append('\n');
      }
      ldif.append(entry.toLDIFString()).append('\n');
    }
    return ldif.toString();
  }
}
