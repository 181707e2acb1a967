package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Swedish table for form-js's fixed texts (tasklist/scripts/samverkan-form-texts-sv.js) against
 * the form library Tasklist ships in the Camunda webjar of the pom: every English text it translates
 * is one form-js still renders, so that an upgrade changing a text shows here, not as English in a form.
 */
class FormTextsTest {

  static final String SCRIPTS = WebappLocalesTest.APP + "tasklist/scripts/";
  /** The webjar's bundle of the webapps' libraries, form-js 1.8.7 and flatpickr among them. */
  static final String LIBRARIES = "META-INF/resources/webjars/camunda/lib/deps.js";

  static JsonNode table;
  static String libraries;

  @BeforeAll
  static void read() throws IOException {
    String script = resource(SCRIPTS + "samverkan-form-texts-sv.js");
    String body = "export default ";
    assertThat(script).contains(body);
    table = new ObjectMapper().readTree(script.substring(script.indexOf(body) + body.length(), script.lastIndexOf('}') + 1));
    libraries = resource(LIBRARIES);
  }

  @Test
  void shouldTranslateOnlyTextsTheShippedFormLibraryRenders() {
    List<String> unknown = new ArrayList<>();
    table.get("texts").fieldNames().forEachRemaining(english -> {
      // the fixed parts around {1}, {2}: in the bundle they stand around ${...} of a template literal;
      // the date placeholders are computed from the browser's date format (Intl)
      for (String part : english.split("\\{\\d\\}")) {
        if (!part.isEmpty() && !libraries.contains(part) && !english.contains("yyyy")) {
          unknown.add(english + " («" + part + "»)");
        }
      }
    });
    assertThat(unknown).as("texts of the table that form-js in the webjar no longer renders").isEmpty();
  }

  @Test
  void shouldTranslateTheTextsUsersMeet() {
    assertThat(keys(table.get("texts"))).contains("Field is required.", "Add new", "Expand all ({1})", "Collapse",
        "Select", "Search", "yyyy-mm-dd", "Remove list item {1}", "Field must have maximum length of {1}.");
    table.get("texts").fields().forEachRemaining(entry -> {
      assertThat(entry.getValue().asText()).as(entry.getKey()).isNotBlank().isNotEqualTo(entry.getKey());
      assertThat(FormsBrowserIT.englishWords(entry.getValue().asText())).as(entry.getKey()).isEmpty();
      assertThat(markers(entry.getValue().asText())).as(entry.getKey() + ": the same {n}").isEqualTo(markers(entry.getKey()));
    });
  }

  @Test
  void shouldGiveTheDatePickerSwedishWeekdaysMonthsAndMonday() {
    JsonNode calendar = table.get("flatpickr");
    assertThat(calendar.path("weekdays").path("shorthand")).hasSize(7);
    assertThat(calendar.path("weekdays").path("longhand").get(1).asText()).isEqualTo("måndag");
    assertThat(calendar.path("months").path("longhand")).hasSize(12);
    assertThat(calendar.path("firstDayOfWeek").asInt()).isEqualTo(1);
    // flatpickr's own keys, as its English defaults in the bundle name them
    calendar.fieldNames().forEachRemaining(key -> assertThat(libraries).as("flatpickr key " + key).contains(key + ":"));
  }

  private static List<String> markers(String text) {
    List<String> found = new ArrayList<>();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{\\d\\}").matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found.stream().sorted().toList();
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = FormTextsTest.class.getClassLoader().getResourceAsStream(path)) {
      assertThat(in).as(path).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
