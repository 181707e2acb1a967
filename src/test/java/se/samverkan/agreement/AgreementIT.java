package se.samverkan.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.variable.type.ValueType;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.signing.SignatureCollector;

/**
 * The samverkansprocess as its users reach it through the REST API Tasklist uses: started by the
 * kommunpolis with the start form, refused for an unknown LPO, each municipality sees only its own
 * lägesbild task, and an incomplete form is refused with a Swedish message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AgreementIT {

  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;

  @Test
  void shouldStartFromTheStartFormAndGiveEachMunicipalityOnlyItsOwnSituationPictureTask() {
    String period = AgreementScenario.uniquePeriod();
    ResponseEntity<Map<String, Object>> started = RestClient.as(rest, "kommunpolis.sodra-lappland").postForMap(
        "/process-definition/key/" + AgreementProcess.KEY + "/submit-form", Map.of("variables", Map.of(
            AgreementProcess.LPO, Map.of("value", "sodra-lappland"),
            AgreementProcess.PERIOD, Map.of("value", period))));
    assertThat(started.getStatusCode()).isEqualTo(HttpStatus.OK);
    // the municipality's task lives in its own kommunens-lagesbild instance, under the cycle's business key
    String cycle = AgreementPeriods.businessKey("sodra-lappland", period);

    List<Map<String, Object>> malasTasks = RestClient.as(rest, "samordnare.mala")
        .get("/task?processInstanceBusinessKey=" + cycle, new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .getBody();
    assertThat(malasTasks).singleElement()
        .satisfies(t -> assertThat(t.get("taskDefinitionKey")).isEqualTo(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE));
    String taskId = (String) malasTasks.get(0).get("id");

    ResponseEntity<Map<String, Object>> refused = RestClient.as(rest, "samordnare.mala").postForMap(
        "/task/" + taskId + "/submit-form", Map.of("variables", Map.of("trygghet", Map.of("value", "Tryggt"))));
    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("«Signaler från skola, socialtjänst och andra verksamheter» måste fyllas i.");

    ResponseEntity<Map<String, Object>> completed = RestClient.as(rest, "samordnare.mala").postForMap(
        "/task/" + taskId + "/submit-form", Map.of("variables", Map.of(
            "trygghet", Map.of("value", "Trygghetsmätningen 2026: 78 % känner sig trygga."),
            "signaler", Map.of("value", "Skolan ser oro kring nätdroger."),
            "brottslighet", Map.of("value", "Klotter vid badplatsen."),
            "kontroll", Map.of("type", "Json", "value", "[\"matning\",\"signaler\",\"est\",\"lardomar\"]"))));
    assertThat(completed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(RestClient.as(rest, "samordnare.mala")
        .get("/task?processInstanceBusinessKey=" + cycle, new ParameterizedTypeReference<List<Map<String, Object>>>() {})
        .getBody()).isEmpty();
  }

  @Test
  void shouldRefuseToStartForAnUnknownLpoWithASwedishMessage() {
    ResponseEntity<Map<String, Object>> refused = RestClient.as(rest, "samordnare.lycksele").postForMap(
        "/process-definition/key/" + AgreementProcess.KEY + "/submit-form", Map.of("variables", Map.of(
            AgreementProcess.LPO, Map.of("value", "norra-lappland"),
            AgreementProcess.PERIOD, Map.of("value", "2027–2030"))));

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("message")).contains("Lokalpolisområdet «norra-lappland» finns inte i organisationen");
  }

  @Test
  void shouldStartAMedborgarlofteForEveryMunicipalityWhenTheLastKommunledningSignsWithAuthorizationsOn() {
    AgreementScenario cycle = AgreementScenario.start(engine, AgreementScenario.uniquePeriod())
        .contributeSituationPictures().analyse(List.of()).draft();
    cycle.complete(cycle.openFor(AgreementProcess.TASK_SIGN_POLICE, "lpochef-sodra-lappland"),
        AgreementScenario.signature(SignatureCollector.SIGN, null));
    AgreementScenario.MUNICIPALITIES.stream().filter(k -> !k.equals("dorotea")).forEach(k -> cycle.complete(
        cycle.openFor(AgreementProcess.TASK_SIGN_MUNICIPALITY, "kommunledning-" + k),
        AgreementScenario.signature(SignatureCollector.SIGN, null)));

    engine.getIdentityService().setAuthentication("kommunledning.dorotea", List.of("kommunledning-dorotea"));
    try {
      cycle.complete(cycle.openFor(AgreementProcess.TASK_SIGN_MUNICIPALITY, "kommunledning-dorotea"),
          AgreementScenario.signature(SignatureCollector.SIGN, null));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }

    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
        .variableValueEquals(PromiseProcess.AGREEMENT_INSTANCE, cycle.instance.getId()).count())
        .isEqualTo(AgreementScenario.MUNICIPALITIES.size());
    List<Map<String, Object>> asele = RestClient.as(rest, "samordnare.asele").get(
        "/task?processDefinitionKey=" + PromiseProcess.KEY + "&taskDefinitionKey=" + PromiseProcess.TASK_FORMULATE,
        new ParameterizedTypeReference<List<Map<String, Object>>>() {}).getBody();
    assertThat(asele).isNotEmpty();
  }

  @Test
  void shouldKeepTheListsOfTheCycleAsJsonNotAsJavaObjects() {
    AgreementScenario cycle = AgreementScenario.start(engine, AgreementScenario.uniquePeriod())
        .contributeSituationPictures().analyse(List.of("lycksele")).holdDialog("lycksele", "trygghetsvandring").draft();

    List<HistoricVariableInstance> history = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .disableCustomObjectDeserialization().list();
    assertThat(history).extracting(HistoricVariableInstance::getName)
        .contains(AgreementProcess.MUNICIPALITIES, AgreementProcess.DIALOG_MUNICIPALITY_LIST);
    assertThat(history).filteredOn(v -> ValueType.OBJECT.getName().equals(v.getTypeName()))
        .extracting(v -> v.getName() + " (" + ((ObjectValue) v.getTypedValue()).getObjectTypeName() + ")").isEmpty();
    assertThat(engine.getRuntimeService().createVariableInstanceQuery().disableCustomObjectDeserialization().list())
        .filteredOn(v -> ValueType.OBJECT.getName().equals(v.getTypeName())).extracting(VariableInstance::getName).isEmpty();
    assertThat(engine.getRuntimeService().getVariableTyped(cycle.instance.getId(), AgreementProcess.MUNICIPALITIES)
        .getType().getName()).isEqualTo("json");
  }
}
