package se.samverkan.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkan.directory.ScimStore.ScimGroup;
import se.samverkan.directory.ScimStore.ScimUser;

/**
 * SCIM 2.0 provisioning (RFC 7644) at {@code /scim/v2/<source id>/}: the endpoint a cloud-only Entra ID
 * tenant's provisioning (or another provider's) pushes users, groups and deactivations to, for a
 * source of kind SCIM. {@link ScimAuthentication} has checked the source's bearer token before any
 * of this runs. Writes are kept in {@link ScimStore} as the provider sends them and applied by the
 * directory sync (within its interval, one minute by default, or at once with POST
 * /engine-rest/samverkan/katalog/synkronisera) with the same rules as an LDAP directory: only the
 * functions the source may fill, a user id belongs to one source, a deactivated or deleted user
 * loses the functions and their work goes back to the function, and a mass removal is held.
 */
@RestController
@RequestMapping(ScimController.BASE + "/{source}")
class ScimController {

  static final String BASE = "/scim/v2";
  static final String CONTENT_TYPE = "application/scim+json;charset=UTF-8";
  private static final Logger log = LoggerFactory.getLogger(ScimController.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int DEFAULT_COUNT = 100;
  private static final int MAX_COUNT = 200;

  private final ScimStore store;
  private final TransactionTemplate transaction;

  ScimController(ScimStore store, PlatformTransactionManager transactionManager) {
    this.store = store;
    this.transaction = new TransactionTemplate(transactionManager);
  }

  // --- discovery (RFC 7644 §4)

  @GetMapping("/ServiceProviderConfig")
  void serviceProviderConfig(@PathVariable String source, HttpServletRequest request, HttpServletResponse response) throws IOException {
    authenticated(source, request);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
    node.put("documentationUri", "docs/directory.md");
    node.putObject("patch").put("supported", true);
    node.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
    node.putObject("filter").put("supported", true).put("maxResults", MAX_COUNT);
    node.putObject("changePassword").put("supported", false);
    node.putObject("sort").put("supported", false);
    node.putObject("etag").put("supported", false);
    node.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken").put("name", "Bearer-token")
        .put("description", "Källans hemliga token (samverkan.directory.sources.<id>.scim.token)").put("primary", true);
    send(response, 200, node);
  }

  @GetMapping("/ResourceTypes")
  void resourceTypes(@PathVariable String source, HttpServletRequest request, HttpServletResponse response) throws IOException {
    authenticated(source, request);
    List<ObjectNode> types = List.of(resourceType("User", "/Users", ScimResources.USER_SCHEMA),
        resourceType("Group", "/Groups", ScimResources.GROUP_SCHEMA));
    send(response, 200, ScimResources.list(types.size(), 1, types));
  }

  @GetMapping("/Schemas")
  void schemas(@PathVariable String source, HttpServletRequest request, HttpServletResponse response) throws IOException {
    authenticated(source, request);
    ObjectNode user = schema(ScimResources.USER_SCHEMA, "User", "userName", "externalId", "active", "name", "displayName", "emails");
    ObjectNode group = schema(ScimResources.GROUP_SCHEMA, "Group", "displayName", "externalId", "members");
    send(response, 200, ScimResources.list(2, 1, List.of(user, group)));
  }

  // --- users

  @GetMapping("/Users")
  void users(@PathVariable String source, @RequestParam(required = false) String filter,
      @RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    authenticated(source, request);
    int start = startIndex(startIndex);
    int size = count(count);
    ScimStore.Page<ScimUser> page = store.users(source, ScimFilter.parse(filter, ScimFilter.USER, ScimResources.USER_SCHEMA),
        start, size);
    send(response, 200, ScimResources.list(page.total(), start,
        page.resources().stream().map(u -> ScimResources.json(u, location(request, source, "Users", u.id()))).toList()));
  }

  @GetMapping("/Users/{id}")
  void user(@PathVariable String source, @PathVariable String id, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    authenticated(source, request);
    ScimUser user = store.user(source, id).orElseThrow(() -> userNotFound(id));
    send(response, 200, ScimResources.json(user, location(request, source, "Users", id)));
  }

  @PostMapping("/Users")
  void createUser(@PathVariable String source, @RequestBody(required = false) String body, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    authenticated(source, request);
    ScimUser draft = ScimResources.user(parse(body), null, null);
    ScimUser user = inTransaction(() -> store.createUser(source, draft));
    log.info("SCIM-källan {}: användaren {} skapades ({})", source, user.userName(), user.active() ? "aktiv" : "avstängd");
    String location = location(request, source, "Users", user.id());
    response.setHeader("Location", location);
    send(response, 201, ScimResources.json(user, location));
  }

  @PutMapping("/Users/{id}")
  void replaceUser(@PathVariable String source, @PathVariable String id, @RequestBody(required = false) String body,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    authenticated(source, request);
    JsonNode json = parse(body);
    ScimUser user = inTransaction(() -> {
      ScimUser current = store.user(source, id).orElseThrow(() -> userNotFound(id));
      return store.saveUser(source, ScimResources.user(json, current.id(), current.created()));
    });
    send(response, 200, ScimResources.json(user, location(request, source, "Users", id)));
  }

  @PatchMapping("/Users/{id}")
  void patchUser(@PathVariable String source, @PathVariable String id, @RequestBody(required = false) String body,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    authenticated(source, request);
    JsonNode json = parse(body);
    ScimUser user = inTransaction(() -> {
      ScimUser current = store.user(source, id).orElseThrow(() -> userNotFound(id));
      ScimUser patched = ScimResources.patched(current, json);
      if (current.active() != patched.active()) {
        log.info("SCIM-källan {}: användaren {} är nu {}", source, patched.userName(), patched.active() ? "aktiv" : "avstängd");
      }
      return store.saveUser(source, patched);
    });
    send(response, 200, ScimResources.json(user, location(request, source, "Users", id)));
  }

  @DeleteMapping("/Users/{id}")
  void deleteUser(@PathVariable String source, @PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
    authenticated(source, request);
    if (!inTransaction(() -> store.deleteUser(source, id))) {
      throw userNotFound(id);
    }
    log.info("SCIM-källan {}: användaren {} togs bort", source, id);
    response.setStatus(204);
  }

  // --- groups

  @GetMapping("/Groups")
  void groups(@PathVariable String source, @RequestParam(required = false) String filter,
      @RequestParam(required = false) Integer startIndex, @RequestParam(required = false) Integer count,
      @RequestParam(required = false) String attributes, @RequestParam(required = false) String excludedAttributes,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    authenticated(source, request);
    int start = startIndex(startIndex);
    int size = count(count);
    ScimStore.Page<ScimGroup> page = store.groups(source, ScimFilter.parse(filter, ScimFilter.GROUP, ScimResources.GROUP_SCHEMA),
        start, size, withMembers(attributes, excludedAttributes));
    send(response, 200, ScimResources.list(page.total(), start,
        page.resources().stream().map(g -> groupJson(request, source, g)).toList()));
  }

  @GetMapping("/Groups/{id}")
  void group(@PathVariable String source, @PathVariable String id, @RequestParam(required = false) String attributes,
      @RequestParam(required = false) String excludedAttributes, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    authenticated(source, request);
    ScimGroup group = store.group(source, id, withMembers(attributes, excludedAttributes)).orElseThrow(() -> groupNotFound(id));
    send(response, 200, groupJson(request, source, group));
  }

  @PostMapping("/Groups")
  void createGroup(@PathVariable String source, @RequestBody(required = false) String body, HttpServletRequest request,
      HttpServletResponse response) throws IOException {
    authenticated(source, request);
    ScimResources.GroupFields fields = ScimResources.group(parse(body));
    ScimGroup group = inTransaction(() -> store.createGroup(source, fields.displayName(), fields.externalId(), fields.members()));
    log.info("SCIM-källan {}: gruppen «{}» skapades med {} medlemmar", source, group.displayName(), group.members().size());
    String location = location(request, source, "Groups", group.id());
    response.setHeader("Location", location);
    send(response, 201, groupJson(request, source, group));
  }

  @PutMapping("/Groups/{id}")
  void replaceGroup(@PathVariable String source, @PathVariable String id, @RequestBody(required = false) String body,
      HttpServletRequest request, HttpServletResponse response) throws IOException {
    authenticated(source, request);
    ScimResources.GroupFields fields = ScimResources.group(parse(body));
    ScimGroup group = inTransaction(() -> {
      store.group(source, id, false).orElseThrow(() -> groupNotFound(id));
      store.saveGroup(source, id, fields.displayName(), fields.externalId(), fields.members());
      return store.group(source, id, true).orElseThrow();
    });
    send(response, 200, groupJson(request, source, group));
  }

  @PatchMapping("/Groups/{id}")
  void patchGroup(@PathVariable String source, @PathVariable String id, @RequestBody(required = false) String body,
      HttpServletRequest request, HttpServletResponse response) {
    authenticated(source, request);
    JsonNode json = parse(body);
    inTransaction(() -> {
      ScimGroup current = store.group(source, id, false).orElseThrow(() -> groupNotFound(id));
      ScimResources.GroupChange change = ScimResources.groupChange(current, json);
      store.saveGroup(source, id, change.displayName(), change.externalId(), change.replaceWith());
      if (change.removeAll()) {
        store.removeMembers(id, store.memberIds(id));
      }
      store.removeMembers(id, change.remove());
      store.refuseUnknownMembers(source, change.add());
      store.addMembers(id, change.add());
      return null;
    });
    response.setStatus(204);
  }

  @DeleteMapping("/Groups/{id}")
  void deleteGroup(@PathVariable String source, @PathVariable String id, HttpServletRequest request, HttpServletResponse response) {
    authenticated(source, request);
    if (!inTransaction(() -> store.deleteGroup(source, id))) {
      throw groupNotFound(id);
    }
    log.info("SCIM-källan {}: gruppen {} togs bort", source, id);
    response.setStatus(204);
  }

  // --- errors

  @ExceptionHandler(ScimException.class)
  void refused(ScimException e, HttpServletResponse response) throws IOException {
    send(response, e.status(), ScimResources.error(e.status(), e.scimType(), e.getMessage()));
  }

  /** Two of the provider's requests at once changed the same row (it sends in parallel): it tries again. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  void conflict(DataIntegrityViolationException e, HttpServletResponse response) throws IOException {
    log.info("SCIM: ett anrop krockade med ett samtidigt anrop och nekades ({})", e.getMostSpecificCause().getMessage());
    send(response, 409, ScimResources.error(409, "uniqueness",
        "Ett samtidigt anrop ändrade samma användare eller grupp; inget av detta anrop sparades. Försök igen."));
  }

  // --- helpers

  /** The filter has authenticated exactly this source; anything else is refused (never another source's data). */
  private static void authenticated(String source, HttpServletRequest request) {
    if (!source.equals(request.getAttribute(ScimAuthentication.SOURCE_ATTRIBUTE))) {
      throw new ScimException(401, null, "Ingen giltig token för källan.");
    }
  }

  /** SCIM's paging: startIndex is 1-based (1 when absent or below), count at most {@value #MAX_COUNT}. */
  private static int startIndex(Integer startIndex) {
    return startIndex == null || startIndex < 1 ? 1 : startIndex;
  }

  private static int count(Integer count) {
    return count == null ? DEFAULT_COUNT : Math.max(0, Math.min(MAX_COUNT, count));
  }

  private <T> T inTransaction(Supplier<T> work) {
    return transaction.execute(status -> work.get());
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      throw new ScimException(400, "invalidSyntax", "Anropet saknar innehåll (ett JSON-objekt väntades).");
    }
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new ScimException(400, "invalidSyntax", "Innehållet är inte giltig JSON: " + e.getOriginalMessage());
    }
  }

  private static boolean withMembers(String attributes, String excludedAttributes) {
    if (attributes != null && !attributes.isBlank()) {
      return names(attributes).stream().anyMatch(a -> a.equals("members") || a.startsWith("members."));
    }
    return excludedAttributes == null || !names(excludedAttributes).contains("members");
  }

  private static List<String> names(String list) {
    return Arrays.stream(list.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT))
        .map(s -> s.startsWith(ScimResources.GROUP_SCHEMA.toLowerCase(Locale.ROOT) + ":")
            ? s.substring(ScimResources.GROUP_SCHEMA.length() + 1) : s)
        .toList();
  }

  private ObjectNode groupJson(HttpServletRequest request, String source, ScimGroup group) {
    return ScimResources.json(group, location(request, source, "Groups", group.id()),
        userId -> location(request, source, "Users", userId));
  }

  private static String location(HttpServletRequest request, String source, String type, String id) {
    String scheme = request.getScheme();
    int port = request.getServerPort();
    boolean defaultPort = ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
    return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port) + request.getContextPath() + BASE + "/"
        + source + "/" + type + "/" + id;
  }

  private static ObjectNode resourceType(String name, String endpoint, String schema) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ResourceType");
    node.put("id", name).put("name", name).put("endpoint", endpoint).put("schema", schema);
    return node;
  }

  private static ObjectNode schema(String id, String name, String... attributes) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:Schema");
    node.put("id", id).put("name", name);
    var list = node.putArray("attributes");
    for (String attribute : attributes) {
      list.addObject().put("name", attribute);
    }
    return node;
  }

  private static ScimException userNotFound(String id) {
    return ScimException.notFound("Användaren " + id + " finns inte i källan.");
  }

  private static ScimException groupNotFound(String id) {
    return ScimException.notFound("Gruppen " + id + " finns inte i källan.");
  }

  static void send(HttpServletResponse response, int status, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    response.setStatus(status);
    response.setContentType(CONTENT_TYPE);
    response.setContentLength(bytes.length);
    response.getOutputStream().write(bytes);
  }
}
