package se.samverkan.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import se.samverkan.engine.SwedishTime;

/**
 * The rules a Camunda Form (form-js schema) declares for its fields, checked on the server.
 * Fields inside a conditional, read-only or disabled component are not required here: the form
 * decides their visibility with FEEL in the browser, and what they show is not the person's input.
 */
public final class FormRules {

  /** Longest text accepted in a field whose form sets no maxLength: the engine stores a String variable in 4,000 characters. */
  public static final int DEFAULT_MAX_TEXT_LENGTH = 4_000;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode form;
  private final LocalDate today;

  public FormRules(JsonNode form, LocalDate today) {
    this.form = form;
    this.today = today;
  }

  public FormRules(JsonNode form) {
    this(form, LocalDate.ofInstant(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant(), SwedishTime.ZONE));
  }

  /** The problems of a submission, in Swedish, one sentence each; empty when it may be completed. */
  public List<String> check(Function<String, Object> variables) {
    List<String> problems = new ArrayList<>();
    checkComponents(form.path("components"), key -> toJson(variables.apply(key)), "", false, problems);
    return problems;
  }

  /**
   * What a walk over a form's components is told, in form-js's order. The one place that knows
   * which component types are inputs and how groups and dynamic lists nest their values: the
   * checks below and {@link FormInputs} both walk with it.
   */
  interface ComponentVisitor {

    /** A keyed input field (textfield, textarea, number, datetime, checkbox, checklist, radio, select, taglist). */
    void field(JsonNode field, String type, boolean optional);

    /** A group; returns the visitor for its components, or null to skip them. */
    ComponentVisitor group(JsonNode group, String path, boolean optional);

    /** A dynamic list under {@code path}; its rows are walked by the visitor itself if it wants. */
    void list(JsonNode list, String path, boolean optional);
  }

  /** Field types whose value the person enters and form-js submits under the field's key. */
  static final Set<String> INPUT_TYPES = Set.of("textfield", "textarea", "number", "datetime", "checkbox",
      "checklist", "radio", "select", "taglist");

