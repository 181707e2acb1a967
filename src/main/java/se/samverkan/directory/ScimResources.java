package se.samverkan.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.samverkan.directory.ScimStore.Member;
import se.samverkan.directory.ScimStore.ScimGroup;
import se.samverkan.directory.ScimStore.ScimUser;

/**
 * SCIM's JSON (RFC 7643, RFC 7644) for the attributes Samverkan keeps: a user's userName (its
 * Camunda user id), externalId, active, name.givenName, name.familyName, displayName and work
 * e-mail; a group's displayName, externalId and members. Other attributes a provider maps (title,
 * phone numbers, the enterprise extension, …) are accepted and not kept, so that a provider's
 * default attribute mapping works. PATCH takes the operations providers send: add, replace and
 * remove in any case, with or without a path, {@code emails[type eq "work"].value},
 * {@code members[value eq "…"]}, booleans as JSON or as the strings "True"/"False" (Entra ID).
 */
final class ScimResources {

  static final String USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
  static final String GROUP_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:Group";
  static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
  static final String PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
  static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

  private static final int MAX_TEXT = 255;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern MEMBER_PATH = Pattern.compile("(?i)members\\[\\s*value\\s+eq\\s+\"((?:[^\"\\\\]|\\\\.)*)\"\\s*\\]");
  private static final Pattern EMAIL_PATH = Pattern.compile(
      "(?i)emails\\[\\s*(type\\s+eq\\s+\"(?<type>[^\"]*)\"|primary\\s+eq\\s+(?<primary>true|\"true\"))\\s*\\]\\.value");

  private ScimResources() {}

  // --- users

  /** A user from a POST or PUT body: what is absent is cleared; active defaults to true. */
  static ScimUser user(JsonNode body, String id, Timestamp created) {
    requireObject(body);
    ScimUser user = new ScimUser(id, text(body, "userName"), text(body, "externalId"),
        !body.has("active") || body.get("active").isNull() || bool(body.get("active"), "active"),
        text(body.path("name"), "givenName"), text(body.path("name"), "familyName"), text(body, "displayName"),
        email(body.get("emails")), created, null);
    return validated(user);
  }

  /** The user after a PATCH request's operations, applied in order. */
  static ScimUser patched(ScimUser user, JsonNode body) {
    UserFields fields = new UserFields(user);
    eachChange(body, fields::apply);
    return validated(fields.toUser());
  }

  private static final class UserFields {
    private final ScimUser original;
    private String userName;
    private String externalId;
    private boolean active;
    private String givenName;
    private String familyName;
    private String displayName;
    private String email;

    UserFields(ScimUser user) {
      original = user;
      userName = user.userName();
      externalId = user.externalId();
      active = user.active();
      givenName = user.givenName();
      familyName = user.familyName();
      displayName = user.displayName();
      email = user.email();
    }

    void apply(String op, String rawPath, JsonNode value) {
      boolean remove = "remove".equals(op);
      String path = withoutSchema(rawPath, USER_SCHEMA);
      Matcher emailPath = EMAIL_PATH.matcher(path);
      if (emailPath.matches()) {
        String type = emailPath.group("type");
        if (type == null || type.equalsIgnoreCase("work")) {
          email = remove ? null : textValue(value, path);
        }
        return;
      }
      switch (path.toLowerCase(Locale.ROOT)) {
        case "username" -> {
          if (remove) {
            throw new ScimException(400, "mutability", "userName kan inte tas bort: det är användarens id i Samverkan.");
          }
          userName = textValue(value, path);
        }
        case "externalid" -> externalId = remove ? null : textValue(value, path);
        case "active" -> {
          if (remove) {
            throw ScimException.invalidValue("active kan inte tas bort; sätt det till false för att stänga av kontot.");
          }
          active = bool(value, "active");
        }
        case "displayname" -> displayName = remove ? null : textValue(value, path);
        case "name.givenname" -> givenName = remove ? null : textValue(value, path);
        case "name.familyname" -> familyName = remove ? null : textValue(value, path);
        case "name" -> {
          if (remove) {
            givenName = null;
            familyName = null;
          } else {
            requireObject(value);
            if (value.has("givenName") || "replace".equals(op)) {
              givenName = text(value, "givenName");
            }
            if (value.has("familyName") || "replace".equals(op)) {
              familyName = text(value, "familyName");
            }
          }
        }
        case "emails" -> email = remove ? null : email(value);
        default -> {
          // an attribute Samverkan does not keep (title, phoneNumbers, the enterprise extension, …)
        }
      }
    }

