package se.samverkan.est;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EstSchedulerIT {

  @Autowired EstScheduler scheduler;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired TaskService taskService;
  @Autowired org.camunda.bpm.engine.FormService formService;

  List<String> started = List.of();

  @AfterEach
  void removeTheStartedInstances() {
    List<String> running = started.stream()
        .filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0).toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "EstSchedulerIT städar", true, true);
    }
  }

  @Test
  void shouldStartLyckselesCycleWithItsReportTasksAndNotTwice() throws java.io.IOException {
    started = scheduler.ensureRunning();

    ProcessInstance lycksele = runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(EstCycleProcess.KEY)
        .variableValueEquals(EstCycleProcess.KOMMUN, "lycksele").active().list().stream()
        .filter(p -> started.contains(p.getId())).findFirst().orElseThrow();
    assertThat((Date) runtimeService.getVariable(lycksele.getId(), EstCycleProcess.MEETING)).isInTheFuture();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(EstReviewProcess.KEY)
        .variableValueEquals(EstReviewProcess.KOMMUN, "lycksele").count()).isEqualTo(1);
    assertThat(scheduler.ensureRunning()).as("idempotent").isEmpty();

    // the timer "Cykelns start" is due at the cycle's start; the tests' job executor is off
    managementService.executeJob(managementService.createJobQuery().processInstanceId(lycksele.getId())
        .activityId("Event_CycleStartReached").singleResult().getId());

    List<Task> reports = taskService.createTaskQuery().processInstanceId(lycksele.getId())
        .taskDefinitionKey(EstCycleProcess.SUBMIT_REPORT).list();
    assertThat(reports).hasSize(5);
    assertThat(taskService.createTaskQuery().processInstanceId(lycksele.getId())
        .taskCandidateGroup("socialtjanst-lycksele").count()).isEqualTo(1);
    try (var form = formService.getDeployedTaskForm(reports.get(0).getId())) {
      assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"est-rapport\"");
    }
  }
}
