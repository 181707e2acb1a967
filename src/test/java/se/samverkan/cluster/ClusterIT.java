package se.samverkan.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two Samverkan engines on one PostgreSQL database, Camunda's own cluster model. Runs only with
 * {@code -Ppostgres} (the pom excludes it otherwise) and fails when PostgreSQL is unreachable. The
 * nodes share a schema of their own so that the application context of the other ITs never
 * sees these jobs. Node A runs in the test JVM; the other nodes are separate JVMs started from the
 * test class path, so that one of them can be killed hard.
 */
class ClusterIT {

  static final String PROCESS_KEY = "clusterTimer";
  static final String SCHEMA = "samverkan_cluster_it";
  static final Path LOGS = Path.of("target", "cluster");

  static ProcessEngine nodeA;
  static DataSource database;
  final List<Process> children = new ArrayList<>();

  @BeforeAll
  static void freshSchemaAndNodeA() throws Exception {
    database = ClusterNode.dataSource(ClusterNode.applicationConfiguration(), "public", 2);
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
      statement.execute("CREATE SCHEMA " + SCHEMA);
    }
    nodeA = ClusterNode.start("node-a", SCHEMA, null, false);
    nodeA.getRepositoryService().createDeployment().name("cluster-test")
        .addClasspathResource("cluster/cluster-timer.bpmn").deploy();
    Files.createDirectories(LOGS);
  }

  /**
   * Leaves no schema behind: the application's engine (databaseSchema unset) looks for its tables in
   * every schema, would find ours and then not create its own in a fresh database.
   */
  @AfterAll
  static void closeNodeAAndDropTheSchema() throws Exception {
    if (nodeA != null) {
      nodeA.close();
    }
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    }
  }

  @AfterEach
  void stopEverything() {
    jobExecutorOfNodeA().shutdown();
    children.forEach(Process::destroyForcibly);
  }

  @Test
  void shouldFireEachOfAThousandTimersExactlyOnceSharedByTwoNodes() throws Exception {
    // Each job waits 250 ms in its transaction (as a job waits for a mail server or a database), so
    // that both nodes' job threads stay busy and the share depends on their threads, not on their
    // CPU: node B is a cold JVM next to the warm test JVM, and with jobs of 30 ms the
    // warmer node took up to 87 % on a loaded 2-core CI machine.
    List<String> instances = startTimers("share", 1000, 250);
    startChildNode("node-b", null);
    jobExecutorOfNodeA().start();

    awaitFinished(instances, Duration.ofMinutes(2));

    Map<String, List<HistoricJobLog>> successByJob = successLogs(instances).stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getJobId));
    assertThat(successByJob).as("one timer job per process instance").hasSize(1000);
    assertThat(successByJob.values()).as("every timer fired exactly once").allMatch(logs -> logs.size() == 1);
    Map<String, Long> perNode = successByJob.values().stream()
        .collect(Collectors.groupingBy(logs -> logs.get(0).getHostname(), Collectors.counting()));
    System.out.println("Timers per node: " + perNode);
    assertThat(perNode.keySet()).containsExactlyInAnyOrder("node-a", "node-b");
    assertThat(perNode.values()).as("each node ran at least a fifth of the 1,000 jobs").allMatch(count -> count >= 200);
    assertThat(executedByPerInstance(instances)).as("the delegate saw the node the job log names")
        .isEqualTo(successByJob.values().stream().map(logs -> logs.get(0))
            .collect(Collectors.toMap(HistoricJobLog::getProcessInstanceId, HistoricJobLog::getHostname)));
    assertThat(nodeA.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  @Test
  void shouldTakeOverTheLockedJobsOfANodeKilledHard() throws Exception {
    int lockMillis = 10_000;
    List<String> instances = startTimers("kill", 300, 100);
    Process nodeK = startChildNode("node-k", lockMillis);

    // Let node K work until about a fifth is done, then kill -9 it in the middle of its jobs.
    long deadline = System.currentTimeMillis() + 60_000;
    while (finished(instances) < 60 && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
    nodeK.destroyForcibly();
    assertThat(nodeK.waitFor(20, TimeUnit.SECONDS)).isTrue();
    Date killedAt = new Date();
    long finishedByK = finished(instances);
    Map<String, Timestamp> orphaned = lockedJobsOf("node-k");
    System.out.println("Killed node-k after " + finishedByK + " instances, " + orphaned.size() + " jobs locked by it");
    assertThat(finishedByK).as("node K did part of the work").isPositive().isLessThan(300);
    assertThat(orphaned).as("node K died holding locked jobs").isNotEmpty();

    jobExecutorOfNodeA().start();
    awaitFinished(instances, Duration.ofMinutes(2));

    Map<String, List<HistoricJobLog>> successByJob = successLogs(instances).stream()
        .collect(Collectors.groupingBy(HistoricJobLog::getJobId));
    assertThat(successByJob).as("every job of every instance").hasSize(300);
    assertThat(successByJob.values()).as("nothing lost, nothing twice").allMatch(logs -> logs.size() == 1);
    for (String jobId : orphaned.keySet()) {
      HistoricJobLog log = successByJob.get(jobId).get(0);
      assertThat(log.getHostname()).as("job %s taken over", jobId).isEqualTo("node-a");
      assertThat(log.getTimestamp()).as("job %s only after its lock expired", jobId)
          .isAfterOrEqualTo(new Date(orphaned.get(jobId).getTime() - 1000));
    }
    assertThat(successByJob.values().stream().map(logs -> logs.get(0))
        .filter(log -> "node-k".equals(log.getHostname()))
        .allMatch(log -> !log.getTimestamp().after(killedAt))).as("a dead node writes nothing").isTrue();
    assertThat(executedByPerInstance(instances)).hasSize(300);
    assertThat(nodeA.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  private List<String> startTimers(String prefix, int count, int pauseMillis) throws Exception {
    Date now = new Date();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> started = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        String businessKey = prefix + "-" + i;
        started.add(pool.submit(() -> nodeA.getRuntimeService().startProcessInstanceByKey(PROCESS_KEY, businessKey,
            Variables.putValue("dueAt", now).putValue(RecordNodeDelegate.PAUSE_MILLIS, pauseMillis)).getId()));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> id : started) {
        ids.add(id.get());
      }
      return ids;
    } finally {
      pool.shutdown();
    }
  }

  /** A node in its own JVM: same class path, same time zone, same database environment. */
  private Process startChildNode(String name, Integer lockMillis) throws Exception {
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
        "-Duser.timezone=" + TimeZone.getDefault().getID(),
        "-D" + ClusterNode.SCHEMA_PROPERTY + "=" + SCHEMA,
        "-cp", classPath, ClusterNode.class.getName(), name));
    if (lockMillis != null) {
      command.add(lockMillis.toString());
    }
    Process process = new ProcessBuilder(command)
        .redirectError(LOGS.resolve(name + ".err.log").toFile())
        .start();
    children.add(process);
    CompletableFuture<Void> ready = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          Files.writeString(LOGS.resolve(name + ".out.log"), line + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
          if (line.startsWith(ClusterNode.READY)) {
            ready.complete(null);
          }
        }
      } catch (IOException e) {
        // the node died; the test decides whether that was expected
      }
      ready.completeExceptionally(new IllegalStateException("node " + name + " ended, see " + LOGS));
    }, "output-" + name);
    reader.setDaemon(true);
    reader.start();
    ready.get(90, TimeUnit.SECONDS);
    return process;
  }

  private static JobExecutor jobExecutorOfNodeA() {
    return ((ProcessEngineConfigurationImpl) nodeA.getProcessEngineConfiguration()).getJobExecutor();
  }

  private long finished(List<String> instances) {
    return nodeA.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceIds(Set.copyOf(instances)).finished().count();
  }

  private void awaitFinished(List<String> instances, Duration timeout) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeout.toMillis();
    while (finished(instances) < instances.size() && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    assertThat(finished(instances)).as("process instances ended").isEqualTo(instances.size());
  }

  private List<HistoricJobLog> successLogs(List<String> instances) {
    Set<String> ids = Set.copyOf(instances);
    HistoryService history = nodeA.getHistoryService();
    return history.createHistoricJobLogQuery().processDefinitionKey(PROCESS_KEY).successLog().list().stream()
        .filter(log -> ids.contains(log.getProcessInstanceId()))
        .toList();
  }

  private Map<String, String> executedByPerInstance(List<String> instances) {
    Set<String> ids = Set.copyOf(instances);
    return nodeA.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName(RecordNodeDelegate.EXECUTED_BY).list().stream()
        .filter(variable -> ids.contains(variable.getProcessInstanceId()))
        .collect(Collectors.toMap(v -> v.getProcessInstanceId(), v -> (String) v.getValue()));
  }

  /** Job id -> lock expiration of the jobs a node still holds. */
  private Map<String, Timestamp> lockedJobsOf(String lockOwner) throws Exception {
    Map<String, Timestamp> jobs = new HashMap<>();
    try (Connection connection = database.getConnection(); Statement statement = connection.createStatement();
         ResultSet rows = statement.executeQuery("SELECT id_, lock_exp_time_ FROM " + SCHEMA
             + ".act_ru_job WHERE lock_owner_ = '" + lockOwner + "'")) {
      while (rows.next()) {
        jobs.put(rows.getString(1), rows.getTimestamp(2));
      }
    }
    return jobs;
  }
}