    ScimUser toUser() {
      return new ScimUser(original.id(), userName, externalId, active, givenName, familyName, displayName, email,
          original.created(), original.modified());
    }
  }

  private static ScimUser validated(ScimUser user) {
    if (user.userName() == null || user.userName().isBlank()) {
      throw ScimException.invalidValue("userName saknas; det blir användarens id i Samverkan.");
    }
    String problem = LdapDirectoryReader.userIdProblem(user.userName(), "userName");
    if (problem != null) {
      throw ScimException.invalidValue("userName kan inte bli ett användar-id i Samverkan: " + problem
          + ". Mappa ett kortare attribut till userName i leverantörens provisionering (t.ex. mailNickname).");
    }
    for (String[] field : new String[][] {{"externalId", user.externalId()}, {"name.givenName", user.givenName()},
        {"name.familyName", user.familyName()}, {"displayName", user.displayName()}, {"emails.value", user.email()}}) {
      if (field[1] != null && field[1].length() > MAX_TEXT) {
        throw ScimException.invalidValue(field[0] + " är " + field[1].length() + " tecken; Samverkan tar högst " + MAX_TEXT + ".");
      }
    }
    return user;
  }

  static ObjectNode json(ScimUser user, String location) {
    ObjectNode node = NODES.objectNode();
    node.putArray("schemas").add(USER_SCHEMA);
    node.put("id", user.id());
    if (user.externalId() != null) {
      node.put("externalId", user.externalId());
    }
    node.put("userName", user.userName());
    node.put("active", user.active());
    ObjectNode name = node.putObject("name");
    if (user.givenName() != null) {
      name.put("givenName", user.givenName());
    }
    if (user.familyName() != null) {
      name.put("familyName", user.familyName());
    }
    if (user.displayName() != null) {
      node.put("displayName", user.displayName());
    }
    if (user.email() != null) {
      node.putArray("emails").addObject().put("value", user.email()).put("type", "work").put("primary", true);
    }
    meta(node, "User", user.created(), user.modified(), location);
    return node;
  }

  // --- groups

  /** A group from a POST or PUT body. */
  record GroupFields(String displayName, String externalId, List<String> members) {}

  static GroupFields group(JsonNode body) {
    requireObject(body);
    String displayName = text(body, "displayName");
    if (displayName == null || displayName.isBlank()) {
      throw ScimException.invalidValue("displayName saknas; funktionerna mappas till gruppens namn.");
    }
    GroupFields fields = new GroupFields(displayName, text(body, "externalId"), memberIds(body.get("members")));
    return validated(fields);
  }

  private static GroupFields validated(GroupFields group) {
    if (group.displayName() == null || group.displayName().isBlank()) {
      throw ScimException.invalidValue("displayName kan inte vara tomt.");
    }
    for (String[] field : new String[][] {{"displayName", group.displayName()}, {"externalId", group.externalId()}}) {
      if (field[1] != null && field[1].length() > MAX_TEXT) {
        throw ScimException.invalidValue(field[0] + " är " + field[1].length() + " tecken; Samverkan tar högst " + MAX_TEXT + ".");
      }
    }
    return group;
  }

  /** What a group PATCH does: its new name and external id, and the members to add and remove (or to set). */
  record GroupChange(String displayName, String externalId, Set<String> add, Set<String> remove, boolean removeAll,
      List<String> replaceWith) {}

  static GroupChange groupChange(ScimGroup group, JsonNode body) {
    String[] name = {group.displayName(), group.externalId()};
    Set<String> add = new LinkedHashSet<>();
    Set<String> remove = new LinkedHashSet<>();
    boolean[] removeAll = {false};
    List<List<String>> replace = new ArrayList<>();
    eachChange(body, (op, path, value) -> applyToGroup(op, path, value, name, add, remove, removeAll, replace));
    validated(new GroupFields(name[0], name[1], List.of()));
    return new GroupChange(name[0], name[1], add, remove, removeAll[0], replace.isEmpty() ? null : replace.get(replace.size() - 1));
  }

