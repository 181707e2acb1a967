package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SecurityIT {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @BeforeEach
  void deployTestProcess() {
    repositoryService.createDeployment()
        .addClasspathResource("test-processes/visibility-test.bpmn")
        .addClasspathResource("test-processes/visibility-test.form")
        .enableDuplicateFiltering(true)
        .name("visibility-test")
        .deploy();
  }

  @Test
  void shouldRefuseRestCallsWithoutCredentials() {
    ResponseEntity<String> response = RestClient.anonymous(rest).get("/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  void shouldRefuseRestCallsWithAWrongPassword() {
    ResponseEntity<String> response = rest.withBasicAuth("skola.dorotea", "fel")
        .getForEntity("/engine-rest/task", String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldListTheFunctionOfAUser() {
    ResponseEntity<Map> response = RestClient.as(rest, "samordnare.lycksele")
        .get("/identity/groups?userId=samordnare.lycksele", Map.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat((List<Map<String, Object>>) response.getBody().get("groups"))
        .extracting(g -> g.get("id")).containsExactly("samordnare-lycksele");
  }

  @Test
  void shouldShowAMunicipalityOnlyItsOwnTasks() {
    String lycksele = runtimeService.startProcessInstanceByKey("visibility-test", Map.of("kommun", "lycksele")).getId();
    String storuman = runtimeService.startProcessInstanceByKey("visibility-test", Map.of("kommun", "storuman")).getId();

    List<Object> seenByLycksele = processInstancesOfTasksSeenBy("samordnare.lycksele");
    List<Object> seenByStoruman = processInstancesOfTasksSeenBy("samordnare.storuman");

    assertThat(seenByLycksele).contains(lycksele).doesNotContain(storuman);
    assertThat(seenByStoruman).contains(storuman).doesNotContain(lycksele);
  }

  @Test
  void shouldRefuseToCompleteAnotherMunicipalitysTask() {
    String storuman = runtimeService.startProcessInstanceByKey("visibility-test", Map.of("kommun", "storuman")).getId();
    String taskId = taskService.createTaskQuery().processInstanceId(storuman).singleResult().getId();

    ResponseEntity<String> response = RestClient.as(rest, "samordnare.lycksele")
        .post("/task/" + taskId + "/complete", Map.of(), String.class);

    assertThat(response.getStatusCode().is4xxClientError()).isTrue();
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isEqualTo(1);
  }

  @Test
  void shouldLetTheFunctionCompleteItsOwnTask() {
    String lycksele = runtimeService.startProcessInstanceByKey("visibility-test", Map.of("kommun", "lycksele")).getId();
    String taskId = taskService.createTaskQuery().processInstanceId(lycksele).singleResult().getId();

    ResponseEntity<String> response = RestClient.as(rest, "samordnare.lycksele")
        .post("/task/" + taskId + "/complete", Map.of(), String.class);

    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(lycksele).count()).isZero();
  }

  @Test
  void shouldLetAFunctionCommentOnItsOwnTaskAsTasklistDoesButNotOnAnothers() {
    String lycksele = runtimeService.startProcessInstanceByKey("visibility-test", Map.of("kommun", "lycksele")).getId();
    String taskId = taskService.createTaskQuery().processInstanceId(lycksele).singleResult().getId();

    ResponseEntity<Map<String, Object>> own = RestClient.as(rest, "samordnare.lycksele")
        .postForMap("/task/" + taskId + "/comment/create", Map.of("message", "Ringde skolan, återkommer i morgon."));
    ResponseEntity<String> other = RestClient.as(rest, "samordnare.storuman")
        .get("/task/" + taskId + "/comment", String.class);

    assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(taskService.getTaskComments(taskId)).extracting(c -> c.getFullMessage())
        .containsExactly("Ringde skolan, återkommer i morgon.");
    assertThat(other.getStatusCode().is4xxClientError()).isTrue();
    assertThat(other.getBody()).doesNotContain("Ringde skolan");
  }

  private List<Object> processInstancesOfTasksSeenBy(String user) {
    ResponseEntity<List<Map<String, Object>>> response = RestClient.as(rest, user)
        .get("/task?processDefinitionKey=visibility-test", LIST);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return response.getBody().stream().map(t -> t.get("processInstanceId")).toList();
  }
}
