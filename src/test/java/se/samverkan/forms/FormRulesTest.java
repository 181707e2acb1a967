package se.samverkan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FormRulesTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

  private FormRules rules;
  private Map<String, Object> submission;

  @BeforeEach
  void validSubmission() throws IOException {
    JsonNode form = new ObjectMapper().readTree(getClass().getResourceAsStream("/test-forms/validation-test.form"));
    rules = new FormRules(form, TODAY);
    submission = new HashMap<>(Map.of(
        "lagesbild", "Skadegörelse vid busstationen på kvällstid.",
        "kontroll", List.of("statistik"),
        "villkorligt", "ja",
        "insatser", List.of(Map.of("vad", "Trygghetsvandring", "nar", "2026-12-03"))));
  }

  @Test
  void shouldAcceptACompleteSubmission() {
    assertThat(rules.check(submission::get)).isEmpty();
  }

  @Test
  void shouldRequireRequiredFieldsInSwedish() {
    submission.remove("lagesbild");
    submission.put("kontroll", List.of());

    assertThat(rules.check(submission::get))
        .containsExactly("«Lägesbild» måste fyllas i.", "«Checklista» måste fyllas i.");
  }

  @Test
  void shouldTreatBlankTextAsMissing() {
    submission.put("lagesbild", "   \n ");

    assertThat(rules.check(submission::get)).containsExactly("«Lägesbild» måste fyllas i.");
  }

  @Test
  void shouldRefuseWrongTypes() {
    submission.put("lagesbild", 42);
    submission.put("antal", "många");
    submission.put("klar", "kanske");
    submission.put("kontroll", "statistik");

    assertThat(rules.check(submission::get)).containsExactly(
        "«Lägesbild» ska vara text.",
        "«Antal» ska vara ett tal.",
        "«Checklista» ska vara en lista av alternativ.",
        "«Klar» ska vara ja eller nej.");
  }

  @Test
  void shouldEnforceLengthsPatternsAndBounds() {
    submission.put("kortText", "ALLDELES FÖR LÅNG");
    submission.put("antal", 101);

    assertThat(rules.check(submission::get)).containsExactly(
        "«Kort text» får vara högst 10 tecken (nu 17).",
        "«Kort text» har fel format.",
        "«Antal» får inte vara större än 100.");
  }

  @Test
  void shouldRefuseMegabytesOfTextWhereTheFormSetsNoLimit() {
    submission.put("lagesbild", "x".repeat(2_000_000));

    assertThat(rules.check(submission::get))
        .containsExactly("«Lägesbild» får vara högst 4000 tecken (nu 2000000).");
  }

  @Test
  void shouldRefuseMalformedAndPassedDates() {
    submission.put("motesdatum", "2026-11-25");
    submission.put("insatser", List.of(Map.of("vad", "Vandring", "nar", "3 december")));

    assertThat(rules.check(submission::get)).containsExactly(
        "«Mötesdatum» får inte ligga bakåt i tiden.",
        "Insatser, rad 1: «När» ska vara ett datum (ÅÅÅÅ-MM-DD).");
  }

  @Test
  void shouldRefuseValuesThatAreNotAmongTheOptions() {
    submission.put("format", "flashmob");
    submission.put("kontroll", List.of("statistik", "<script>alert(1)</script>"));

    assertThat(rules.check(submission::get)).containsExactly(
        "«Format» har ett värde som inte finns bland alternativen: flashmob.",
        "«Checklista» har ett värde som inte finns bland alternativen: <script>alert(1)</script>.");
  }

  @Test
  void shouldCheckEveryRowOfADynamicList() {
    submission.put("insatser", List.of(Map.of("vad", "Vandring"), Map.of("nar", "2026-12-01")));

    assertThat(rules.check(submission::get)).containsExactly("Insatser, rad 2: «Vad» måste fyllas i.");
  }

  @Test
  void shouldRequireARowInARequiredDynamicList() {
    submission.put("insatser", List.of());

    assertThat(rules.check(submission::get)).containsExactly("«Insatser» måste ha minst en rad.");
  }

  @Test
  void shouldLeaveConditionalFieldsToTheForm() {
    submission.remove("villkorligt");

    assertThat(rules.check(submission::get)).isEmpty();
  }
}