  private static void applyToGroup(String op, String rawPath, JsonNode value, String[] name, Set<String> add,
      Set<String> remove, boolean[] removeAll, List<List<String>> replace) {
    String path = withoutSchema(rawPath, GROUP_SCHEMA);
    Matcher member = MEMBER_PATH.matcher(path);
    if (member.matches()) {
      if (!"remove".equals(op)) {
        throw ScimException.invalidValue("members[value eq …] kan bara tas bort (remove); lägg till med path members.");
      }
      String id = member.group(1).replace("\\\"", "\"").replace("\\\\", "\\");
      add.remove(id);
      remove.add(id);
      return;
    }
    switch (path.toLowerCase(Locale.ROOT)) {
      case "displayname" -> {
        if ("remove".equals(op)) {
          throw new ScimException(400, "mutability", "displayName kan inte tas bort; funktionerna mappas till gruppens namn.");
        }
        name[0] = textValue(value, path);
      }
      case "externalid" -> name[1] = "remove".equals(op) ? null : textValue(value, path);
      case "members" -> {
        List<String> ids = value == null || value.isNull() ? List.of() : memberIds(value);
        switch (op) {
          case "add" -> {
            ids.forEach(remove::remove);
            add.addAll(ids);
          }
          case "remove" -> {
            if (value == null || value.isNull()) {
              removeAll[0] = true;
              add.clear();
              replace.clear();
            } else {
              ids.forEach(add::remove);
              remove.addAll(ids);
            }
          }
          default -> {
            replace.add(List.copyOf(new LinkedHashSet<>(ids)));
            add.clear();
            remove.clear();
            removeAll[0] = false;
          }
        }
      }
      default -> {
        // an attribute Samverkan does not keep
      }
    }
  }

  static ObjectNode json(ScimGroup group, String location, java.util.function.Function<String, String> userLocation) {
    ObjectNode node = NODES.objectNode();
    node.putArray("schemas").add(GROUP_SCHEMA);
    node.put("id", group.id());
    if (group.externalId() != null) {
      node.put("externalId", group.externalId());
    }
    node.put("displayName", group.displayName());
    if (group.members() != null) {
      ArrayNode members = node.putArray("members");
      for (Member member : group.members()) {
        members.addObject().put("value", member.id()).put("display", member.userName()).put("type", "User")
            .put("$ref", userLocation.apply(member.id()));
      }
    }
    meta(node, "Group", group.created(), group.modified(), location);
    return node;
  }

  // --- shared

  static ObjectNode list(int total, int startIndex, List<ObjectNode> resources) {
    ObjectNode node = NODES.objectNode();
    node.putArray("schemas").add(LIST_SCHEMA);
    node.put("totalResults", total);
    node.put("startIndex", startIndex);
    node.put("itemsPerPage", resources.size());
    ArrayNode array = node.putArray("Resources");
    resources.forEach(array::add);
    return node;
  }

  static ObjectNode error(int status, String scimType, String detail) {
    ObjectNode node = NODES.objectNode();
    node.putArray("schemas").add(ERROR_SCHEMA);
    node.put("status", String.valueOf(status));
    if (scimType != null) {
      node.put("scimType", scimType);
    }
    node.put("detail", detail);
    return node;
  }

  private static void meta(ObjectNode node, String type, Timestamp created, Timestamp modified, String location) {
    ObjectNode meta = node.putObject("meta");
    meta.put("resourceType", type);
    if (created != null) {
      meta.put("created", created.toInstant().toString());
    }
    if (modified != null) {
      meta.put("lastModified", modified.toInstant().toString());
    }
    meta.put("location", location);
  }

  private record Operation(String op, String path, JsonNode value) {}

  /** One change of a PATCH: the op (lower case), an attribute path and its value. */
  @FunctionalInterface
  private interface Change {
    void apply(String op, String path, JsonNode value);
  }

  /**
   * The PATCH request's changes in order: an operation with a path is one change; one without a path
   * is a change per attribute of its value object (RFC 7644 §3.5.2).
   */
  private static void eachChange(JsonNode body, Change change) {
    for (Operation operation : operations(body)) {
      if (operation.path() != null) {
        change.apply(operation.op(), operation.path(), operation.value());
        continue;
      }
      if (!operation.value().isObject()) {
        throw ScimException.invalidValue("En operation utan path ska ha ett objekt som value.");
      }
      Iterator<Map.Entry<String, JsonNode>> entries = operation.value().fields();
      while (entries.hasNext()) {
        Map.Entry<String, JsonNode> entry = entries.next();
        change.apply(operation.op(), entry.getKey(), entry.getValue());
      }
    }
  }

