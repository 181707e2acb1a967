package se.samverkan.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.EscalationTestProcess;
import se.samverkan.ProcessTestEngine;
import se.samverkan.escalation.TaskReminderListener;

/**
 * Camunda 7.24 strips the timeout-listener declarations (reminder, escalation) from the cached target
 * definition when it migrates an active user task (camunda-bpm-platform 4633, 4637): new tasks of that
 * step get no reminder or escalation on that node, and the next instance migrated there loses its
 * timers. With {@link TimeoutListenerProtectionPlugin} neither happens; without it, both do (so this
 * test also tells when Camunda fixes the bug and the plugin can go).
 */
class TimeoutListenerProtectionTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  static final ZonedDateTime MONDAY = ZonedDateTime.of(2026, 9, 7, 9, 0, 0, 0, ZoneId.of("Europe/Stockholm"));
  /** Reminder, escalation, second escalation: the three timeout listeners of the test step. */
  static final int TIMEOUT_LISTENERS = 3;

  static ProcessEngine withoutProtection;

  record Outcome(List<Long> migratedTimers, String newTaskId, long newTaskTimers) {}

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // The unprotected engine is not closed: closing it (after it ran a migration batch) left the shared
  // process-test engine's database without its tables, and later test classes in the JVM failed.
  // It lives in memory until the JVM ends.

  @Test
  void shouldGiveNewTasksOfAMigratedStepTheirReminderAndEscalation() {
    ProcessEngine engine = ProcessTestEngine.engine();
    Outcome outcome = migrateTwoThenStartOne(engine);
    try {
      assertThat(outcome.newTaskTimers()).isEqualTo(TIMEOUT_LISTENERS);

      Job reminder = engine.getManagementService().createJobQuery().processInstanceId(
          engine.getTaskService().createTaskQuery().taskId(outcome.newTaskId()).singleResult().getProcessInstanceId())
          .orderByJobDuedate().asc().list().get(0);
      ClockUtil.setCurrentTime(reminder.getDuedate());
      engine.getManagementService().executeJob(reminder.getId());
      assertThat(engine.getTaskService().getVariableLocal(outcome.newTaskId(), TaskReminderListener.REMINDERS)).isEqualTo(1);
    } finally {
      undeploy(engine);
    }
  }

  @Test
  void shouldKeepTheTimersOfEveryInstanceMigratedOnTheSameNode() {
    ProcessEngine engine = ProcessTestEngine.engine();
    try {
      assertThat(migrateTwoThenStartOne(engine).migratedTimers()).containsExactly((long) TIMEOUT_LISTENERS,
          (long) TIMEOUT_LISTENERS);
    } finally {
      undeploy(engine);
    }
  }

  @Test
  void shouldStillLoseTheTimersInPlainCamundaWhichIsWhyThePluginExists() {
    withoutProtection = ProcessTestEngine.engineWithout("samverkan-unprotected-migration",
        TimeoutListenerProtectionPlugin.class);
    Outcome outcome = migrateTwoThenStartOne(withoutProtection);

    assertThat(outcome.newTaskTimers()).isLessThan(TIMEOUT_LISTENERS);
    assertThat(outcome.migratedTimers().get(1)).isLessThan(TIMEOUT_LISTENERS);
  }

  /** Two instances waiting in the step move from version 1 to 2 in one batch; then a third starts on 2. */
  private static Outcome migrateTwoThenStartOne(ProcessEngine engine) {
    ProcessDefinition v1 = deploy(engine);
    ProcessDefinition v2 = deploy(engine);
    ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
    List<String> running = List.of(start(engine, v1), start(engine, v1));

    MigrationPlan plan = engine.getRuntimeService().createMigrationPlan(v1.getId(), v2.getId())
        .mapEqualActivities().updateEventTriggers().build();
    String batch = engine.getRuntimeService().newMigration(plan).processInstanceIds(running).executeAsync().getId();
    Batches.runToEnd(engine.getManagementService(), batch);

    List<Long> migratedTimers = running.stream()
        .map(id -> engine.getManagementService().createJobQuery().processInstanceId(id).timers().count()).toList();
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionId(v2.getId()).count()).isEqualTo(2);
    String fresh = start(engine, v2);
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(fresh).singleResult();
    long freshTimers = engine.getManagementService().createJobQuery().processInstanceId(fresh).timers().count();
    return new Outcome(migratedTimers, task.getId(), freshTimers);
  }

  private static ProcessDefinition deploy(ProcessEngine engine) {
    String deployment = engine.getRepositoryService().createDeployment().name("timeout-migration")
        .addClasspathResource(EscalationTestProcess.RESOURCE).addClasspathResource(EscalationTestProcess.FORM)
        .deploy().getId();
    return engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment).singleResult();
  }

  private static String start(ProcessEngine engine, ProcessDefinition definition) {
    return engine.getRuntimeService().startProcessInstanceById(definition.getId(),
        Map.of(EscalationTestProcess.FUNCTION, "skola-lycksele")).getId();
  }

  private static void undeploy(ProcessEngine engine) {
    engine.getRepositoryService().createDeploymentQuery().deploymentName("timeout-migration").list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true, true));
  }
}