  static void walk(JsonNode components, boolean optional, ComponentVisitor visitor) {
    for (JsonNode component : components) {
      String type = component.path("type").asText();
      boolean componentOptional = optional || component.hasNonNull("conditional")
          || component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false);
      switch (type) {
        case "group" -> {
          String path = component.hasNonNull("path") && !component.get("path").asText().isBlank()
              ? component.get("path").asText() : null;
          ComponentVisitor inner = visitor.group(component, path, componentOptional);
          if (inner != null) {
            walk(component.path("components"), componentOptional, inner);
          }
        }
        case "dynamiclist" -> visitor.list(component, component.path("path").asText(), componentOptional);
        default -> {
          if (INPUT_TYPES.contains(type) && component.hasNonNull("key")) {
            visitor.field(component, type, componentOptional);
          }
          // text, image, spacer, separator, table, expression, button: nothing the person enters
        }
      }
    }
  }

  private void checkComponents(JsonNode components, Function<String, JsonNode> scope, String prefix,
      boolean optional, List<String> problems) {
    walk(components, optional, checker(scope, prefix, problems));
  }

  private ComponentVisitor checker(Function<String, JsonNode> scope, String prefix, List<String> problems) {
    return new ComponentVisitor() {
      @Override
      public void field(JsonNode field, String type, boolean optional) {
        checkField(field, type, lookup(scope, field.get("key").asText()), prefix, optional, problems);
      }

      @Override
      public ComponentVisitor group(JsonNode group, String path, boolean optional) {
        return path == null ? this : checker(nested(scope.apply(path)), prefix, problems);
      }

      @Override
      public void list(JsonNode list, String path, boolean optional) {
        checkList(list, scope, prefix, optional, problems);
      }
    };
  }

  private void checkList(JsonNode list, Function<String, JsonNode> scope, String prefix, boolean optional,
      List<String> problems) {
    String label = label(list);
    JsonNode items = scope.apply(list.path("path").asText());
    if (isEmpty(items)) {
      if (!optional && list.path("validate").path("required").asBoolean(false)) {
        problems.add(prefix + "«" + label + "» måste ha minst en rad.");
      }
      return;
    }
    if (!items.isArray()) {
      problems.add(prefix + "«" + label + "» ska vara en lista.");
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String rowPrefix = prefix + label + ", rad " + (i + 1) + ": ";
      if (!item.isObject()) {
        problems.add(rowPrefix + "raden är inte ifylld som ett formulär.");
        continue;
      }
      checkComponents(list.path("components"), nested(item), rowPrefix, optional, problems);
    }
  }

  private void checkField(JsonNode field, String type, JsonNode value, String prefix, boolean optional,
      List<String> problems) {
    String label = prefix + "«" + label(field) + "»";
    JsonNode validate = field.path("validate");
    if (isEmpty(value)) {
      if (!optional && validate.path("required").asBoolean(false)) {
        problems.add(label + " måste fyllas i.");
      }
      return;
    }
    switch (type) {
      case "textfield", "textarea" -> checkText(value, validate, label, problems);
      case "number" -> checkNumber(value, validate, label, problems);
      case "datetime" -> checkDate(field, value, label, problems);
      case "checkbox" -> {
        if (!value.isBoolean()) {
          problems.add(label + " ska vara ja eller nej.");
        }
      }
      case "radio", "select" -> {
        if (!value.isValueNode()) {
          problems.add(label + " ska vara ett av alternativen.");
        } else {
          checkOptions(field, List.of(value), label, problems);
        }
      }
      case "checklist", "taglist" -> {
        if (!value.isArray()) {
          problems.add(label + " ska vara en lista av alternativ.");
        } else {
          List<JsonNode> chosen = new ArrayList<>();
          value.forEach(chosen::add);
          checkOptions(field, chosen, label, problems);
        }
      }
      default -> throw new IllegalArgumentException(type);
    }
  }

  private static void checkText(JsonNode value, JsonNode validate, String label, List<String> problems) {
    if (!value.isTextual()) {
      problems.add(label + " ska vara text.");
      return;
    }
    String text = value.asText();
    // A form may ask for less, never for more than the engine can store.
    int max = Math.min(validate.path("maxLength").asInt(DEFAULT_MAX_TEXT_LENGTH), DEFAULT_MAX_TEXT_LENGTH);
    if (text.length() > max) {
      problems.add(label + " får vara högst " + max + " tecken (nu " + text.length() + ").");
    }
    if (validate.has("minLength") && text.strip().length() < validate.get("minLength").asInt()) {
      problems.add(label + " måste ha minst " + validate.get("minLength").asInt() + " tecken.");
    }
    if (validate.hasNonNull("pattern")) {
      try {
        if (!Pattern.compile(validate.get("pattern").asText()).matcher(text).matches()) {
          problems.add(label + " har fel format.");
        }
      } catch (PatternSyntaxException e) {
        // the form's own pattern is broken: the browser cannot enforce it either; not the person's fault
      }
    }
  }

  private static void checkNumber(JsonNode value, JsonNode validate, String label, List<String> problems) {
    Double number = value.isNumber() ? Double.valueOf(value.asDouble()) : parseNumber(value);
    if (number == null) {
      problems.add(label + " ska vara ett tal.");
      return;
    }
    if (validate.has("min") && number < validate.get("min").asDouble()) {
      problems.add(label + " får inte vara mindre än " + validate.get("min").asText() + ".");
    }
    if (validate.has("max") && number > validate.get("max").asDouble()) {
      problems.add(label + " får inte vara större än " + validate.get("max").asText() + ".");
    }
  }

  private void checkDate(JsonNode field, JsonNode value, String label, List<String> problems) {
    if (value.isNumber()) {
      return; // a java.util.Date set through the Java API
    }
    String subtype = field.path("subtype").asText("date");
    String text = value.asText();
    LocalDate date;
    try {
      date = switch (subtype) {
        case "time" -> {
          LocalTime.parse(text.length() > 5 ? text.substring(0, 5) : text);
          yield null;
        }
        case "datetime" -> parseDateTime(text);
        default -> LocalDate.parse(text);
      };
    } catch (DateTimeParseException e) {
      problems.add(label + " ska vara " + switch (subtype) {
        case "time" -> "en tid (TT:MM).";
        case "datetime" -> "en tidpunkt (ÅÅÅÅ-MM-DD TT:MM).";
        default -> "ett datum (ÅÅÅÅ-MM-DD).";
      });
      return;
    }
    if (date != null && field.path("disallowPassedDates").asBoolean(false) && date.isBefore(today)) {
      problems.add(label + " får inte ligga bakåt i tiden.");
    }
  }

  private static LocalDate parseDateTime(String text) {
    try {
      return OffsetDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException e) {
      return LocalDateTime.parse(text).toLocalDate();
    }
  }

  private static void checkOptions(JsonNode field, List<JsonNode> chosen, String label, List<String> problems) {
    if (!field.path("values").isArray() || field.path("values").isEmpty()) {
      return; // options from a variable or an expression: the process checks them where it matters
    }
    Set<String> allowed = new HashSet<>();
    field.get("values").forEach(option -> allowed.add(option.path("value").asText()));
    for (JsonNode value : chosen) {
      if (!allowed.contains(value.asText())) {
        problems.add(label + " har ett värde som inte finns bland alternativen: " + abbreviate(value.asText()) + ".");
      }
    }
  }

  private static Double parseNumber(JsonNode value) {
    if (!value.isTextual()) {
      return null;
    }
    try {
      return Double.valueOf(value.asText().trim().replace(',', '.'));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static JsonNode lookup(Function<String, JsonNode> scope, String key) {
    String[] path = key.split("\\.");
    JsonNode node = scope.apply(path[0]);
    for (int i = 1; i < path.length && node != null; i++) {
      node = node.path(path[i]);
    }
    return node;
  }

  private static Function<String, JsonNode> nested(JsonNode object) {
    return key -> object == null ? MissingNode.getInstance() : object.path(key);
  }

  private static boolean isEmpty(JsonNode value) {
    return value == null || value.isMissingNode() || value.isNull()
        || (value.isTextual() && value.asText().isBlank())
        || ((value.isArray() || value.isObject()) && value.isEmpty());
  }

  private static String label(JsonNode component) {
    String label = component.path("label").asText("");
    return label.isBlank() ? component.path("key").asText(component.path("path").asText("fält")) : label;
  }

  private static String abbreviate(String text) {
    return text.length() > 40 ? text.substring(0, 40) + "…" : text;
  }

  static JsonNode toJson(Object value) {
    if (value instanceof SerializableValue serializable && !serializable.isDeserialized()) {
      // e.g. a Json variable as REST receives it: only its text is known yet
      String text = serializable.getValueSerialized();
      try {
        return text == null ? NullNode.getInstance() : JSON.readTree(text);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return TextNode.valueOf(text);
      }
    }
    if (value instanceof TypedValue typed) {
      return toJson(typed.getValue());
    }
    if (value == null) {
      return NullNode.getInstance();
    }
    if (value instanceof String text) {
      return TextNode.valueOf(text);
    }
    if (value instanceof SpinJsonNode spin) {
      try {
        return JSON.readTree(spin.toString());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        return TextNode.valueOf(spin.toString());
      }
    }
    if (value instanceof Date date) {
      return JSON.getNodeFactory().numberNode(date.getTime());
    }
    return JSON.valueToTree(value);
  }
}
