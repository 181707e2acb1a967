package se.samverkan.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverkan.SamverkanApplication;
import se.samverkan.modelrules.TestModels;

/**
 * The demo's embedded H2 keeps what it acknowledged through a hard kill of the JVM: Samverkan runs
 * in a JVM of its own on the default H2 file URL (application.yaml, relative to its working
 * directory, here a temporary one), completes a burst of tasks over REST, is killed with SIGKILL
 * right after the last 204, and is started again on the same files.
 */
class DemoDatabaseDurabilityIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROCESS = "durability-test";
  private static final int TASKS = 15;
  private static final String BPMN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                        xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                        id="Definitions_Durability" targetNamespace="http://samverkan.se/test">
        <bpmn:process id="durability-test" name="Hållbarhetstest" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="Event_Start"><bpmn:outgoing>Flow_ToTask</bpmn:outgoing></bpmn:startEvent>
          <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="Event_Start" targetRef="Task_Work" />
          <bpmn:userTask id="Task_Work" name="Uppgift" camunda:candidateGroups="samordnare-lycksele"
                         camunda:formRef="visibility-test" camunda:formRefBinding="deployment" camunda:dueDate="P30D">
            %s
            <bpmn:incoming>Flow_ToTask</bpmn:incoming><bpmn:outgoing>Flow_ToEnd</bpmn:outgoing>
          </bpmn:userTask>
          <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Work" targetRef="Event_End" />
          <bpmn:endEvent id="Event_End"><bpmn:incoming>Flow_ToEnd</bpmn:incoming></bpmn:endEvent>
        </bpmn:process>
      </bpmn:definitions>
      """.formatted(TestModels.TIMEOUT_LISTENERS);

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @TempDir Path workingDirectory;

  @Test
  void shouldKeepEveryAcknowledgedCompletionThroughAKill9() throws Exception {
    int port = freePort();
    String base = "http://localhost:" + port + "/engine-rest";
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<String> taskIds;

    Process first = start(port, "first");
    try {
      awaitReady(base, first, "first");
      // the demo's people (processagare among them) come from its directory; scheduling is off here
      send("POST", base + "/samverkan/katalog/synkronisera", "{}", 200);
      deploy(base);
      for (int i = 0; i < TASKS; i++) {
        send("POST", base + "/process-definition/key/" + PROCESS + "/start", "{}", 200);
      }
      taskIds = tasks(base);
      assertThat(taskIds).hasSize(TASKS);

      // the burst: four clients at once; the JVM dies right after the last acknowledgement
      ExecutorService pool = Executors.newFixedThreadPool(4);
      long burstStart = System.nanoTime();
      List<Future<?>> completions = new ArrayList<>();
      for (String task : taskIds) {
        completions.add(pool.submit(() -> {
          if (send("POST", base + "/task/" + task + "/complete", "{}", -1).statusCode() == 204) {
            acknowledged.add(task);
          }
          return null;
        }));
      }
      for (Future<?> completion : completions) {
        completion.get(60, TimeUnit.SECONDS);
      }
      pool.shutdown();
      System.out.printf("DemoDatabaseDurabilityIT: %d completions in %d ms, killed right after%n", TASKS,
          (System.nanoTime() - burstStart) / 1_000_000);
    } finally {
      first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no H2 close
      first.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(acknowledged).as("completions answered 204").hasSize(TASKS);

    Process second = start(port, "second");
    try {
      awaitReady(base, second, "second");
      List<Map<String, Object>> finished = JSON.readValue(send("GET",
          base + "/history/task?processDefinitionKey=" + PROCESS + "&finished=true", null, 200).body(),
          new TypeReference<>() {});
      List<String> finishedIds = finished.stream().map(t -> (String) t.get("id")).toList();
      long endedInstances = JSON.readValue(send("GET",
          base + "/history/process-instance/count?processDefinitionKey=" + PROCESS + "&finished=true", null, 200)
          .body(), new TypeReference<Map<String, Object>>() {}).get("count") instanceof Number n ? n.longValue() : -1;

      assertThat(finishedIds).as("every acknowledged completion is there")
          .containsAll(acknowledged).doesNotHaveDuplicates();
      assertThat(tasks(base)).as("no completed task is open again").doesNotContainAnyElementsOf(acknowledged);
      assertThat(endedInstances).as("each instance ended once").isEqualTo(acknowledged.size());
      assertThat(Set.copyOf(finishedIds)).hasSize(finished.size());
    } finally {
      second.destroy();
      if (!second.waitFor(30, TimeUnit.SECONDS)) {
        second.destroyForcibly();
      }
    }
  }

  private Process start(int port, String name) throws IOException {
    String classPath = java.util.Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(entry -> !Path.of(entry).endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classPath, SamverkanApplication.class.getName(),
        "--spring.profiles.active=demo", "--server.port=" + port,
        // what this test is not about, off to start faster
        "--camunda.bpm.job-execution.enabled=false", "--samverkan.est.scheduler-on-startup=false",
        "--samverkan.scheduling.enabled=false", "--spring.jmx.enabled=false");
    return new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
        .redirectOutput(workingDirectory.resolve(name + ".log").toFile()).start();
  }

  private void awaitReady(String base, Process process, String name) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    String health = base.replace("/engine-rest", "/actuator/health/readiness");
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Samverkan ended at startup: " + Files.readString(workingDirectory.resolve(name + ".log")));
      }
      try {
        if (http.send(HttpRequest.newBuilder(URI.create(health)).build(), HttpResponse.BodyHandlers.ofString())
            .statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("Samverkan was not ready within 120 s");
  }

  private void deploy(String base) throws Exception {
    String boundary = "samverkan" + System.nanoTime();
    String form = new String(DemoDatabaseDurabilityIT.class.getResourceAsStream("/test-processes/visibility-test.form")
        .readAllBytes(), StandardCharsets.UTF_8);
    String body = part(boundary, "deployment-name", null, PROCESS)
        + part(boundary, "data", "durability-test.bpmn", BPMN.strip())
        + part(boundary, "form", "visibility-test.form", form)
        + "--" + boundary + "--\r\n";
    // only the process owner deploys (docs/security.md, authorization matrix)
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/deployment/create"))
        .header("Authorization", basic("processagare"))
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static String part(String boundary, String name, String fileName, String content) {
    return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
        + (fileName == null ? "" : "; filename=\"" + fileName + "\"") + "\r\n"
        + (fileName == null ? "" : "Content-Type: application/octet-stream\r\n") + "\r\n" + content + "\r\n";
  }

  private List<String> tasks(String base) throws Exception {
    List<Map<String, Object>> tasks = JSON.readValue(
        send("GET", base + "/task?processDefinitionKey=" + PROCESS + "&maxResults=1000", null, 200).body(),
        new TypeReference<>() {});
    return tasks.stream().map(t -> (String) t.get("id")).toList();
  }

  /** As the demo administrator (all permissions); expected -1: any status. */
  private HttpResponse<String> send(String method, String url, String json, int expected) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", admin())
        .timeout(Duration.ofSeconds(60));
    request = json == null ? request.GET()
        : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (expected > 0) {
      assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isEqualTo(expected);
    }
    return response;
  }

  private static String admin() {
    return basic("admin");
  }

  private static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
