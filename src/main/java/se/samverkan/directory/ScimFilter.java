package se.samverkan.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The part of SCIM's filter language (RFC 7644 §3.4.2.2) that provisioning clients use to find what
 * they pushed before: {@code attribute eq "value"} clauses joined by {@code and}, e.g. Entra ID's
 * {@code userName eq "anna.berg@lycksele.se"} or {@code id eq "…" and members eq "…"}. Each known
 * attribute becomes a fixed SQL condition with the value as a parameter; anything else is refused
 * as invalidFilter, in Swedish, never guessed at.
 */
final class ScimFilter {

  /** How one attribute is compared: the SQL condition with one parameter, and whether the value is case-folded. */
  record Column(String condition, boolean caseInsensitive, boolean bool) {}

  /** The SQL conditions (joined with and) and their parameters. */
  record Sql(String where, List<Object> parameters) {}

  static final Map<String, Column> USER = Map.of(
      "username", new Column("user_name_key = ?", true, false),
      "externalid", new Column("external_id = ?", false, false),
      "id", new Column("id = ?", false, false),
      "displayname", new Column("lower(display_name) = ?", true, false),
      "active", new Column("active = ?", false, true),
      "emails", new Column("lower(email) = ?", true, false),
      "emails.value", new Column("lower(email) = ?", true, false));

  static final Map<String, Column> GROUP = Map.of(
      "displayname", new Column("display_name_key = ?", true, false),
      "externalid", new Column("external_id = ?", false, false),
      "id", new Column("id = ?", false, false),
      "members", new Column("exists (select 1 from samverkan_scim_member m where m.group_id = g.id and m.user_id = ?)", false, false),
      "members.value", new Column("exists (select 1 from samverkan_scim_member m where m.group_id = g.id and m.user_id = ?)", false, false));

  private static final int MAX_LENGTH = 2000;

  private ScimFilter() {}

  /** The filter as SQL over the given columns; an empty or absent filter is no condition. */
  static Sql parse(String filter, Map<String, Column> columns, String schema) {
    List<String> conditions = new ArrayList<>();
    List<Object> parameters = new ArrayList<>();
    if (filter == null || filter.isBlank()) {
      return new Sql("", parameters);
    }
    if (filter.length() > MAX_LENGTH) {
      throw invalid("filtret är längre än " + MAX_LENGTH + " tecken");
    }
    int[] at = {0};
    while (true) {
      skipSpaces(filter, at);
      String attribute = word(filter, at);
      if (attribute.isEmpty()) {
        throw invalid("ett attribut saknas vid tecken " + (at[0] + 1));
      }
      String key = attribute.toLowerCase(Locale.ROOT);
      String prefix = schema.toLowerCase(Locale.ROOT) + ":";
      if (key.startsWith(prefix)) {
        key = key.substring(prefix.length());
      }
      Column column = columns.get(key);
      if (column == null) {
        throw invalid("attributet «" + attribute + "» kan inte filtreras (bara " + String.join(", ", columns.keySet().stream().sorted().toList()) + ")");
      }
      skipSpaces(filter, at);
      String operator = word(filter, at);
      if (!"eq".equalsIgnoreCase(operator)) {
        throw invalid("operatorn «" + operator + "» stöds inte, bara eq");
      }
      skipSpaces(filter, at);
      Object value = value(filter, at, column);
      conditions.add(column.condition());
      parameters.add(value);
      skipSpaces(filter, at);
      if (at[0] >= filter.length()) {
        break;
      }
      String joiner = word(filter, at);
      if (!"and".equalsIgnoreCase(joiner)) {
        throw invalid("«" + joiner + "» vid tecken " + (at[0] - joiner.length() + 1) + " stöds inte; villkor förenas med and");
      }
    }
    return new Sql(" and " + String.join(" and ", conditions), parameters);
  }

  private static Object value(String filter, int[] at, Column column) {
    if (at[0] < filter.length() && filter.charAt(at[0]) == '"') {
      StringBuilder text = new StringBuilder();
      int i = at[0] + 1;
      while (i < filter.length() && filter.charAt(i) != '"') {
        char c = filter.charAt(i);
        if (c == '\\' && i + 1 < filter.length()) {
          i++;
          c = filter.charAt(i);
        }
        text.append(c);
        i++;
      }
      if (i >= filter.length()) {
        throw invalid("citattecknet efter tecken " + (at[0] + 1) + " stängs aldrig");
      }
      at[0] = i + 1;
      if (column.bool()) {
        return bool(text.toString());
      }
      return column.caseInsensitive() ? text.toString().toLowerCase(Locale.ROOT) : text.toString();
    }
    String literal = word(filter, at);
    if (column.bool()) {
      return bool(literal);
    }
    throw invalid("värdet «" + literal + "» ska stå inom citattecken");
  }

  private static boolean bool(String text) {
    if ("true".equalsIgnoreCase(text)) {
      return true;
    }
    if ("false".equalsIgnoreCase(text)) {
      return false;
    }
    throw invalid("«" + text + "» är inte true eller false");
  }

  private static String word(String filter, int[] at) {
    int start = at[0];
    while (at[0] < filter.length() && !Character.isWhitespace(filter.charAt(at[0])) && filter.charAt(at[0]) != '"') {
      at[0]++;
    }
    return filter.substring(start, at[0]);
  }

  private static void skipSpaces(String filter, int[] at) {
    while (at[0] < filter.length() && Character.isWhitespace(filter.charAt(at[0]))) {
      at[0]++;
    }
  }

  private static ScimException invalid(String detail) {
    return new ScimException(400, "invalidFilter", "Filtret kan inte tolkas: " + detail + ".");
  }
}
