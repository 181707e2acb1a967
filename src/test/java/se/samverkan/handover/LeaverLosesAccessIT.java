package se.samverkan.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;
import se.samverkan.HttpFromAddress;

/**
 * Finding 4 of issue 13: after the reconciliation has given a leaver's tasks back, the leaver can
 * no longer read them (runtime or history, the task or its variables), claim or complete them,
 * neither through /engine-rest nor through Tasklist with a session logged in before.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LeaverLosesAccessIT {

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  private static final String FUNCTION = "samordnare-mala";
  private static final String LEAVER = "samordnare.mala";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FunctionReconciliation reconciliation;
  @LocalServerPort int port;
  @Value("${samverkan.handover.reconcile-interval}") java.time.Duration reconcileInterval;
  @Value("${camunda.bpm.webapp.auth.cache.time-to-live}") long webappGroupCacheMillis;

  private final List<String> instances = new ArrayList<>();

  @BeforeEach
  void deployAndRecordTheHolders() {
    repositoryService.createDeployment()
        .addClasspathResource("test-processes/visibility-test.bpmn")
        .addClasspathResource("test-processes/visibility-test.form")
        .enableDuplicateFiltering(true).name("visibility-test").deploy();
    reconciliation.run();
  }

  @AfterEach
  void restoreTheFunction() {
    if (identityService.createUserQuery().memberOfGroup(FUNCTION).userId(LEAVER).count() == 0) {
      identityService.createMembership(LEAVER, FUNCTION);
    }
    reconciliation.run();
    for (String id : instances) {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test");
      }
    }
    runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.personLeftKey(FUNCTION, LEAVER)).list()
        .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test"));
  }

  @Test
  void shouldTakeAwayEveryWayToTheTasksOnceTheLeaverIsRemovedFromTheFunction() throws Exception {
    String claimed = startTask();
    String candidate = startTask();
    String completed = startTask();
    String completedInstance = taskService.createTaskQuery().taskId(completed).singleResult().getProcessInstanceId();
    RestClient leaver = RestClient.as(rest, LEAVER);
    for (String task : List.of(claimed, completed)) {
      assertThat(leaver.post("/task/" + task + "/claim", Map.of("userId", LEAVER), String.class).getStatusCode())
          .isEqualTo(HttpStatus.NO_CONTENT);
    }
    assertThat(leaver.post("/task/" + completed + "/complete", Map.of(), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    // the other ways a person gets a task: owner and candidate user (Tasklist's "add candidate")
    taskService.setOwner(claimed, LEAVER);
    taskService.addCandidateUser(candidate, LEAVER);
    HttpFromAddress tasklist = new HttpFromAddress(port, "127.0.0.1");
    assertThat(tasklist.login(LEAVER, "demo").status()).isEqualTo(200);

    // before: the leaver has all of it (so that the refusals below mean something)
    assertThat(leaver.get("/task/" + claimed, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(tasklist.engineGet("/task/" + claimed).status()).isEqualTo(200);
    assertThat(leaver.get("/history/task?taskId=" + completed, LIST).getBody()).hasSize(1);
    assertThat(userGrants(Resources.TASK)).as("the engine drops a completed task's runtime grants").contains(claimed, candidate);
    assertThat(userGrants(Resources.HISTORIC_TASK)).contains(claimed, candidate, completed);

    ResponseEntity<String> removed = rest.withBasicAuth("admin", "demo").exchange(
        "/engine-rest/group/" + FUNCTION + "/members/" + LEAVER, HttpMethod.DELETE, null, String.class);
    assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    FunctionReconciliation.Outcome outcome = reconciliation.run();

    assertThat(outcome.membership().tasksReturned()).contains(claimed);
    assertThat(outcome.membership().departed()).contains(new MembershipReconciler.Departure(FUNCTION, LEAVER));
    assertThat(userGrants(Resources.TASK)).doesNotContain(claimed, candidate, completed);
    assertThat(userGrants(Resources.HISTORIC_TASK)).doesNotContain(claimed, candidate, completed);
    for (String task : List.of(claimed, candidate)) {
      Task open = taskService.createTaskQuery().taskId(task).singleResult();
      assertThat(open.getAssignee()).isNull();
      assertThat(open.getOwner()).isNull();
      assertThat(taskService.getIdentityLinksForTask(task)).extracting(IdentityLink::getUserId).doesNotContain(LEAVER);
      String instance = open.getProcessInstanceId();

      assertRefused(leaver.get("/task/" + task, String.class));
      assertRefused(leaver.get("/task/" + task + "/variables", String.class));
      assertRefused(leaver.get("/task/" + task + "/form-variables", String.class));
      assertThat(leaver.get("/task?processInstanceId=" + instance, LIST).getBody()).isEmpty();
      assertThat(leaver.get("/history/task?taskId=" + task, LIST).getBody()).isEmpty();
      assertThat(leaver.get("/history/variable-instance?processInstanceId=" + instance, LIST).getBody()).isEmpty();
      assertRefused(leaver.post("/task/" + task + "/claim", Map.of("userId", LEAVER), String.class));
      assertRefused(leaver.post("/task/" + task + "/complete", Map.of(), String.class));
      assertThat(taskService.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }
    assertThat(leaver.get("/history/task?taskId=" + completed, LIST).getBody()).as("the task they completed").isEmpty();
    assertThat(leaver.get("/history/variable-instance?processInstanceId=" + completedInstance, LIST).getBody()).isEmpty();

    // the Tasklist session logged in before the removal ended with the reconciliation
    int afterwards = tasklist.engineGet("/task/" + claimed).status();
    assertThat(afterwards).isIn(401, 403, 404);
    assertThat(tasklist.engineGet("/task?processInstanceId="
        + taskService.createTaskQuery().taskId(claimed).singleResult().getProcessInstanceId()).body())
        .doesNotContain(claimed);
    assertThat(tasklist.enginePost("/task/" + claimed + "/claim", "{\"userId\":\"" + LEAVER + "\"}").status())
        .isIn(401, 403, 404);
    // another node ends no sessions, but its webapps read the groups again within one interval
    assertThat(webappGroupCacheMillis).isPositive().isLessThanOrEqualTo(reconcileInterval.toMillis());
  }

  @Test
  void shouldLetTheRemainingHolderWorkOnAndGiveTheHandoverToThem() {
    String claimed = startTask();
    taskService.claim(claimed, LEAVER);
    identityService.deleteMembership(LEAVER, FUNCTION);

    reconciliation.run();

    ProcessInstance handover = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(Overlamning.personLeftKey(FUNCTION, LEAVER)).singleResult();
    assertThat(handover).isNotNull();
    // the function keeps its own access: the group's grant on the task is untouched
    assertThat(authorizationService.createAuthorizationQuery().groupIdIn(FUNCTION).resourceType(Resources.TASK)
        .resourceId(claimed).count()).isEqualTo(1);
  }

  private static void assertRefused(ResponseEntity<?> response) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isIn(403, 404);
  }

  private List<String> userGrants(Resource resource) {
    return authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .userIdIn(LEAVER).resourceType(resource).list().stream().map(Authorization::getResourceId).toList();
  }

  private String startTask() {
    String id = runtimeService.startProcessInstanceByKey("visibility-test", Map.of("kommun", "mala")).getId();
    instances.add(id);
    return taskService.createTaskQuery().processInstanceId(id).singleResult().getId();
  }
}
