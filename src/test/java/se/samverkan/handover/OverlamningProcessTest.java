package se.samverkan.handover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.EscalationTestProcess;
import se.samverkan.ProcessTestEngine;
import se.samverkan.notification.TaskLinks;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.JsonVariables;

/** A person leaves, a function is vacant: the reconciliation and the overlamning process. */
@Deployment(resources = {"processes/overlamning.bpmn", "forms/overlamning-ta-over.form",
    "forms/overlamning-bemanna-funktion.form", EscalationTestProcess.RESOURCE, EscalationTestProcess.FORM})
class OverlamningProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  private static final String SAMORDNARE = "samordnare-lycksele";
  private static final String KOMMUNLEDNING = "kommunledning-lycksele";
  private static final List<String> USERS = List.of("samordnare.lycksele", "samordnare2.lycksele", "kommunledning.lycksele");

  private final ProcessEngine engine = ProcessTestEngine.engine();
  private final RuntimeService runtimeService = engine.getRuntimeService();
  private final TaskService taskService = engine.getTaskService();
  private final IdentityService identityService = engine.getIdentityService();
  private final ManagementService managementService = engine.getManagementService();
  private final JdbcTemplate jdbc = ProcessTestEngine.jdbc();
  private final Organisation organisation = ProcessTestEngine.organisation();
  private final ProcessEngineConfigurationImpl configuration =
      (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  private final FunctionMembers members = new FunctionMembers(identityService, configuration.getDataSource(),
      configuration.getDatabaseTablePrefix());
  private final OpenWorkReport report = new OpenWorkReport(taskService, runtimeService, engine.getRepositoryService(),
      new TaskLinks("http://samverkan.example/camunda/app/tasklist/default/"), ProcessTestEngine.WORKING_DAYS.zone());
  private final MembershipReconciler reconciler = new MembershipReconciler(organisation, members, taskService,
      runtimeService, engine.getHistoryService(), engine.getAuthorizationService(), report, jdbc);
  private final VacancyMonitor vacancies = new VacancyMonitor(organisation, members, taskService, runtimeService, report,
      engine.getAuthorizationService());

  @BeforeEach
  void createFunctionsAndHolders() {
    jdbc.update("delete from " + MembershipReconciler.HOLDERS_TABLE);
    for (String id : List.of(SAMORDNARE, KOMMUNLEDNING)) {
      Group group = identityService.newGroup(id);
      group.setName(id);
      identityService.saveGroup(group);
    }
    holder("samordnare.lycksele", SAMORDNARE);
    holder("samordnare2.lycksele", SAMORDNARE);
    holder("kommunledning.lycksele", KOMMUNLEDNING);
    reconciler.reconcile();
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    USERS.forEach(identityService::deleteUser);
    List.of(SAMORDNARE, KOMMUNLEDNING).forEach(identityService::deleteGroup);
  }

  @Test
  void shouldGiveAClaimedTaskBackToTheFunctionAndStartAHandoverWhenThePersonIsRemovedFromIt() {
    Task task = startTaskFor(SAMORDNARE);
    taskService.claim(task.getId(), "samordnare.lycksele");
    commentAs("samordnare.lycksele", task, "Polisens statistik är beställd, kommer v. 12.");

    identityService.deleteMembership("samordnare.lycksele", SAMORDNARE);
    MembershipReconciler.Result result = reconciler.reconcile();

    assertThat(result.tasksReturned()).containsExactly(task.getId());
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    assertThat(taskService.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
        .anyMatch(m -> m.startsWith("Återlämnad till funktionen"));
    ProcessInstance handover = handover("samordnare.lycksele");
    assertThat(result.handoversStarted()).containsExactly(handover.getId());
    Task handoverTask = taskService.createTaskQuery().processInstanceId(handover.getId()).singleResult();
    assertThat(handoverTask.getTaskDefinitionKey()).isEqualTo(Overlamning.TASK_TAKE_OVER_WORK);
    assertThat(candidates(handoverTask)).containsExactly(SAMORDNARE);
    Map<String, Object> variables = runtimeService.getVariables(handover.getId());
    assertThat(JsonVariables.textOf(variables.get(Overlamning.OPEN_WORK)))
        .contains("Eskaleringstest – " + EscalationTestProcess.TASK_NAME, "ingen (ligger hos funktionen)",
            "#/?task=" + task.getId());
    assertThat(JsonVariables.textOf(variables.get(Overlamning.LEAVER_NOTE))).contains("Polisens statistik är beställd");
    assertThat(variables.get(Overlamning.FUNCTION_NAME)).isEqualTo("Brottsförebyggande samordnare, Lycksele");
  }

  @Test
  void shouldEndTheHandoverWhenTheFunctionHasTakenOverTheWork() {
    identityService.deleteMembership("samordnare2.lycksele", SAMORDNARE);
    reconciler.reconcile();
    ProcessInstance handover = handover("samordnare2.lycksele");
    Task handoverTask = taskService.createTaskQuery().processInstanceId(handover.getId()).singleResult();

    assertThatThrownBy(() -> taskService.complete(handoverTask.getId(), Map.of("overtagandeKommentar", 42)))
        .hasMessageContaining("Kommentar");
    taskService.complete(handoverTask.getId(), Map.of("arbetetOvertaget", true,
        "overtagandeKommentar", "Jag tar lägesbilden, Anna tar EST."));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(handover.getId()).count()).isZero();
  }

  @Test
  void shouldNotStartASecondHandoverForTheSameDeparture() {
    Task task = startTaskFor(SAMORDNARE);
    taskService.claim(task.getId(), "samordnare.lycksele");
    identityService.deleteMembership("samordnare.lycksele", SAMORDNARE);

    reconciler.reconcile();
    MembershipReconciler.Result second = reconciler.reconcile();

    assertThat(second.tasksReturned()).isEmpty();
    assertThat(second.handoversStarted()).isEmpty();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.personLeftKey(SAMORDNARE, "samordnare.lycksele")).count()).isEqualTo(1);
  }

  @Test
  void shouldStartAHandoverWhenAHolderWithoutClaimedTasksLeaves() {
    identityService.deleteMembership("samordnare2.lycksele", SAMORDNARE);

    reconciler.reconcile();

    assertThat(handover("samordnare2.lycksele")).isNotNull();
  }

  @Test
  void shouldGiveBackTheTasksOfADeletedAccount() {
    Task task = startTaskFor(SAMORDNARE);
    taskService.claim(task.getId(), "samordnare2.lycksele");

    identityService.deleteUser("samordnare2.lycksele");
    reconciler.reconcile();

    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    assertThat(runtimeService.getVariable(handover("samordnare2.lycksele").getId(), Overlamning.LEAVER_NAME))
        .isEqualTo("samordnare2.lycksele (kontot finns inte längre)");
  }

  @Test
  void shouldNeverTreatFailedLoginsAsADeparture() {
    Task task = startTaskFor(SAMORDNARE);
    taskService.claim(task.getId(), "samordnare2.lycksele");

    failLogins("samordnare2.lycksele", 1);
    assertThat(reconciler.reconcile().tasksReturned()).isEmpty();

    failLogins("samordnare2.lycksele", 50);
    MembershipReconciler.Result result = reconciler.reconcile();

    assertThat(result.tasksReturned()).isEmpty();
    assertThat(result.departed()).isEmpty();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee())
        .isEqualTo("samordnare2.lycksele");
    assertThat(handover("samordnare2.lycksele")).isNull();
    assertThat(vacancies.check()).doesNotContain(SAMORDNARE);
    assertThat(members.activeHolders(SAMORDNARE)).extracting(User::getId).contains("samordnare2.lycksele");
  }

  @Test
  void shouldEscalateAVacantFunctionAndUndoItWhenSomeoneHoldsTheFunctionAgain() {
    Task task = startTaskFor(SAMORDNARE);
    identityService.deleteMembership("samordnare.lycksele", SAMORDNARE);
    identityService.deleteMembership("samordnare2.lycksele", SAMORDNARE);

    assertThat(vacancies.check()).contains(SAMORDNARE).doesNotContain(KOMMUNLEDNING);
    vacancies.check();

    List<ProcessInstance> vacancy = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(Overlamning.vacancyKey(SAMORDNARE)).list();
    assertThat(vacancy).hasSize(1);
    Task vacancyTask = taskService.createTaskQuery().processInstanceId(vacancy.get(0).getId()).singleResult();
    assertThat(vacancyTask.getName()).isEqualTo("Funktionen Brottsförebyggande samordnare, Lycksele saknar bemanning");
    assertThat(candidates(vacancyTask)).containsExactly(KOMMUNLEDNING);
    assertThat(candidates(task)).containsExactlyInAnyOrder(SAMORDNARE, KOMMUNLEDNING);

    identityService.createMembership("samordnare2.lycksele", SAMORDNARE);
    assertThat(vacancies.check()).doesNotContain(SAMORDNARE);

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(vacancy.get(0).getId()).count()).isZero();
    assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(vacancy.get(0).getId()).activityId(Overlamning.EVENT_FUNCTION_STAFFED).count()).isEqualTo(1);
    assertThat(candidates(task)).containsExactly(SAMORDNARE);
    assertThat(taskService.getVariableLocal(task.getId(), VacancyMonitor.VACANCY_CANDIDATE)).isNull();
  }

  @Test
  void shouldKeepTheEscalationTargetWhenTheTaskWasEscalatedDuringTheVacancy() {
    Task task = startTaskFor(SAMORDNARE);
    identityService.deleteMembership("samordnare.lycksele", SAMORDNARE);
    identityService.deleteMembership("samordnare2.lycksele", SAMORDNARE);
    vacancies.check();

    Job escalation = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers()
        .orderByJobDuedate().asc().list().get(1);
    ClockUtil.setCurrentTime(new Date(escalation.getDuedate().getTime() + 1000));
    managementService.executeJob(escalation.getId());
    identityService.createMembership("samordnare.lycksele", SAMORDNARE);
    vacancies.check();

    assertThat(candidates(task)).containsExactlyInAnyOrder(SAMORDNARE, KOMMUNLEDNING);
  }

  @Test
  void shouldPassAVacancyUpTheChainToTheAdministratorsAndBackDownAsFunctionsAreHeldAgain() {
    Task task = startTaskFor(SAMORDNARE);
    identityService.deleteMembership("samordnare.lycksele", SAMORDNARE);
    identityService.deleteMembership("samordnare2.lycksele", SAMORDNARE);
    identityService.deleteMembership("kommunledning.lycksele", KOMMUNLEDNING);

    // the samordnare and the kommunledning both gone: only the administrators see the work
    assertThat(vacancies.check()).contains(SAMORDNARE, KOMMUNLEDNING);
    Task vacancyTask = vacancyTaskOf(SAMORDNARE);
    assertThat(candidates(vacancyTask)).containsExactly(VacancyTarget.ADMINISTRATORS);
    assertThat(taskService.getVariable(vacancyTask.getId(), Overlamning.ESCALATION_TARGET_NAME))
        .isEqualTo("Administratörerna (även Kommunledning, Lycksele saknar innehavare)");
    assertThat(candidates(task)).containsExactlyInAnyOrder(SAMORDNARE, VacancyTarget.ADMINISTRATORS);
    assertThat(candidates(vacancyTaskOf(KOMMUNLEDNING))).containsExactly(VacancyTarget.ADMINISTRATORS);
    vacancies.check();
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(Overlamning.vacancyKey(SAMORDNARE)).count()).isEqualTo(1);
    assertThat(candidates(task)).containsExactlyInAnyOrder(SAMORDNARE, VacancyTarget.ADMINISTRATORS);

    // a new kommunchef: the samordnare's vacancy and work move down to the kommunledning
    identityService.createMembership("kommunledning.lycksele", KOMMUNLEDNING);
    assertThat(vacancies.check()).contains(SAMORDNARE).doesNotContain(KOMMUNLEDNING);
    assertThat(runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(Overlamning.vacancyKey(KOMMUNLEDNING)).count()).isZero();
    assertThat(candidates(vacancyTaskOf(SAMORDNARE))).containsExactly(KOMMUNLEDNING);
    assertThat(candidates(task)).containsExactlyInAnyOrder(SAMORDNARE, KOMMUNLEDNING);
    assertThat(engine.getAuthorizationService().createAuthorizationQuery().groupIdIn(VacancyTarget.ADMINISTRATORS)
        .resourceType(org.camunda.bpm.engine.authorization.Resources.TASK).resourceId(task.getId()).count()).isZero();

    // a new samordnare: what the vacancy added goes
    identityService.createMembership("samordnare.lycksele", SAMORDNARE);
    assertThat(vacancies.check()).doesNotContain(SAMORDNARE, KOMMUNLEDNING);
    assertThat(candidates(task)).containsExactly(SAMORDNARE);
    assertThat(taskService.getVariablesLocal(task.getId()))
        .doesNotContainKeys(VacancyMonitor.VACANCY_CANDIDATE, VacancyMonitor.VACANCY_FUNCTION);
  }

  @Test
  void shouldNameWhoSeesAVacancyInTheStaffingReport() {
    identityService.deleteMembership("kommunledning.lycksele", KOMMUNLEDNING);

    String text = new StaffingReport(organisation, members, ProcessTestEngine.outbox(),
        new TaskLinks("http://samverkan.example/camunda/app/tasklist/default/")).text();

    assertThat(text).contains("• Kommunledning, Lycksele (kommunledning-lycksele): syns för Administratörerna");
    assertThat(text).contains("• Skola, Lycksele (skola-lycksele): syns för Brottsförebyggande samordnare, Lycksele");
  }

  private Task vacancyTaskOf(String function) {
    ProcessInstance vacancy = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(Overlamning.vacancyKey(function)).singleResult();
    return taskService.createTaskQuery().processInstanceId(vacancy.getId()).singleResult();
  }

  private Task startTaskFor(String function) {
    String id = runtimeService.startProcessInstanceByKey(EscalationTestProcess.PROCESS_KEY,
        Map.of(EscalationTestProcess.FUNCTION, function)).getId();
    return taskService.createTaskQuery().processInstanceId(id).singleResult();
  }

  private ProcessInstance handover(String leaver) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.personLeftKey(SAMORDNARE, leaver)).singleResult();
  }

  private List<String> candidates(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private void commentAs(String userId, Task task, String message) {
    identityService.setAuthenticatedUserId(userId);
    try {
      taskService.createComment(task.getId(), task.getProcessInstanceId(), message);
    } finally {
      identityService.clearAuthentication();
    }
  }

  private void failLogins(String userId, int times) {
    for (int i = 0; i < times; i++) {
      ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 3_600_000));
      identityService.checkPassword(userId, "fel");
    }
  }

  private void holder(String userId, String groupId) {
    User user = identityService.newUser(userId);
    user.setFirstName("Test");
    user.setLastName(userId);
    user.setEmail(userId + "@samverkan.example");
    user.setPassword("demo");
    identityService.saveUser(user);
    identityService.createMembership(userId, groupId);
  }
}
