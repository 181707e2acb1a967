package se.samverkan.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.EscalationTestProcess;
import se.samverkan.ProcessTestEngine;
import se.samverkan.notification.MailKind;
import se.samverkan.notification.MailOutbox.OutboxMail;
import se.samverkan.tasklist.TasklistFilters;

/**
 * A stalled step on Swedish working days: due date and timers skip Easter, the reminder reaches
 * the function and the assignee, the escalation adds the escalation target and raises the
 * priority, a second level reaches the target's target.
 */
@Deployment(resources = {EscalationTestProcess.RESOURCE, EscalationTestProcess.FORM})
class EscalationProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");
  private static final List<String> GROUPS = List.of("skola-lycksele", "samordnare-lycksele", "kommunledning-lycksele");
  private static final List<String> USERS = List.of("skola.lycksele", "vikarie.skola", "samordnare.lycksele",
      "kommunledning.lycksele");

  private final RuntimeService runtimeService = ProcessTestEngine.engine().getRuntimeService();
  private final TaskService taskService = ProcessTestEngine.engine().getTaskService();
  private final ManagementService managementService = ProcessTestEngine.engine().getManagementService();
  private final IdentityService identityService = ProcessTestEngine.engine().getIdentityService();

  @BeforeEach
  void createFunctionsAndHolders() {
    GROUPS.forEach(id -> {
      Group group = identityService.newGroup(id);
      group.setName(id);
      identityService.saveGroup(group);
    });
    holder("skola.lycksele", "skola-lycksele");
    holder("vikarie.skola", "skola-lycksele");
    holder("samordnare.lycksele", "samordnare-lycksele");
    holder("kommunledning.lycksele", "kommunledning-lycksele");
  }

  @AfterEach
  void cleanUp() {
    ClockUtil.reset();
    USERS.forEach(identityService::deleteUser);
    GROUPS.forEach(identityService::deleteGroup);
  }

  @Test
  void shouldSetDueDateAndEscalationTimersOnWorkingDaysAcrossEaster() {
    Task task = startOnTuesdayBeforeEaster();

    assertThat(task.getDueDate()).isEqualTo(at(2026, 4, 9, 10));
    assertThat(timers(task).stream().map(Job::getDuedate))
        .containsExactly(at(2026, 4, 9, 10), at(2026, 4, 14, 10), at(2026, 4, 20, 10));
  }

  @Test
  void shouldTellEveryMemberOfTheFunctionAboutANewTask() {
    Task task = startOnTuesdayBeforeEaster();

    assertThat(mails(task, MailKind.NEW_TASK)).extracting(OutboxMail::email)
        .containsExactlyInAnyOrder("skola.lycksele@samverkan.example", "vikarie.skola@samverkan.example");
    assertThat(mails(task, MailKind.NEW_TASK).get(0).body())
        .contains(EscalationTestProcess.TASK_NAME, "Eskaleringstest", "Förfaller: 2026-04-09 10:00",
            "#/?task=" + task.getId());
  }

  @Test
  void shouldRemindTheFunctionAndTheAssigneeWhenTheDueDatePasses() {
    Task task = startOnTuesdayBeforeEaster();
    taskService.claim(task.getId(), "skola.lycksele");

    fire(timers(task).get(0));

    assertThat(taskService.getVariableLocal(task.getId(), TaskReminderListener.REMINDERS)).isEqualTo(1);
    assertThat(mails(task, MailKind.REMINDER)).extracting(OutboxMail::email)
        .containsExactlyInAnyOrder("skola.lycksele@samverkan.example", "vikarie.skola@samverkan.example");
    assertThat(mails(task, MailKind.REMINDER).get(0).body()).contains("Tagen av: skola.lycksele");
    assertThat(candidates(task)).containsExactly("skola-lycksele");
  }

  @Test
  void shouldEscalateToTheSamordnareThenToKommunledningWhenTheTaskStaysUntouched() {
    Task task = startOnTuesdayBeforeEaster();
    List<Job> timers = timers(task);

    fire(timers.get(0));
    fire(timers.get(1));

    Task escalated = taskService.createTaskQuery().taskId(task.getId()).singleResult();
    assertThat(candidates(task)).containsExactlyInAnyOrder("skola-lycksele", "samordnare-lycksele");
    assertThat(escalated.getPriority()).isGreaterThanOrEqualTo(TasklistFilters.ESCALATED_PRIORITY);
    assertThat(taskService.getVariableLocal(task.getId(), TaskEscalationListener.LEVEL)).isEqualTo(1);
    assertThat(mails(task, MailKind.ESCALATION)).extracting(OutboxMail::email)
        .contains("samordnare.lycksele@samverkan.example", "skola.lycksele@samverkan.example");
    assertThat(taskService.createTaskQuery().taskCandidateGroup("samordnare-lycksele")
        .taskMinPriority(TasklistFilters.ESCALATED_PRIORITY).list()).extracting(Task::getId).contains(task.getId());

    fire(timers.get(2));

    assertThat(candidates(task)).containsExactlyInAnyOrder("skola-lycksele", "samordnare-lycksele", "kommunledning-lycksele");
    assertThat(taskService.getVariableLocal(task.getId(), TaskEscalationListener.LEVEL)).isEqualTo(2);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getPriority())
        .isGreaterThan(escalated.getPriority());
    assertThat(mails(task, MailKind.ESCALATION)).extracting(OutboxMail::email)
        .contains("kommunledning.lycksele@samverkan.example");
  }

  private Task startOnTuesdayBeforeEaster() {
    ClockUtil.setCurrentTime(at(2026, 3, 31, 10));
    String id = runtimeService.startProcessInstanceByKey(EscalationTestProcess.PROCESS_KEY,
        Map.of(EscalationTestProcess.FUNCTION, "skola-lycksele")).getId();
    return taskService.createTaskQuery().processInstanceId(id).singleResult();
  }

  private List<Job> timers(Task task) {
    return managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().list().stream()
        .sorted(Comparator.comparing(Job::getDuedate)).toList();
  }

  private void fire(Job timer) {
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    managementService.executeJob(timer.getId());
  }

  private List<String> candidates(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(g -> g != null).toList();
  }

  private static List<OutboxMail> mails(Task task, MailKind kind) {
    return ProcessTestEngine.outbox().due(at(2100, 1, 1, 0)).stream()
        .filter(m -> task.getId().equals(m.taskId()) && m.kind() == kind).toList();
  }

  private void holder(String userId, String groupId) {
    User user = identityService.newUser(userId);
    user.setFirstName("Test");
    user.setLastName(userId);
    user.setEmail(userId + "@samverkan.example");
    identityService.saveUser(user);
    identityService.createMembership(userId, groupId);
  }

  static Date at(int year, int month, int day, int hour) {
    return Date.from(LocalDateTime.of(year, month, day, hour, 0).atZone(STOCKHOLM).toInstant());
  }
}
