package se.samverkan.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;

/**
 * PostgreSQL drops every connection of the application while users complete tasks (as a database
 * restart or failover does; the shared server itself is not restarted here, only this database's
 * sessions are terminated). The application must recover by itself, and no task may be lost or
 * completed twice. Runs with -Ppostgres only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConnectionLossPostgresIT {

  private static final int TASKS = 60;
  /** Times all sessions are dropped, one second apart: a restart or failover, several times over. */
  private static final int OUTAGES = 5;
  private static final int USERS = 4;

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired DataSourceProperties dataSource;

  @Test
  void shouldRecoverByItselfAndCompleteEveryTaskExactlyOnce() throws Exception {
    assertThat(dataSource.getUrl()).as("this test is about PostgreSQL").startsWith("jdbc:postgresql:");
    repositoryService.createDeployment().addClasspathResource("test-processes/visibility-test.bpmn")
        .addClasspathResource("test-processes/visibility-test.form")
        .enableDuplicateFiltering(true).name("visibility-test").deploy();
    List<String> instances = new ArrayList<>();
    for (int i = 0; i < TASKS; i++) {
      instances.add(runtimeService.startProcessInstanceByKey("visibility-test", Map.of("kommun", "lycksele")).getId());
    }
    ConcurrentLinkedQueue<String> open = new ConcurrentLinkedQueue<>();
    instances.forEach(id -> open.add(taskService.createTaskQuery().processInstanceId(id).singleResult().getId()));

    AtomicInteger failedAttempts = new AtomicInteger();
    AtomicInteger terminatedSessions = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(USERS + 1);
    Future<?> killer = pool.submit(() -> {
      try (Connection admin = DriverManager.getConnection(dataSource.getUrl(), dataSource.getUsername(),
          dataSource.getPassword()); Statement statement = admin.createStatement()) {
        Thread.sleep(300);
        for (int outage = 0; outage < OUTAGES && !done.get(); outage++) {
          try (ResultSet killed = statement.executeQuery("select count(*) filter (where pg_terminate_backend(pid)) "
              + "from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")) {
            killed.next();
            terminatedSessions.addAndGet(killed.getInt(1));
          }
          Thread.sleep(1_000);
        }
      }
      return null;
    });
    List<Future<?>> users = new ArrayList<>();
    for (int u = 0; u < USERS; u++) {
      users.add(pool.submit(() -> {
        RestClient samordnare = RestClient.as(rest, "samordnare.lycksele");
        String taskId;
        while ((taskId = open.poll()) != null) {
          while (true) {
            ResponseEntity<String> response = samordnare.post("/task/" + taskId + "/complete", Map.of(), String.class);
            if (response.getStatusCode().is2xxSuccessful() || response.getStatusCode().value() == 409) {
              break; // done, or done by the attempt whose answer was lost with its connection (409: completed already)
            }
            failedAttempts.incrementAndGet();
            Thread.sleep(50);
          }
        }
        return null;
      }));
    }
    for (Future<?> user : users) {
      user.get(5, TimeUnit.MINUTES);
    }
    done.set(true);
    killer.get(1, TimeUnit.MINUTES);
    pool.shutdown();

    assertThat(terminatedSessions.get()).as("sessions terminated while users worked").isPositive();
    for (String instance : instances) {
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).count())
          .as("exactly one task, never duplicated").isEqualTo(1);
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instance).finished().count())
          .as("the task was completed").isEqualTo(1);
      assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
          .as("the instance went on to its end").isZero();
    }
    // After the storm, without any restart: the next user request works at once.
    String next = runtimeService.startProcessInstanceByKey("visibility-test", Map.of("kommun", "lycksele")).getId();
    String nextTask = taskService.createTaskQuery().processInstanceId(next).singleResult().getId();
    assertThat(RestClient.as(rest, "samordnare.lycksele").post("/task/" + nextTask + "/complete", Map.of(), String.class)
        .getStatusCode().is2xxSuccessful()).isTrue();
    System.out.printf("Connection loss: %d sessions terminated, %d completions failed and were retried, %d tasks "
        + "completed exactly once%n", terminatedSessions.get(), failedAttempts.get(), TASKS);
  }
}
