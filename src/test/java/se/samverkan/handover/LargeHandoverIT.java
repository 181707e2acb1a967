package se.samverkan.handover;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import se.samverkan.EscalationTestProcess;
import se.samverkan.RestClient;
import se.samverkan.engine.SwedishWorkingDays;
import se.samverkan.notification.TaskLinks;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.JsonVariables;
import se.samverkan.security.WebSessions;
import se.samverkan.engine.AfterReady;

/**
 * Finding 5 of issue 13: a function with much open work (40 tasks with long names, checklists near
 * the limits) is handed over and its tasks return; one handover that fails does not keep the
 * others from happening.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LargeHandoverIT {

  private static final String SORSELE = "samordnare-sorsele";
  private static final String SORSELE_HOLDER = "samordnare.sorsele";
  private static final String ASELE = "samordnare-asele";
  private static final String ASELE_HOLDER = "samordnare.asele";

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;
  @Autowired IdentityService identityService;
  @Autowired FunctionReconciliation reconciliation;
  @Autowired Organisation organisation;
  @Autowired FunctionMembers members;
  @Autowired VacancyMonitor vacancies;
  @Autowired TaskLinks links;
  @Autowired SwedishWorkingDays workingDays;
  @Autowired PlatformTransactionManager transactionManager;
  @Autowired JdbcTemplate jdbc;
  @Autowired AfterReady afterReady;
  @Autowired WebSessions sessions;

  private final List<String> instances = new ArrayList<>();

  @BeforeEach
  void deployAndRecordTheHolders() {
    repositoryService.createDeployment()
        .addClasspathResource(EscalationTestProcess.RESOURCE).addClasspathResource(EscalationTestProcess.FORM)
        .enableDuplicateFiltering(true).name("escalation-test").deploy();
    reconciliation.run();
  }

  @AfterEach
  void restore() {
    for (String[] holder : List.of(new String[] {SORSELE_HOLDER, SORSELE}, new String[] {ASELE_HOLDER, ASELE})) {
      if (identityService.createUserQuery().memberOfGroup(holder[1]).userId(holder[0]).count() == 0) {
        identityService.createMembership(holder[0], holder[1]);
      }
    }
    reconciliation.run();
    instances.forEach(id -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test");
      }
    });
    for (String key : List.of(Overlamning.personLeftKey(SORSELE, SORSELE_HOLDER), Overlamning.personLeftKey(ASELE, ASELE_HOLDER))) {
      runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
          .forEach(p -> runtimeService.deleteProcessInstance(p.getId(), "test"));
    }
  }

  @Test
  void shouldHandOverAFunctionWithFortyOpenTasksAndGiveThemAllBack() {
    List<String> tasks = new ArrayList<>();
    for (int i = 1; i <= 40; i++) {
      tasks.add(claimedTask(SORSELE, SORSELE_HOLDER, i));
    }
    identityService.deleteMembership(SORSELE_HOLDER, SORSELE);
    // the function's open work: these 40 and whatever other tests of this context left with the function
    long functionTasks = taskService.createTaskQuery().taskCandidateGroup(SORSELE).includeAssignedTasks().count();
    assertThat(functionTasks).isGreaterThanOrEqualTo(40);

    FunctionReconciliation.Outcome outcome = reconciliation.run();

    assertThat(outcome.membership().failed()).isEmpty();
    assertThat(outcome.membership().tasksReturned()).containsAll(tasks);
    assertThat(taskService.createTaskQuery().taskIdIn(tasks.toArray(String[]::new)).taskAssigned().count()).isZero();
    ProcessInstance handover = handover(SORSELE, SORSELE_HOLDER);
    assertThat(handover).isNotNull();
    String openWork = JsonVariables.textOf(runtimeService.getVariable(handover.getId(), Overlamning.OPEN_WORK));
    assertThat(openWork.length()).isGreaterThan(40 * 4_000);
    assertThat(openWork).startsWith(functionTasks + " öppna uppgifter");
    tasks.forEach(task -> assertThat(openWork).contains("#/?task=" + task));
    // the handover form gets it, as Tasklist asks for it (serialized: a JSON string it parses)
    Task handoverTask = taskService.createTaskQuery().processInstanceId(handover.getId()).singleResult();
    ResponseEntity<Map<String, Map<String, Object>>> form = RestClient.as(rest, "admin").get(
        "/task/" + handoverTask.getId() + "/form-variables?deserializeValues=false", new ParameterizedTypeReference<>() {});
    assertThat(form.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(form.getBody().get(Overlamning.OPEN_WORK).get("type")).isEqualTo("Json");
    assertThat(String.valueOf(form.getBody().get(Overlamning.OPEN_WORK).get("value"))).contains("#/?task=" + tasks.get(39));
  }

  @Test
  void shouldGiveBackTheOtherFunctionsTasksWhenOneHandoverFails() {
    String aseleTask = claimedTask(ASELE, ASELE_HOLDER, 1);
    String sorseleTask = claimedTask(SORSELE, SORSELE_HOLDER, 1);
    identityService.deleteMembership(ASELE_HOLDER, ASELE);
    identityService.deleteMembership(SORSELE_HOLDER, SORSELE);
    OpenWorkReport brokenForAsele = new OpenWorkReport(taskService, runtimeService, repositoryService, links,
        workingDays.zone()) {
      @Override
      public String describe(String groupId) {
        if (ASELE.equals(groupId)) {
          throw new IllegalStateException("test: Åseles överlämning går inte att starta");
        }
        return super.describe(groupId);
      }
    };
    FunctionReconciliation withABrokenHandover = new FunctionReconciliation(new MembershipReconciler(organisation,
        members, taskService, runtimeService, historyService, authorizationService, brokenForAsele, jdbc),
        vacancies, transactionManager, jdbc, afterReady, sessions);

    FunctionReconciliation.Outcome outcome = withABrokenHandover.run();

    assertThat(outcome.membership().failed()).containsExactly(new MembershipReconciler.Departure(ASELE, ASELE_HOLDER));
    assertThat(outcome.membership().tasksReturned()).contains(sorseleTask).doesNotContain(aseleTask);
    assertThat(taskService.createTaskQuery().taskId(sorseleTask).singleResult().getAssignee()).isNull();
    assertThat(handover(SORSELE, SORSELE_HOLDER)).isNotNull();
    // Åsele's unit rolled back as a whole: nothing half done, and the departure is still known
    assertThat(taskService.createTaskQuery().taskId(aseleTask).singleResult().getAssignee()).isEqualTo(ASELE_HOLDER);
    assertThat(handover(ASELE, ASELE_HOLDER)).isNull();

    FunctionReconciliation.Outcome next = reconciliation.run();

    assertThat(next.membership().tasksReturned()).containsExactly(aseleTask);
    assertThat(taskService.createTaskQuery().taskId(aseleTask).singleResult().getAssignee()).isNull();
    assertThat(handover(ASELE, ASELE_HOLDER)).isNotNull();
  }

  /** A task of the function, with a name and a checklist near their limits, claimed by the holder. */
  private String claimedTask(String function, String holder, int number) {
    List<String> checklist = new ArrayList<>();
    for (int item = 0; item < 4; item++) {
      checklist.add(("Punkt " + item + " i uppgift " + number + ": ").repeat(1) + "å".repeat(950));
    }
    String id = runtimeService.startProcessInstanceByKey(EscalationTestProcess.PROCESS_KEY, Variables.createVariables()
        .putValue(EscalationTestProcess.FUNCTION, function)
        .putValueTyped("checklista", SpinValues.jsonValue(JsonVariables.toJson(checklist).toString()).create())).getId();
    instances.add(id);
    Task task = taskService.createTaskQuery().processInstanceId(id).singleResult();
    task.setName(("Uppgift " + number + " med ett mycket långt namn ").repeat(8).substring(0, 250));
    task.setDescription("Beskrivning ".repeat(330));
    taskService.saveTask(task);
    taskService.claim(task.getId(), holder);
    return task.getId();
  }

  private ProcessInstance handover(String function, String leaver) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.personLeftKey(function, leaver)).singleResult();
  }
}
