package se.samverkan.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.EscalationTestProcess;
import se.samverkan.ProcessTestEngine;

/**
 * ProjectionPlugin on the process tests' engine: a task's row as it is created, escalated, completed
 * and deleted; a case's row as it starts and ends.
 */
@Deployment(resources = {EscalationTestProcess.RESOURCE, EscalationTestProcess.FORM})
class ProjectionPluginTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  private final RuntimeService runtimeService = ProcessTestEngine.engine().getRuntimeService();
  private final TaskService taskService = ProcessTestEngine.engine().getTaskService();
  private final ManagementService managementService = ProcessTestEngine.engine().getManagementService();
  private final JdbcTemplate jdbc = new JdbcTemplate(((ProcessEngineConfigurationImpl) ProcessTestEngine.engine()
      .getProcessEngineConfiguration()).getDataSource());

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRecordTheTasksMunicipalityFunctionAndEscalationWhileItIsOpen() {
    Task task = start("skola-lycksele");
    assertThat(row(task)).containsEntry("KOMMUN", "lycksele").containsEntry("LPO", "sodra-lappland")
        .containsEntry("FUNKTION", "skola-lycksele").containsEntry("PROCESS_KEY", EscalationTestProcess.PROCESS_KEY)
        .containsEntry("TASK_NAME", EscalationTestProcess.TASK_NAME).containsEntry("ESCALATED", false)
        .containsEntry("OUTCOME", null);

    List<Job> timers = managementService.createJobQuery().processInstanceId(task.getProcessInstanceId()).timers().list()
        .stream().sorted(Comparator.comparing(Job::getDuedate)).toList();
    // the reminder, then the escalation (the second timer), which raises the priority: the row says so at once
    fire(timers.get(0));
    assertThat(row(task)).containsEntry("ESCALATED", false);
    fire(timers.get(1));
    assertThat(row(task)).containsEntry("ESCALATED", true).containsEntry("FUNKTION", "skola-lycksele")
        .containsEntry("OUTCOME", null);
  }

  @Test
  void shouldRecordCompletionAndDeletion() {
    Task completed = start("samordnare-lycksele");
    taskService.complete(completed.getId());
    assertThat(row(completed)).containsEntry("OUTCOME", "completed").containsEntry("KOMMUN", "lycksele");
    assertThat(row(completed).get("ENDED_AT")).isNotNull();

    Task deleted = start("kommunpolis-sodra-lappland");
    runtimeService.deleteProcessInstance(deleted.getProcessInstanceId(), "test", true);
    assertThat(row(deleted)).containsEntry("OUTCOME", "deleted").containsEntry("KOMMUN", null)
        .containsEntry("LPO", "sodra-lappland");
  }

  @Test
  void shouldRecordEachCaseWithItsPlaceFromStartToEnd() {
    String completed = runtimeService.startProcessInstanceByKey(EscalationTestProcess.PROCESS_KEY,
        Map.of(EscalationTestProcess.FUNCTION, "samordnare-lycksele", "kommun", "lycksele")).getId();
    String lpoWide = runtimeService.startProcessInstanceByKey(EscalationTestProcess.PROCESS_KEY,
        Map.of(EscalationTestProcess.FUNCTION, "kommunpolis-sodra-lappland", "lpo", "sodra-lappland")).getId();
    assertThat(caseRow(completed)).containsEntry("PROCESS_KEY", EscalationTestProcess.PROCESS_KEY)
        .containsEntry("KOMMUN", "lycksele").containsEntry("LPO", "sodra-lappland").containsEntry("ENDED_AT", null);
    assertThat(caseRow(lpoWide)).containsEntry("KOMMUN", null).containsEntry("LPO", "sodra-lappland");

    taskService.complete(taskService.createTaskQuery().processInstanceId(completed).singleResult().getId());
    runtimeService.deleteProcessInstance(lpoWide, "test", true);
    assertThat(caseRow(completed).get("ENDED_AT")).isNotNull();
    assertThat(caseRow(lpoWide).get("ENDED_AT")).isNotNull();
  }

  private Task start(String function) {
    String id = runtimeService.startProcessInstanceByKey(EscalationTestProcess.PROCESS_KEY,
        Map.of(EscalationTestProcess.FUNCTION, function)).getId();
    return taskService.createTaskQuery().processInstanceId(id).singleResult();
  }

  private void fire(Job timer) {
    ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
    managementService.executeJob(timer.getId());
  }

  private Map<String, Object> caseRow(String processInstanceId) {
    Map<String, Object> upper = new java.util.HashMap<>();
    jdbc.queryForMap("select * from " + CaseProjection.TABLE + " where process_instance_id = ?", processInstanceId)
        .forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
    return upper;
  }

  private Map<String, Object> row(Task task) {
    Map<String, Object> upper = new java.util.HashMap<>();
    jdbc.queryForMap("select * from " + TaskProjection.TABLE + " where task_id = ?", task.getId())
        .forEach((k, v) -> upper.put(k.toUpperCase(java.util.Locale.ROOT), v));
    return upper;
  }
}
