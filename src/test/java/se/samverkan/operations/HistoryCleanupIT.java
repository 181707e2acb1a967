package se.samverkan.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * History cleanup as configured in application.yaml (removal-time based, nightly window 01:00–05:00):
 * it waits for its window, then removes the history whose time to live has passed, and nothing else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class HistoryCleanupIT {

  private static final ZoneId SERVER = ZoneId.systemDefault();
  // Close to now, so the cleanup reaches only the one-day histories of other tests, never real processes' ones.
  private static final LocalDate DAY = LocalDate.now().plusDays(1);

  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldRemoveInItsWindowExactlyTheHistoryWhoseTimeToLiveHasPassed() {
    repositoryService.createDeployment()
        .addClasspathResource("test-processes/retention-short.bpmn")
        .addClasspathResource("test-processes/retention-long.bpmn")
        .addClasspathResource("test-processes/visibility-test.form")
        .enableDuplicateFiltering(true).name("retention-test").deploy();
    at(DAY, 10);
    String shortEnded = startAndFinish("retention-short");
    String longEnded = startAndFinish("retention-long");
    String shortRunning = runtimeService.startProcessInstanceByKey("retention-short", Map.of("kommun", "lycksele")).getId();

    // Asked for at noon, the cleanup waits for the night's window.
    at(DAY.plusDays(1), 12);
    Job scheduled = historyService.cleanUpHistoryAsync();
    assertThat(scheduled.getDuedate()).isEqualTo(date(DAY.plusDays(2), 1));

    // Two nights later, inside the window: the one-day history is due, the 30-day history is not.
    at(DAY.plusDays(2), 2);
    runCleanup();
    assertThat(historyExists(shortEnded)).as("ended, one day to live: removed").isFalse();
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(shortEnded).count()).isZero();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(shortEnded).count()).isZero();
    assertThat(historyExists(longEnded)).as("ended, thirty days to live: kept").isTrue();
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(longEnded).count()).isPositive();
    assertThat(historyExists(shortRunning)).as("still running: kept").isTrue();

    at(DAY.plusDays(31), 2);
    runCleanup();
    assertThat(historyExists(longEnded)).as("thirty days passed: removed").isFalse();
    assertThat(historyExists(shortRunning)).as("still running: kept").isTrue();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(shortRunning).count()).isEqualTo(1);

    runtimeService.deleteProcessInstance(shortRunning, "test");
  }

  private String startAndFinish(String key) {
    String id = runtimeService.startProcessInstanceByKey(key, Map.of("kommun", "lycksele", "anteckning", "fritext")).getId();
    taskService.complete(taskService.createTaskQuery().processInstanceId(id).singleResult().getId());
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(id).singleResult().getRemovalTime())
        .isNotNull();
    return id;
  }

  private void runCleanup() {
    historyService.cleanUpHistoryAsync();
    for (int round = 0; round < 20; round++) {
      List<Job> due = historyService.findHistoryCleanupJobs().stream()
          .filter(job -> !job.getDuedate().after(ClockUtil.getCurrentTime()))
          .toList();
      if (due.isEmpty()) {
        return;
      }
      due.forEach(job -> managementService.executeJob(job.getId()));
    }
  }

  private boolean historyExists(String processInstanceId) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() == 1;
  }

  private static void at(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(date(day, hour));
  }

  private static Date date(LocalDate day, int hour) {
    return Date.from(day.atTime(LocalTime.of(hour, 0)).atZone(SERVER).toInstant());
  }
}
