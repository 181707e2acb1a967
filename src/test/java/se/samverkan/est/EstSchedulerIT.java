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

  @Autowired org.springframework.boot.test.web.client.TestRestTemplate rest;

  List<String> started = List.of();

  @AfterEach
  void removeTheStartedInstances() {
    StartedInstances.removeRunning(runtimeService, started, "EstSchedulerIT städar");
  }

  @Test
  void shouldStartEachCycleOnceWhenTwoNodesScheduleAtTheSameMoment() throws Exception {
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      List<java.util.concurrent.Future<List<String>>> runs = List.of(
          nodes.submit(() -> { go.await(); return scheduler.ensureRunning(); }),
          nodes.submit(() -> { go.await(); return scheduler.ensureRunning(); }));
      go.countDown();
      List<String> all = new java.util.ArrayList<>();
      for (var run : runs) {
        all.addAll(run.get(60, java.util.concurrent.TimeUnit.SECONDS));
      }
      started = all;
    } finally {
      nodes.shutdownNow();
    }

    assertThat(started).doesNotHaveDuplicates();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(EstCycleProcess.KEY)
        .variableValueEquals(EstCycleProcess.KOMMUN, "lycksele").count()).isEqualTo(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(EstReviewProcess.KEY)
        .variableValueEquals(EstReviewProcess.KOMMUN, "lycksele").count()).isEqualTo(1);
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

    // the timer "Cykelns start" is due at the cycle's start
    EstTestCycles.openReports(managementService, lycksele.getId());

    List<Task> reports = taskService.createTaskQuery().processInstanceId(lycksele.getId())
        .taskDefinitionKey(EstCycleProcess.SUBMIT_REPORT).list();
    assertThat(reports).hasSize(5);
    assertThat(taskService.createTaskQuery().processInstanceId(lycksele.getId())
        .taskCandidateGroup("socialtjanst-lycksele").count()).isEqualTo(1);
    try (var form = formService.getDeployedTaskForm(reports.get(0).getId())) {
      assertThat(new String(form.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"est-rapport\"");
    }
  }

  @Test
  void shouldLetTheSamordnarePauseAndResumeEstAtRuntime() {
    var samordnare = rest.withBasicAuth("samordnare.asele", "demo");
    try {
      var paused = samordnare.exchange("/api/est/asele/paus", org.springframework.http.HttpMethod.PUT, null, java.util.Map.class);
      assertThat(paused.getStatusCode().value()).isEqualTo(200);
      assertThat(paused.getBody()).containsEntry("pausad", true);
      assertThat(scheduler.ensureRunning()).as("nothing for a paused municipality")
          .noneMatch(id -> "asele".equals(runtimeService.getVariable(id, EstCycleProcess.KOMMUN)));

      var other = rest.withBasicAuth("samordnare.lycksele", "demo")
          .exchange("/api/est/asele/paus", org.springframework.http.HttpMethod.DELETE, null, java.util.Map.class);
      assertThat(other.getStatusCode().value()).isEqualTo(403);
      assertThat(other.getBody().get("message").toString()).contains("Endast kommunens samordnare");
      assertThat(rest.exchange("/api/est/asele/paus", org.springframework.http.HttpMethod.GET, null, String.class)
          .getStatusCode().value()).isEqualTo(401);

      var resumed = samordnare.exchange("/api/est/asele/paus", org.springframework.http.HttpMethod.DELETE, null,
          java.util.Map.class);
      assertThat(resumed.getStatusCode().value()).isEqualTo(200);
      assertThat(resumed.getBody()).containsEntry("pausad", false);
    } finally {
      scheduler.resume("asele");
      started = runtimeService.createProcessInstanceQuery().list().stream()
          .filter(p -> p.getProcessDefinitionId().startsWith(EstCycleProcess.KEY + ":")
              || p.getProcessDefinitionId().startsWith(EstReviewProcess.KEY + ":"))
          .map(ProcessInstance::getId).toList();
    }
  }
}