  private static List<Operation> operations(JsonNode body) {
    requireObject(body);
    JsonNode operations = body.get("Operations");
    if (operations == null) {
      operations = body.get("operations");
    }
    if (operations == null || !operations.isArray() || operations.isEmpty()) {
      throw new ScimException(400, "invalidSyntax", "Operations saknas eller är tom (" + PATCH_SCHEMA + ").");
    }
    List<Operation> list = new ArrayList<>();
    for (JsonNode operation : operations) {
      requireObject(operation);
      String op = operation.path("op").asText("").toLowerCase(Locale.ROOT);
      if (!Set.of("add", "replace", "remove").contains(op)) {
        throw new ScimException(400, "invalidSyntax", "op ska vara add, replace eller remove, inte «" + operation.path("op").asText("") + "».");
      }
      JsonNode path = operation.get("path");
      String pathText = path == null || path.isNull() || path.asText().isBlank() ? null : path.asText().strip();
      JsonNode value = operation.get("value");
      if (pathText == null && "remove".equals(op)) {
        throw new ScimException(400, "noTarget", "remove kräver en path.");
      }
      if (pathText == null && (value == null || value.isNull())) {
        throw new ScimException(400, "invalidSyntax", op + " utan path kräver ett value.");
      }
      list.add(new Operation(op, pathText, value));
    }
    return list;
  }

  private static String withoutSchema(String path, String schema) {
    return path.regionMatches(true, 0, schema + ":", 0, schema.length() + 1) ? path.substring(schema.length() + 1) : path;
  }

  private static List<String> memberIds(JsonNode members) {
    if (members == null || members.isNull()) {
      return List.of();
    }
    JsonNode array = members.isArray() ? members : NODES.arrayNode().add(members);
    List<String> ids = new ArrayList<>();
    for (JsonNode member : array) {
      String id = member.isObject() ? text(member, "value") : member.isTextual() ? member.asText() : null;
      if (id == null || id.isBlank()) {
        throw ScimException.invalidValue("En medlem saknar value (användarens id).");
      }
      ids.add(id);
    }
    return ids;
  }

  private static String email(JsonNode emails) {
    if (emails == null || emails.isNull()) {
      return null;
    }
    if (!emails.isArray()) {
      throw ScimException.invalidValue("emails ska vara en lista.");
    }
    JsonNode chosen = null;
    for (JsonNode candidate : emails) {
      if (candidate.path("primary").asBoolean(false) || "true".equalsIgnoreCase(candidate.path("primary").asText())) {
        chosen = candidate;
        break;
      }
      if (chosen == null && (candidate.path("type").isMissingNode() || "work".equalsIgnoreCase(candidate.path("type").asText()))) {
        chosen = candidate;
      }
    }
    if (chosen == null && !emails.isEmpty()) {
      chosen = emails.get(0);
    }
    return chosen == null ? null : text(chosen, "value");
  }

  private static String text(JsonNode node, String field) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    JsonNode value = node.get(field);
    if (value == null) {
      // SCIM's attribute names are case-insensitive
      Iterator<String> names = node.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        if (name.equalsIgnoreCase(field)) {
          value = node.get(name);
          break;
        }
      }
    }
    return textValue(value, field);
  }

  private static String textValue(JsonNode value, String field) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isArray() && value.size() == 1) {
      value = value.get(0).isObject() && value.get(0).has("value") ? value.get(0).get("value") : value.get(0);
    }
    if (value.isObject() && value.has("value")) {
      value = value.get("value");
    }
    if (!value.isValueNode()) {
      throw ScimException.invalidValue(field + " ska vara en text.");
    }
    String text = value.asText();
    return text.isEmpty() ? null : text;
  }

  private static boolean bool(JsonNode value, String field) {
    if (value != null && value.isBoolean()) {
      return value.asBoolean();
    }
    if (value != null && value.isTextual() && (value.asText().equalsIgnoreCase("true") || value.asText().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(value.asText().toLowerCase(Locale.ROOT));
    }
    throw ScimException.invalidValue(field + " ska vara true eller false.");
  }

  private static void requireObject(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new ScimException(400, "invalidSyntax", "Ett JSON-objekt väntades.");
    }
  }
}
