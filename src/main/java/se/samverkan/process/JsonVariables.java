package se.samverkan.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import se.samverkan.engine.SwedishTime;

/**
 * Structured process variables: what Camunda Forms submit (Spin JSON), what our listeners keep
 * (Spin JSON, readable in Cockpit and history), string lists for multi-instance collections
 * included (Spin JSON too; models turn them into a collection with {@code ${lists.of(…)}}).
 */
public final class JsonVariables {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonVariables() {}

  /** The variable as JSON, whatever form it arrived in; a missing node when it is not set. */
  public static JsonNode read(VariableScope scope, String name) {
    return toJson(scope.getVariable(name));
  }

  public static JsonNode toJson(Object value) {
    if (value == null) {
      return MissingNode.getInstance();
    }
    if (value instanceof JsonNode node) {
      return node;
    }
    if (value instanceof SpinJsonNode spin) {
      return parse(spin.toString());
    }
    if (value instanceof String text) {
      return TextNode.valueOf(text);
    }
    if (value instanceof Date date) {
      return TextNode.valueOf(date.toInstant().atZone(SwedishTime.ZONE).toLocalDate().toString());
    }
    return JSON.valueToTree(value);
  }

  /** Nothing filled in: not set, null, blank text, an empty list or object. */
  public static boolean isBlank(Object value) {
    JsonNode node = toJson(value);
    if (node.isContainerNode()) {
      return node.isEmpty();
    }
    return node.isMissingNode() || node.isNull() || node.asText("").isBlank();
  }

  public static ObjectNode newObject() {
    return JsonNodeFactory.instance.objectNode();
  }

  public static ArrayNode newArray() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** A copy of the object variable, or a new empty object. */
  public static ObjectNode object(VariableScope scope, String name) {
    JsonNode node = read(scope, name);
    return node.isObject() ? ((ObjectNode) node).deepCopy() : JsonNodeFactory.instance.objectNode();
  }

  /** A copy of the array variable, or a new empty array. */
  public static ArrayNode array(VariableScope scope, String name) {
    JsonNode node = read(scope, name);
    return node.isArray() ? ((ArrayNode) node).deepCopy() : JsonNodeFactory.instance.arrayNode();
  }

  public static void write(VariableScope scope, String name, JsonNode value) {
    scope.setVariable(name, json(value));
  }

  public static TypedValue json(JsonNode value) {
    return SpinValues.jsonValue(value.toString()).create();
  }

  /** A list of texts as a JSON array: Cockpit shows it as JSON, not as {@code java.util.ArrayList}. */
  public static TypedValue stringList(List<String> values) {
    ArrayNode array = newArray();
    values.forEach(array::add);
    return json(array);
  }

  @SuppressWarnings("unchecked")
  public static List<String> strings(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    List<String> result = new ArrayList<>();
    toJson(value).forEach(node -> result.add(node.asText()));
    return result;
  }

  /** A field as text, trimmed; empty when missing. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "" : value.asText().strip();
  }

  /** A text variable as a string, whether kept as String or as {@link #longText(String)}; empty when not set. */
  public static String string(VariableScope scope, String name) {
    return textOf(scope.getVariable(name));
  }

  public static String textOf(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof SpinJsonNode || value instanceof JsonNode) {
      JsonNode node = toJson(value);
      return (node.isValueNode() ? node.asText() : node.toString()).strip();
    }
    return String.valueOf(value).strip();
  }

  /**
   * Text that may be longer than a String variable holds (4,000 characters in the engine's tables):
   * kept as a JSON string, which Tasklist forms show like any text.
   */
  public static TypedValue longText(String text) {
    return SpinValues.jsonValue(TextNode.valueOf(text == null ? "" : text).toString()).create();
  }

  /** Now, as the engine's clock says, in Swedish time (ISO, to the minute). */
  public static String now() {
    return OffsetDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), SwedishTime.ZONE)
        .withSecond(0).withNano(0).toString();
  }

  private static JsonNode parse(String text) {
    try {
      return JSON.readTree(text);
    } catch (JsonProcessingException e) {
      return TextNode.valueOf(text);
    }
  }
}
