package se.samverkan.est;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;

/** JSON variables as Tasklist's forms read and write them (Spin JSON), handled with Jackson. */
final class EstJson {

  static final ObjectMapper JSON = new ObjectMapper();

  private static final DateTimeFormatter SWEDISH =
      DateTimeFormatter.ofPattern("EEEE d MMMM yyyy 'kl.' HH:mm", Locale.forLanguageTag("sv-SE"));

  private EstJson() {}

  static JsonNode read(Object value) {
    if (value == null) {
      return MissingNode.getInstance();
    }
    try {
      if (value instanceof SpinJsonNode spin) {
        return JSON.readTree(spin.toString());
      }
      if (value instanceof String text) {
        return text.isBlank() ? MissingNode.getInstance() : JSON.readTree(text);
      }
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
    return JSON.valueToTree(value);
  }

  static TypedValue value(JsonNode node) {
    return SpinValues.jsonValue(node.toString()).create();
  }

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }

  /** Nothing filled in: null, blank text, an empty list. */
  static boolean isBlank(Object value) {
    if (value == null) {
      return true;
    }
    if (value instanceof String text) {
      return text.isBlank();
    }
    JsonNode node = read(value);
    if (node.isContainerNode()) {
      return node.isEmpty();
    }
    return node.isMissingNode() || node.isNull() || node.asText("").isBlank();
  }

  /** A text field's value, blank when absent. */
  static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? "" : value.asText("");
  }

  static String swedish(ZonedDateTime time) {
    return SWEDISH.format(time);
  }

  static String swedish(Date date, java.time.ZoneId zone) {
    return date == null ? "" : swedish(date.toInstant().atZone(zone));
  }
}
