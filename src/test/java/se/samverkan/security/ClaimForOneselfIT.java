package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;
import se.samverkan.HttpFromAddress;

/**
 * Finding 4 of issue 13: a function user takes a task for themselves only, through both doors
 * (/engine-rest and Tasklist's own API); an administrator may give it to anyone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ClaimForOneselfIT {

  private static final String HOLDER = "samordnare.lycksele";
  private static final String OTHER = "kommunledning.lycksele";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired org.camunda.bpm.engine.IdentityService identityService;
  @LocalServerPort int port;

  private final List<String> instances = new ArrayList<>();
  private final List<String> colleagues = new ArrayList<>();

  @BeforeEach
  void deploy() {
    repositoryService.createDeployment()
        .addClasspathResource("test-processes/visibility-test.bpmn")
        .addClasspathResource("test-processes/visibility-test.form")
        .enableDuplicateFiltering(true).name("visibility-test").deploy();
  }

  @AfterEach
  void removeInstances() {
    instances.forEach(id -> runtimeService.deleteProcessInstance(id, "test"));
    colleagues.forEach(identityService::deleteUser);
  }

  @Test
  void shouldRefuseAFunctionUserClaimingAssigningOrDelegatingATaskForSomeoneElseThroughRest() {
    String task = startTask();
    RestClient holder = RestClient.as(rest, HOLDER);

    ResponseEntity<Map<String, Object>> claim = holder.postForMap("/task/" + task + "/claim", Map.of("userId", OTHER));
    ResponseEntity<Map<String, Object>> assign = holder.postForMap("/task/" + task + "/assignee", Map.of("userId", OTHER));
    ResponseEntity<Map<String, Object>> candidate = holder.postForMap("/task/" + task + "/identity-links",
        Map.of("userId", OTHER, "type", "candidate"));

    assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat((String) claim.getBody().get("message")).startsWith(ClaimForOneselfPlugin.REFUSAL);
    assertThat(assign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(candidate.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(taskService.getIdentityLinksForTask(task)).extracting(IdentityLink::getUserId).doesNotContain(OTHER);

    // the holder's own claim, then delegating it to someone else (refused), then giving it back
    assertThat(holder.post("/task/" + task + "/claim", Map.of("userId", HOLDER), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(holder.postForMap("/task/" + task + "/delegate", Map.of("userId", OTHER)).getStatusCode())
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(HOLDER);
    // giving it back: a claim without a user (REST /unclaim needs TASK_ASSIGN, which functions never had)
    java.util.HashMap<String, Object> nobody = new java.util.HashMap<>();
    nobody.put("userId", null);
    ResponseEntity<String> unclaim = holder.post("/task/" + task + "/claim", nobody, String.class);
    assertThat(unclaim.getStatusCode()).as(unclaim.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
  }

  @Test
  void shouldRefuseAFunctionUserATaskBesideTheProcesssOrRewritingWhoATaskBelongsTo() {
    String task = startTask();
    RestClient holder = RestClient.as(rest, HOLDER);
    long tasks = taskService.createTaskQuery().count();

    // Tasklist's "Skapa uppgift": a task of no process, given to a named person
    ResponseEntity<String> created = holder.post("/task/create",
        Map.of("id", "fristaende-" + System.nanoTime(), "name", "Ring mig", "assignee", OTHER), String.class);
    // the whole task rewritten, with another person as assignee
    ResponseEntity<String> rewritten = holder.put("/task/" + task,
        Map.of("name", "Omdöpt", "assignee", OTHER, "owner", OTHER), String.class);

    assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(rewritten.getStatusCode()).as(rewritten.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().count()).isEqualTo(tasks);
    org.camunda.bpm.engine.task.Task unchanged = taskService.createTaskQuery().taskId(task).singleResult();
    assertThat(unchanged.getAssignee()).isNull();
    assertThat(unchanged.getOwner()).isNull();
    assertThat(unchanged.getName()).isNotEqualTo("Omdöpt");
  }

  @Test
  void shouldLetTheAssigneeGiveATaskBackWithUnclaimButNotSomeoneElsesTask() {
    String task = startTask();
    RestClient holder = RestClient.as(rest, HOLDER);
    RestClient colleague = RestClient.as(rest, colleagueInTheSameFunction());
    RestClient otherMunicipality = RestClient.as(rest, "samordnare.mala");
    assertThat(holder.post("/task/" + task + "/claim", Map.of("userId", HOLDER), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);

    // Tasklist's "Lämna tillbaka" is POST /task/{id}/unclaim, an assignment to nobody
    ResponseEntity<String> byOtherMunicipality = otherMunicipality.post("/task/" + task + "/unclaim", null, String.class);
    ResponseEntity<String> byColleague = colleague.post("/task/" + task + "/unclaim", null, String.class);
    assertThat(byOtherMunicipality.getStatusCode()).isIn(HttpStatus.FORBIDDEN, HttpStatus.NOT_FOUND);
    assertThat(byColleague.getStatusCode()).as(byColleague.getBody()).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(HOLDER);

    ResponseEntity<String> own = holder.post("/task/" + task + "/unclaim", null, String.class);
    assertThat(own.getStatusCode()).as(own.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    assertThat(historyAssignee(task)).isNull();
  }

  @Test
  void shouldLetTheAssigneeGiveATaskBackThroughTasklistsOwnApi() throws Exception {
    String task = startTask();
    HttpFromAddress tasklist = new HttpFromAddress(port, "127.0.0.1");
    assertThat(tasklist.login(HOLDER, "demo").status()).isEqualTo(200);
    assertThat(tasklist.enginePost("/task/" + task + "/claim", "{\"userId\":\"" + HOLDER + "\"}").status()).isEqualTo(204);

    HttpFromAddress.Response unclaim = tasklist.enginePost("/task/" + task + "/unclaim", "");
    assertThat(unclaim.status()).as(unclaim.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
  }

  /** A second holder of samordnare-lycksele (the demo has one user per function), removed after the test. */
  private String colleagueInTheSameFunction() {
    String id = "kollega.lycksele";
    if (identityService.createUserQuery().userId(id).count() == 0) {
      org.camunda.bpm.engine.identity.User user = identityService.newUser(id);
      user.setPassword("demo");
      identityService.saveUser(user);
      identityService.createMembership(id, "samordnare-lycksele");
    }
    colleagues.add(id);
    return id;
  }

  private String historyAssignee(String task) {
    return historyService.createHistoricTaskInstanceQuery().taskId(task).singleResult().getAssignee();
  }

  @Test
  void shouldRefuseItThroughTasklistsOwnApiToo() throws Exception {
    String task = startTask();
    HttpFromAddress tasklist = new HttpFromAddress(port, "127.0.0.1");
    assertThat(tasklist.login(HOLDER, "demo").status()).isEqualTo(200);

    HttpFromAddress.Response forOther = tasklist.enginePost("/task/" + task + "/claim", "{\"userId\":\"" + OTHER + "\"}");
    assertThat(forOther.status()).as(forOther.body()).isEqualTo(403);
    assertThat(forOther.body()).contains("Du kan bara ta en uppgift själv");
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();

    HttpFromAddress.Response own = tasklist.enginePost("/task/" + task + "/claim", "{\"userId\":\"" + HOLDER + "\"}");
    assertThat(own.status()).as(own.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(HOLDER);
  }

  @Test
  void shouldLetAnAdministratorGiveATaskToAHolderAndTheEngineItself() {
    String task = startTask();

    assertThat(RestClient.as(rest, "admin").post("/task/" + task + "/claim", Map.of("userId", HOLDER), String.class)
        .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(HOLDER);

    String second = startTask();
    taskService.setAssignee(second, OTHER); // no authenticated user: engine-internal work is not restricted
    assertThat(taskService.createTaskQuery().taskId(second).singleResult().getAssignee()).isEqualTo(OTHER);
  }

  private String startTask() {
    String id = runtimeService.startProcessInstanceByKey("visibility-test", Map.of("kommun", "lycksele")).getId();
    instances.add(id);
    return taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
  }
}
