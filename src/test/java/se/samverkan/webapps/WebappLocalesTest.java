package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Swedish locale files against the English ones of the Camunda webjar on the classpath (the
 * version in the pom), so that an upgrade adding a label cannot silently leave a key untranslated.
 */
class WebappLocalesTest {

  static final String APP = "META-INF/resources/webjars/camunda/app/";
  /** Words that are the same in Swedish and English, or symbols. */
  private static final Set<String> SAME_IN_SWEDISH =
      Set.of("", "<", "<=", ">", ">=", "Filter", "Start", "OK", "Information", "Optimize", "System");
  private static final ObjectMapper JSON = new ObjectMapper();

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void swedishHasEveryKeyOfTheEnglishLocaleOfTheCamundaVersionInThePom(String app) throws IOException {
    JsonNode english = webjarEnglish(app);
    JsonNode swedish = ours(app);

    assertThat(keys(swedish.get("labels"))).as(app + " sv.json labels")
        .containsAll(keys(english.get("labels")));
    if (english.has("dateLocales")) {
      assertThat(keys(swedish.get("dateLocales"))).as(app + " sv.json dateLocales")
          .containsAll(keys(english.get("dateLocales")));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "admin", "welcome"})
  void tasklistAdminAndWelcomeAreFullyInSwedish(String app) throws IOException {
    JsonNode english = webjarEnglish(app).get("labels");
    JsonNode swedish = ours(app).get("labels");
    List<String> untranslated = new ArrayList<>();
    english.fieldNames().forEachRemaining(key -> {
      String text = english.get(key).asText();
      if (swedish.path(key).asText().equals(text) && !SAME_IN_SWEDISH.contains(text)) {
        untranslated.add(key + "=" + text);
      }
    });
    assertThat(untranslated).as(app + " keys still in English").isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void configOffersSwedishWithEnglishFallbackAndSaysSamverkan(String app) throws IOException {
    String config = resourceOfOurs(APP + app + "/scripts/config.js");

    assertThat(config).contains("availableLocales: ['sv', 'en']", "fallbackLocale: 'en'", "vendor: 'Samverkan'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void theMigrationBannerOfTheWebjarIsHidden(String app) throws IOException {
    String bundle = webjarResource(APP + app + "/camunda-" + app + "-bootstrap.js");
    String styles = resourceOfOurs(APP + app + "/styles/user-styles.css");

    assertThat(bundle).as("the banner element our stylesheet hides").contains("class=\"ce-eol-banner\"");
    assertThat(styles).contains(".ce-eol-banner").contains("display: none !important");
  }

  private static JsonNode webjarEnglish(String app) throws IOException {
    return JSON.readTree(stripBom(webjarResource(APP + app + "/locales/en.json")));
  }

  private static JsonNode ours(String app) throws IOException {
    return JSON.readTree(resourceOfOurs(APP + app + "/locales/sv.json"));
  }

  /** The copy inside the camunda-webapp-webjar jar, whatever else overrides it. */
  private static String webjarResource(String path) throws IOException {
    for (URL url : Collections.list(WebappLocalesTest.class.getClassLoader().getResources(path))) {
      if (url.toString().contains("camunda-webapp-webjar")) {
        try (InputStream in = url.openStream()) {
          return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("camunda-webapp-webjar has no " + path);
  }

  /** Our override: the first copy on the classpath, which must not be the webjar's. */
  private static String resourceOfOurs(String path) throws IOException {
    URL url = WebappLocalesTest.class.getClassLoader().getResource(path);
    assertThat(url).as(path).isNotNull();
    assertThat(url.toString()).as(path + " comes from Samverkan, not the webjar").doesNotContain("camunda-webapp-webjar");
    try (InputStream in = url.openStream()) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    node.fieldNames().forEachRemaining(keys::add);
    return keys;
  }
}
