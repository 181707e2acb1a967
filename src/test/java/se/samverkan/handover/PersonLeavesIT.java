package se.samverkan.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.process.JsonVariables;
import se.samverkan.agreement.MunicipalSituationPictureProcess;

/**
 * The scenario of the issue, end to end through REST as the users and the admin would do it:
 * samordnare.lycksele claims the lägesbild task of the samverkansprocess and is removed from
 * samordnare-lycksele; after the
 * reconciliation the task is back with the function, a handover task exists, and with nobody
 * left kommunledning.lycksele sees the vacancy task and the open work.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonLeavesIT {

  private static final Logger log = LoggerFactory.getLogger(PersonLeavesIT.class);
  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};
  private static final String FUNCTION = "samordnare-lycksele";
  private static final String LEAVER = "samordnare.lycksele";

  @Autowired TestRestTemplate rest;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired FunctionReconciliation reconciliation;

  private String processInstanceId;

  @BeforeEach
  void recordTheHolders() {
    reconciliation.run();
  }

  @AfterEach
  void restoreTheFunction() {
    if (identityService.createUserQuery().memberOfGroup(FUNCTION).userId(LEAVER).count() == 0) {
      identityService.createMembership(LEAVER, FUNCTION);
    }
    reconciliation.run();
    if (processInstanceId != null && runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0) {
      runtimeService.deleteProcessInstance(processInstanceId, "test");
    }
    ProcessInstance handover = handover();
    if (handover != null) {
      runtimeService.deleteProcessInstance(handover.getId(), "test");
    }
  }

  @Test
  void shouldGiveTheTaskBackHandItOverAndShowTheVacancyToKommunledningWhenTheSamordnareIsRemoved() {
    String period = se.samverkan.agreement.AgreementScenario.uniquePeriod();
    ResponseEntity<Map<String, Object>> started = RestClient.as(rest, "kommunpolis.sodra-lappland").postForMap(
        "/process-definition/key/" + AgreementProcess.KEY + "/start", Map.of("variables", Map.of(
            AgreementProcess.LPO, Map.of("value", "sodra-lappland"), AgreementProcess.PERIOD,
            Map.of("value", period))));
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    processInstanceId = (String) started.getBody().get("id");
    // the samordnare's task lives in the municipality's own kommunens-lagesbild instance of the cycle
    Task pictureTask = taskService.createTaskQuery().processInstanceBusinessKey(se.samverkan.agreement.AgreementPeriods.businessKey("sodra-lappland", period))
        .taskDefinitionKey(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE).taskCandidateGroup(FUNCTION)
        .singleResult();
    String taskId = pictureTask.getId();
    String pictureInstance = pictureTask.getProcessInstanceId();
    String taskName = taskService.createTaskQuery().taskId(taskId).singleResult().getName();
    RestClient samordnare = RestClient.as(rest, LEAVER);
    assertThat(samordnare.post("/task/" + taskId + "/claim", Map.of("userId", LEAVER), String.class).getStatusCode())
        .isEqualTo(HttpStatus.NO_CONTENT);
    // The leaver's note on the task (Tasklist's comment; REST /comment/create needs history permissions
    // the functions do not have, see the merge notes)
    identityService.setAuthenticatedUserId(LEAVER);
    try {
      taskService.createComment(taskId, pictureInstance, "Skolans enkät är utskickad, svar väntas fredag.");
    } finally {
      identityService.clearAuthentication();
    }

    ResponseEntity<String> removed = rest.withBasicAuth("admin", "demo").exchange(
        "/engine-rest/group/" + FUNCTION + "/members/" + LEAVER, HttpMethod.DELETE, null, String.class);
    assertThat(removed.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);

    long start = System.nanoTime();
    FunctionReconciliation.Outcome outcome = reconciliation.run();
    log.info("Avstämning efter att en person lämnat: {} ms", (System.nanoTime() - start) / 1_000_000);

    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    assertThat(task.getAssignee()).as("back with the function").isNull();
    assertThat(candidates(taskId)).contains(FUNCTION);
    assertThat(outcome.membership().tasksReturned()).contains(taskId);

    ProcessInstance handover = handover();
    assertThat(handover).as("handover started").isNotNull();
    Task handoverTask = taskService.createTaskQuery().processInstanceId(handover.getId()).singleResult();
    assertThat(handoverTask.getTaskDefinitionKey()).isEqualTo(Overlamning.TASK_TAKE_OVER_WORK);
    assertThat(candidates(handoverTask.getId())).contains(FUNCTION);
    assertThat(JsonVariables.textOf(runtimeService.getVariable(handover.getId(), Overlamning.OPEN_WORK)))
        .contains(MunicipalSituationPictureProcess.NAME, taskName, "#/?task=" + taskId);
    assertThat(JsonVariables.textOf(runtimeService.getVariable(handover.getId(), Overlamning.LEAVER_NOTE)))
        .contains("Skolans enkät är utskickad");

    assertThat(outcome.vacantFunctions()).contains(FUNCTION);
    RestClient kommunledning = RestClient.as(rest, "kommunledning.lycksele");
    List<Map<String, Object>> vacancyTasks = kommunledning.get("/task?processDefinitionKey=" + Overlamning.PROCESS_KEY
        + "&taskDefinitionKey=" + Overlamning.TASK_STAFF_FUNCTION, LIST).getBody();
    assertThat(vacancyTasks).extracting(t -> t.get("name"))
        .contains("Funktionen Brottsförebyggande samordnare, Lycksele saknar bemanning");
    List<Map<String, Object>> openWork = kommunledning.get("/task?processInstanceId=" + pictureInstance, LIST).getBody();
    assertThat(openWork).extracting(t -> t.get("id")).containsExactly(taskId);
    assertThat(kommunledning.get("/task?processInstanceId=" + handover.getId(), LIST).getBody())
        .as("the handover task is open work of the vacant function too").hasSize(1);

    FunctionReconciliation.Outcome again = reconciliation.run();
    assertThat(again.membership().handoversStarted()).as("idempotent").isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(Overlamning.vacancyKey(FUNCTION))
        .count()).isEqualTo(1);

    ResponseEntity<String> added = rest.withBasicAuth("admin", "demo").exchange(
        "/engine-rest/group/" + FUNCTION + "/members/" + LEAVER, HttpMethod.PUT, null, String.class);
    assertThat(added.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    reconciliation.run();

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(Overlamning.vacancyKey(FUNCTION))
        .count()).as("vacancy closed").isZero();
    assertThat(kommunledning.get("/task?processInstanceId=" + pictureInstance, LIST).getBody())
        .as("kommunledning no longer sees the function's work").isEmpty();
  }

  private ProcessInstance handover() {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.personLeftKey(FUNCTION, LEAVER)).singleResult();
  }

  private List<String> candidates(String taskId) {
    return taskService.getIdentityLinksForTask(taskId).stream().map(IdentityLink::getGroupId)
        .filter(g -> g != null).toList();
  }
}
