package se.samverkan.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormValidationIT {

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  private String taskId;
  private String instanceId;

  @BeforeEach
  void startProcess() {
    repositoryService.createDeployment()
        .addClasspathResource("test-processes/form-validation-test.bpmn")
        .addClasspathResource("test-forms/validation-test.form")
        .enableDuplicateFiltering(true)
        .name("form-validation-test")
        .deploy();
    instanceId = runtimeService.startProcessInstanceByKey("form-validation-test", Map.of("kommun", "lycksele")).getId();
    taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  @Test
  void shouldAnswerAnIncompleteTasklistSubmissionWith400AndASwedishMessage() {
    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, "samordnare.lycksele").postForMap(
        "/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of("lagesbild", Map.of("value", "", "type", "String"))));

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(response.getBody().get("message")).asString()
        .startsWith("Uppgiften \"Fyll i lägesbilden – Lycksele\" kan inte slutföras")
        .contains("«Lägesbild» måste fyllas i.");
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(instanceId, "lagesbild")).isNull();
  }

  @Test
  void shouldCompleteAValidSubmissionWithAJsonChecklistAsTasklistSendsIt() {
    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, "samordnare.lycksele").postForMap(
        "/task/" + taskId + "/submit-form",
        Map.of("variables", Map.of(
            "lagesbild", Map.of("value", "Skadegörelse vid busstationen", "type", "String"),
            "kontroll", Map.of("value", "[\"statistik\"]", "type", "Json"),
            "villkorligt", Map.of("value", "ja", "type", "String"),
            "insatser", Map.of("value", "[{\"vad\":\"Vandring\"}]", "type", "Json"))));

    assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
  }

  @Test
  void shouldAnswerOtherErrorsWithTheirOwnStatusAndAPlainSwedishSentence() {
    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, "samordnare.lycksele")
        .postForMap("/task/finns-inte/complete", Map.of());

    // not a form refusal: Camunda's own kind of error, its English text in the log only
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    assertThat(response.getBody().get("type")).isNotEqualTo("FormValidationException");
    assertThat(response.getBody()).doesNotContainKey("problems");
    assertThat(response.getBody().get("message")).asString().startsWith("Det du söker finns inte").doesNotContain("Cannot");
  }
}
