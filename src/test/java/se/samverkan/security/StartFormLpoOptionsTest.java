package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.samverkan.organisation.Lpo;

/**
 * The start form's LPO choice: the LPOs a person may start for by the start check's own rule
 * (StartValidation#startableLpos, with the two LPOs of {@link StartCoverageTest}), written into the
 * samverkansprocess's start form as the select's options.
 */
class StartFormLpoOptionsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  final StartValidation startValidation = new StartValidation(StartCoverageTest.TWO_LPOS);

  @Test
  void shouldOfferEachFunctionOnlyTheLpoItBelongsTo() {
    assertThat(slugs(List.of("samordnare-mala"))).containsExactly("sodra-lappland");
    assertThat(slugs(List.of("samordnare-norsjo"))).containsExactly("skelleftea-norsjo");
    assertThat(slugs(List.of("kommunpolis-sodra-lappland"))).containsExactly("sodra-lappland");
    assertThat(slugs(List.of("kommunpolis-sodra-lappland", "samordnare-skelleftea")))
        .containsExactly("sodra-lappland", "skelleftea-norsjo");
  }

  @Test
  void shouldOfferNothingWithoutAFunctionInAnLpo() {
    assertThat(slugs(List.of("processagare"))).isEmpty();
    assertThat(slugs(List.of())).isEmpty();
    // the start check refuses an administrator without a function (BadInputIT), so the choice offers nothing either
    assertThat(slugs(List.of(FunctionAuthorizations.ADMINISTRATORS))).isEmpty();
    assertThat(slugs(List.of("okand-grupp"))).isEmpty();
  }

  @Test
  void shouldGiveTheStartFormsChoiceTheLposWithTheirSwedishNames() throws IOException {
    JsonNode field = lpoField(StartFormLpoOptions.withOptions(startForm(),
        startValidation.startableLpos(List.of("kommunpolis-sodra-lappland", "samordnare-norsjo"))));

    assertThat(field.path("type").asText()).isEqualTo("select");
    assertThat(field.has("valuesKey")).as("static options instead of the variable Tasklist does not load").isFalse();
    assertThat(JSON.convertValue(field.get("values"), List.class)).isEqualTo(List.of(
        Map.of("label", "Södra Lappland", "value", "sodra-lappland"),
        Map.of("label", "Skellefteå-Norsjö", "value", "skelleftea-norsjo")));
    assertThat(field.has("defaultValue")).as("two to choose from: none chosen").isFalse();
  }

  @Test
  void shouldChooseTheOnlyLpoAlready() throws IOException {
    JsonNode field = lpoField(StartFormLpoOptions.withOptions(startForm(),
        startValidation.startableLpos(List.of("samordnare-lycksele"))));

    assertThat(field.path("values")).hasSize(1);
    assertThat(field.path("defaultValue").asText()).isEqualTo("sodra-lappland");
  }

  @Test
  void shouldSayWhomToAskWhenThereIsNoLpo() throws IOException {
    JsonNode field = lpoField(StartFormLpoOptions.withOptions(startForm(), startValidation.startableLpos(List.of("processagare"))));

    assertThat(field.path("values")).isEmpty();
    assertThat(field.path("description").asText()).isEqualTo(StartFormLpoOptions.NO_LPO).contains("administratör");
  }

  @Test
  void shouldLeaveOtherFormsByteForByte() {
    byte[] other = "{\"components\": [{\"type\": \"select\", \"key\": \"kommun\", \"valuesKey\": \"kommunVal\"}]}"
        .getBytes(StandardCharsets.UTF_8);
    byte[] notJson = "\"lpoVal\" <- not a form".getBytes(StandardCharsets.UTF_8);

    assertThat(StartFormLpoOptions.withOptions(other, List.of(StartCoverageTest.TWO_LPOS.lpos().get(0)))).isSameAs(other);
    assertThat(StartFormLpoOptions.withOptions(notJson, List.of())).isSameAs(notJson);
  }

  private List<String> slugs(List<String> groups) {
    return startValidation.startableLpos(groups).stream().map(Lpo::slug).toList();
  }

  static byte[] startForm() throws IOException {
    try (InputStream in = StartFormLpoOptionsTest.class.getResourceAsStream("/forms/samverkan-start.form")) {
      return in.readAllBytes();
    }
  }

  static JsonNode lpoField(byte[] form) throws IOException {
    for (JsonNode component : JSON.readTree(form).path("components")) {
      if ("lpo".equals(component.path("key").asText())) {
        return component;
      }
    }
    throw new AssertionError("no lpo field in " + new String(form, StandardCharsets.UTF_8));
  }
}
