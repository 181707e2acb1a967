package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;
import se.samverkan.WebappSession;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.agreement.AgreementScenario;
import se.samverkan.organisation.Organisation;

/**
 * Issue 17 point 8: the samverkansprocess's start form offers the LPOs its reader may start for, by
 * their Swedish names, in the form Tasklist loads (GET …/process-definition/{id}/deployed-start-form
 * of its own API; /engine-rest answers the same), and the start check still refuses any other LPO.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartLpoChoiceIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String LPO = "sodra-lappland";

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired Organisation organisation;

  private String definitionId;
  private final List<Runnable> cleanup = new ArrayList<>();

  @BeforeEach
  void findTheSamverkansprocess() {
    definitionId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(AgreementProcess.KEY)
        .latestVersion().singleResult().getId();
  }

  @AfterEach
  void removeMemberships() {
    cleanup.forEach(Runnable::run);
    cleanup.clear();
  }

  @Test
  void shouldOfferASamordnareOfSodraLapplandExactlyItsLpoByItsSwedishName() throws IOException {
    JsonNode field = lpoFieldInTasklist("samordnare.lycksele");

    assertThat(field.path("type").asText()).isEqualTo("select");
    assertThat(options(field)).containsExactly(Map.of("label", "Södra Lappland", "value", LPO));
    assertThat(field.path("defaultValue").asText()).as("the only one, chosen already").isEqualTo(LPO);
  }

  @Test
  void shouldAnswerTheSameThroughEngineRest() throws IOException {
    assertThat(options(lpoFieldInEngineRest("kommunpolis.sodra-lappland")))
        .containsExactly(Map.of("label", "Södra Lappland", "value", LPO));
  }

  @Test
  void shouldOfferAnAdministratorTheLposOfItsFunctionsAsTheStartCheckAllowsThem() throws IOException {
    // the start check refuses an administrator without a function (BadInputIT): nothing to choose
    JsonNode withoutFunction = lpoFieldInTasklist("admin");
    assertThat(options(withoutFunction)).isEmpty();
    assertThat(withoutFunction.path("description").asText()).isEqualTo(StartFormLpoOptions.NO_LPO);

    identityService.createMembership("admin", "kommunpolis-" + LPO);
    cleanup.add(() -> identityService.deleteMembership("admin", "kommunpolis-" + LPO));
    assertThat(options(lpoFieldInTasklist("admin"))).extracting(option -> option.get("value"))
        .as("every LPO of the demo's organisation").containsExactlyElementsOf(
            organisation.lpos().stream().map(lpo -> lpo.slug()).toList());
  }

  @Test
  void shouldOfferAUserWithoutAFunctionInAnLpoNothingAndSayWhomToAsk() throws IOException {
    JsonNode field = lpoFieldInTasklist("processagare");

    assertThat(options(field)).isEmpty();
    assertThat(field.has("defaultValue")).isFalse();
    assertThat(field.path("description").asText()).contains("Be Samverkans administratör");
    // länsstyrelsen has no Tasklist; it reads the form through /engine-rest, with nothing to choose either
    assertThat(options(lpoFieldInEngineRest("lansstyrelsen"))).isEmpty();
  }

  @Test
  void shouldStartWithTheOfferedLpoAndStillRefuseAForgedOne() {
    WebappSession samordnare = WebappSession.logIn(port, "samordnare.lycksele");
    long before = started();

    WebappSession.Answer unknown = samordnare.post("/process-definition/" + definitionId + "/submit-form",
        start("norra-lappland", AgreementScenario.uniquePeriod()));
    assertThat(unknown.status()).as(unknown.text()).isEqualTo(400);
    assertThat(unknown.text()).contains("Lokalpolisområdet «norra-lappland» finns inte i organisationen");

    // the administrator is offered no LPO; sending one anyway is refused by the start check
    WebappSession.Answer notOffered = WebappSession.logIn(port, "admin").post(
        "/process-definition/" + definitionId + "/submit-form", start(LPO, AgreementScenario.uniquePeriod()));
    assertThat(notOffered.status()).as(notOffered.text()).isEqualTo(403);
    assertThat(notOffered.text()).contains("ingen av dina funktioner hör till Södra Lappland");
    assertThat(started()).as("nothing started").isEqualTo(before);

    WebappSession.Answer offered = samordnare.post("/process-definition/" + definitionId + "/submit-form",
        start(LPO, AgreementScenario.uniquePeriod()));
    assertThat(offered.status()).as(offered.text()).isEqualTo(200);
    assertThat(started()).isEqualTo(before + 1);
  }

  private JsonNode lpoFieldInTasklist(String user) throws IOException {
    WebappSession.Answer form = WebappSession.logIn(port, user)
        .get("/process-definition/" + definitionId + "/deployed-start-form");
    assertThat(form.status()).as(user + ": " + form.text()).isEqualTo(200);
    return StartFormLpoOptionsTest.lpoField(form.text().getBytes(StandardCharsets.UTF_8));
  }

  private JsonNode lpoFieldInEngineRest(String user) throws IOException {
    ResponseEntity<String> form = RestClient.as(rest, user)
        .get("/process-definition/" + definitionId + "/deployed-start-form", String.class);
    assertThat(form.getStatusCode().value()).as(user + ": " + form.getBody()).isEqualTo(200);
    return StartFormLpoOptionsTest.lpoField(form.getBody().getBytes(StandardCharsets.UTF_8));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> options(JsonNode field) {
    assertThat(field.has("valuesKey")).as("options in the form itself, not from a variable").isFalse();
    return JSON.convertValue(field.path("values"), List.class);
  }

  private static Map<String, Object> start(String lpo, String period) {
    return Map.of("variables", Map.of(AgreementProcess.LPO, Map.of("value", lpo, "type", "String"),
        AgreementProcess.PERIOD, Map.of("value", period, "type", "String")));
  }

  private long started() {
    return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count();
  }
}
