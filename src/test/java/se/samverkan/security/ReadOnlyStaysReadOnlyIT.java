package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Attachment;
import org.camunda.bpm.engine.task.Comment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.samverkan.RestClient;
import se.samverkan.WebappSession;

/**
 * Function users change a case only through their tasks' forms (issue 13, finding 7): no variable
 * door outside a completion, comments and attachments only on tasks their function works on and read
 * only where they may read the task, metrics and telemetry for administrators only. Every door is
 * called as a demo user through /engine-rest (and some through Tasklist's API and Java) and must be
 * refused with 403 and leave everything as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadOnlyStaysReadOnlyIT {

  static final String PROCESS = AuthorizationMatrixIT.PROCESS;
  static final String REFUSED_WRITE = "Du kan inte ändra processens variabler";
  /** Modifications meet the start guard first (StartGuard), which refuses them for the same reason. */
  static final String REFUSED_MODIFICATION = "Att starta om eller ändra en process (modifiering) är inte tillåtet";
  static final String SAMORDNARE = "samordnare.lycksele";

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;

  private String instance;
  private String task;

  @BeforeEach
  void startAnInstanceOfLycksele() {
    repositoryService.createDeployment().addClasspathResource("test-processes/" + PROCESS + ".bpmn")
        .addClasspathResource("test-processes/visibility-test.form")
        .enableDuplicateFiltering(true).name(PROCESS).deploy();
    instance = runtimeService.startProcessInstanceByKey(PROCESS,
        Map.of("kommun", "lycksele", "lpo", "sodra-lappland")).getId();
    task = taskService.createTaskQuery().processInstanceId(instance).taskCandidateGroup("samordnare-lycksele")
        .singleResult().getId();
  }

  @AfterEach
  void removeTheInstance() {
    identityService.clearAuthentication();
    if (runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0) {
      runtimeService.deleteProcessInstance(instance, "ReadOnlyStaysReadOnlyIT städar", true, true);
    }
  }

  // --- variables -------------------------------------------------------------------------------

  record Door(HttpMethod method, String path, Object body) {}

  static final Map<String, Object> NOTE = Map.of("value", "ändrad", "type", "String");
  static final Map<String, Object> NOTES = Map.of("anteckning", NOTE);

  /** Every door that writes variables outside a completion; {task} and {instance} are filled in. */
  static Stream<Arguments> variableDoors() {
    List<Arguments> doors = new ArrayList<>();
    doors.add(Arguments.of("task variable put", new Door(HttpMethod.PUT, "/task/{task}/variables/anteckning", NOTE)));
    doors.add(Arguments.of("task local variable put", new Door(HttpMethod.PUT, "/task/{task}/localVariables/anteckning", NOTE)));
    doors.add(Arguments.of("task variables modify", new Door(HttpMethod.POST, "/task/{task}/variables", Map.of("modifications", NOTES))));
    doors.add(Arguments.of("task local variables modify", new Door(HttpMethod.POST, "/task/{task}/localVariables", Map.of("modifications", NOTES))));
    doors.add(Arguments.of("task variables delete by modify", new Door(HttpMethod.POST, "/task/{task}/variables", Map.of("deletions", List.of("kommun")))));
    doors.add(Arguments.of("task variable delete", new Door(HttpMethod.DELETE, "/task/{task}/variables/kommun", null)));
    doors.add(Arguments.of("task local variable delete", new Door(HttpMethod.DELETE, "/task/{task}/localVariables/kommun", null)));
    doors.add(Arguments.of("instance variable put", new Door(HttpMethod.PUT, "/process-instance/{instance}/variables/anteckning", NOTE)));
    doors.add(Arguments.of("instance variables modify", new Door(HttpMethod.POST, "/process-instance/{instance}/variables", Map.of("modifications", NOTES))));
    doors.add(Arguments.of("instance variable delete", new Door(HttpMethod.DELETE, "/process-instance/{instance}/variables/kommun", null)));
    doors.add(Arguments.of("execution local variable put", new Door(HttpMethod.PUT, "/execution/{instance}/localVariables/anteckning", NOTE)));
    doors.add(Arguments.of("execution local variables modify", new Door(HttpMethod.POST, "/execution/{instance}/localVariables", Map.of("modifications", NOTES))));
    doors.add(Arguments.of("execution signal with variables", new Door(HttpMethod.POST, "/execution/{instance}/signal", Map.of("variables", NOTES))));
    Map<String, Object> instruction = Map.of("type", "startBeforeActivity", "activityId", "Task_Samordnare", "variables",
        Map.of("anteckning", Map.of("value", "ändrad", "type", "String", "local", false)));
    doors.add(Arguments.of("instance modification", new Door(HttpMethod.POST, "/process-instance/{instance}/modification",
        Map.of("instructions", List.of(instruction)))));
    doors.add(Arguments.of("instance modification async", new Door(HttpMethod.POST, "/process-instance/{instance}/modification-async",
        Map.of("instructions", List.of(instruction)))));
    doors.add(Arguments.of("batch set variables", new Door(HttpMethod.POST, "/process-instance/variables-async",
        Map.of("processInstanceIds", List.of("{instance}"), "variables", NOTES))));
    doors.add(Arguments.of("message with variables", new Door(HttpMethod.POST, "/message",
        Map.of("messageName", "Message_FunctionStaffed", "processInstanceId", "{instance}", "processVariables", NOTES))));
    doors.add(Arguments.of("message without variables", new Door(HttpMethod.POST, "/message",
        Map.of("messageName", "Message_FunctionStaffed", "processInstanceId", "{instance}"))));
    doors.add(Arguments.of("message to all", new Door(HttpMethod.POST, "/message",
        Map.of("messageName", "Message_FunctionStaffed", "all", true))));
    doors.add(Arguments.of("signal with variables", new Door(HttpMethod.POST, "/signal", Map.of("name", "Signal_Test", "variables", NOTES))));
    doors.add(Arguments.of("signal without variables", new Door(HttpMethod.POST, "/signal", Map.of("name", "Signal_Test"))));
    doors.add(Arguments.of("historic variable delete", new Door(HttpMethod.DELETE, "/history/variable-instance/{kommunVariable}", null)));
    doors.add(Arguments.of("historic variables of instance delete", new Door(HttpMethod.DELETE, "/history/process-instance/{instance}/variable-instances", null)));
    return doors.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("variableDoors")
  void shouldRefuseEveryVariableDoorToAFunctionUserAndChangeNothing(String name, Door door) {
    State before = state();

    ResponseEntity<String> answer = call(SAMORDNARE, door);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(403);
    assertThat(answer.getBody()).contains(name.startsWith("instance modification") ? REFUSED_MODIFICATION : REFUSED_WRITE);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAVariableWriteThroughTasklistsApi() {
    State before = state();

    var answer = WebappSession.logIn(port, SAMORDNARE)
        .put("/task/" + task + "/variables/anteckning", Map.of("value", "ändrad", "type", "String"));

    assertThat(answer.status()).as(answer.text()).isEqualTo(403);
    assertThat(answer.text()).contains(REFUSED_WRITE);
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void shouldRefuseAVariableWriteFromJavaWithAFunctionUsersAuthentication() {
    State before = state();
    identityService.setAuthentication(SAMORDNARE, List.of("samordnare-lycksele"));
    try {
      assertThatThrownBy(() -> runtimeService.setVariable(instance, "anteckning", "ändrad"))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining(REFUSED_WRITE);
      assertThatThrownBy(() -> taskService.removeVariable(task, "kommun"))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining(REFUSED_WRITE);
      assertThatThrownBy(() -> runtimeService.signalEventReceived("Signal_Test"))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining(REFUSED_WRITE);
      assertThatThrownBy(() -> runtimeService.createMessageCorrelationAsync("Message_FunctionStaffed")
          .processInstanceIds(List.of(instance)).setVariable("anteckning", "ändrad").correlateAllAsync())
          .isInstanceOf(AuthorizationException.class).hasMessageContaining(REFUSED_WRITE);
      assertThatThrownBy(() -> runtimeService.setVariablesAsync(List.of(instance), Map.of("anteckning", "ändrad")))
          .isInstanceOf(AuthorizationException.class).hasMessageContaining(REFUSED_WRITE);
      assertThatThrownBy(() -> runtimeService.createProcessInstanceModification(instance)
          .startBeforeActivity("Task_Samordnare").setVariable("anteckning", "ändrad").execute())
          .isInstanceOf(AuthorizationException.class).hasMessageContaining(REFUSED_MODIFICATION);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(state()).isEqualTo(before);
  }

  @Test
  void shouldLetAdministratorsAndTheEngineWriteVariables() {
    ResponseEntity<String> answer = call("admin", new Door(HttpMethod.PUT, "/process-instance/{instance}/variables/anteckning", NOTE));
    runtimeService.setVariable(instance, "intern", "ja");

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    assertThat(runtimeService.getVariable(instance, "anteckning")).isEqualTo("ändrad");
    assertThat(runtimeService.getVariable(instance, "intern")).isEqualTo("ja");
  }

  // --- comments and attachments ------------------------------------------------------------------

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"lansstyrelsen", "processagare", "samordnare.storuman"})
  void shouldRefuseCommentsAndAttachmentsFromFunctionsThatDoNotWorkOnTheTask(String user) {
    Attachment existing = taskService.createAttachment("url", task, instance, "Befintlig", null, "https://example.se/a");
    Comment comment = taskService.createComment(task, instance, "Befintlig kommentar");

    // /engine-rest: Camunda's resources wrap some refusals in 400/404 of their own (not this guard's
    // mapping); every one is a refusal and changes nothing.
    ResponseEntity<String> commented = RestClient.as(rest, user)
        .post("/task/" + task + "/comment/create", Map.of("message", "Från " + user), String.class);
    ResponseEntity<String> attached = attachUrl(user);
    ResponseEntity<String> deleted = rest.exchange("/engine-rest/task/" + task + "/attachment/" + existing.getId(),
        HttpMethod.DELETE, new HttpEntity<>(basic(user)), String.class);
    ResponseEntity<String> updated = rest.exchange("/engine-rest/task/" + task + "/comment", HttpMethod.PUT,
        new HttpEntity<>(Map.of("id", comment.getId(), "message", "Ändrad av " + user), json(user)), String.class);
    assertThat(List.of(commented, attached, deleted, updated)).allSatisfy(answer ->
        assertThat(answer.getStatusCode().is4xxClientError()).as(answer.toString()).isTrue());
    // None of the three sees the task (länsstyrelsen and the process owner read models, not cases):
    // Camunda's REST lookup answers first; the engine's door below is the guard's.

    // the engine's door, as every caller meets it: 403
    String group = user.contains(".") ? user.replace('.', '-') : user;
    identityService.setAuthentication(user, List.of(group));
    try {
      List<Runnable> writes = List.of(
          () -> taskService.createComment(task, instance, "Från " + user),
          () -> taskService.createAttachment("url", task, null, "Länk", null, "https://example.se/x"),
          () -> taskService.deleteTaskAttachment(task, existing.getId()),
          () -> taskService.deleteAttachment(existing.getId()),
          () -> {
            existing.setName("Omdöpt");
            taskService.saveAttachment(existing);
          },
          () -> taskService.updateTaskComment(task, comment.getId(), "Ändrad"),
          () -> taskService.deleteTaskComment(task, comment.getId()),
          () -> taskService.deleteTaskComments(task));
      for (Runnable write : writes) {
        assertThatThrownBy(write::run).isInstanceOf(AuthorizationException.class)
            .hasMessageContaining("Du kan bara kommentera och bifoga till uppgifter som din funktion arbetar med");
      }
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.getTaskComments(task)).extracting(Comment::getFullMessage).containsExactly("Befintlig kommentar");
    assertThat(taskService.getTaskAttachments(task)).extracting(Attachment::getName).containsExactly("Befintlig");
  }

  @Test
  void shouldRefuseAProcessInstanceCommentFromLansstyrelsenThroughJava() {
    identityService.setAuthentication("lansstyrelsen", List.of("lansstyrelsen"));
    try {
      assertThatThrownBy(() -> taskService.createComment(null, instance, "Länsstyrelsen tycker"))
          .isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.getProcessInstanceComments(instance)).isEmpty();
  }

  @Test
  void shouldLetTheTasksFunctionCommentAndAttach() {
    ResponseEntity<String> commented = RestClient.as(rest, SAMORDNARE)
        .post("/task/" + task + "/comment/create", Map.of("message", "Samordnarens anteckning"), String.class);
    ResponseEntity<String> attached = attachUrl(SAMORDNARE);

    assertThat(commented.getStatusCode().value()).as(commented.getBody()).isEqualTo(200);
    assertThat(attached.getStatusCode().value()).as(attached.getBody()).isEqualTo(200);
    assertThat(taskService.getTaskComments(task)).extracting(Comment::getFullMessage).containsExactly("Samordnarens anteckning");
    assertThat(taskService.getTaskAttachments(task)).extracting(Attachment::getName).containsExactly("Länk från " + SAMORDNARE);
  }

  @Test
  void shouldRefuseReadingAnotherMunicipalitysCommentsAndAttachmentsByTaskId() {
    Comment comment = taskService.createComment(task, instance, "Lyckseles interna anteckning");
    Attachment attachment = taskService.createAttachment("url", task, instance, "Lyckseles länk", null, "https://example.se/l");
    RestClient storuman = RestClient.as(rest, "samordnare.storuman");
    List<String> paths = List.of("/task/" + task + "/comment", "/task/" + task + "/comment/" + comment.getId(),
        "/task/" + task + "/attachment", "/task/" + task + "/attachment/" + attachment.getId(),
        "/task/" + task + "/attachment/" + attachment.getId() + "/data");

    // /engine-rest looks the task up first and answers 404 itself; the engine below refuses with 403
    for (String path : paths) {
      ResponseEntity<String> answer = storuman.get(path, String.class);
      assertThat(answer.getStatusCode().value()).as(path + " " + answer.getBody()).isIn(403, 404);
      assertThat(answer.getBody()).doesNotContain("Lyckseles");
    }
    identityService.setAuthentication("samordnare.storuman", List.of("samordnare-storuman"));
    try {
      List<Runnable> reads = List.of(() -> taskService.getTaskComments(task),
          () -> taskService.getTaskComment(task, comment.getId()), () -> taskService.getTaskAttachments(task),
          () -> taskService.getTaskAttachment(task, attachment.getId()),
          () -> taskService.getTaskAttachmentContent(task, attachment.getId()),
          () -> taskService.getAttachment(attachment.getId()), () -> taskService.getAttachmentContent(attachment.getId()),
          () -> taskService.getTaskEvents(task), () -> taskService.getProcessInstanceComments(instance),
          () -> taskService.getProcessInstanceAttachments(instance));
      for (Runnable read : reads) {
        assertThatThrownBy(read::run).isInstanceOf(AuthorizationException.class).hasMessageContaining("Du kan inte läsa");
      }
    } finally {
      identityService.clearAuthentication();
    }
    ResponseEntity<String> own = RestClient.as(rest, SAMORDNARE).get("/task/" + task + "/comment", String.class);
    assertThat(own.getStatusCode().value()).isEqualTo(200);
    assertThat(own.getBody()).contains("Lyckseles interna anteckning");
  }

  @Test
  void shouldGuardTheCommentsOfACompletedTaskByTheHistory() {
    taskService.createComment(task, instance, "Anteckning före slutförandet");
    ResponseEntity<String> completed = RestClient.as(rest, SAMORDNARE).post("/task/" + task + "/complete", Map.of(), String.class);
    assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);

    identityService.setAuthentication("samordnare.storuman", List.of("samordnare-storuman"));
    try {
      assertThatThrownBy(() -> taskService.getTaskComments(task)).isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    // länsstyrelsen reads no case history now ("Who may see what"): refused like any stranger
    identityService.setAuthentication("lansstyrelsen", List.of("lansstyrelsen"));
    try {
      assertThatThrownBy(() -> taskService.getTaskComments(task)).isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    // the task's own function reads the history of its task: the completed task's comments too
    identityService.setAuthentication(SAMORDNARE, List.of("samordnare-lycksele"));
    try {
      assertThat(taskService.getTaskComments(task)).extracting(Comment::getFullMessage)
          .containsExactly("Anteckning före slutförandet");
    } finally {
      identityService.clearAuthentication();
    }
  }

  // --- metrics and telemetry ---------------------------------------------------------------------

  static Stream<Arguments> adminOnlyDoors() {
    return Stream.of(
        Arguments.of("metrics sum", new Door(HttpMethod.GET, "/metrics/activity-instance-start/sum", null)),
        Arguments.of("metrics interval", new Door(HttpMethod.GET, "/metrics?name=activity-instance-start", null)),
        Arguments.of("telemetry configuration", new Door(HttpMethod.GET, "/telemetry/configuration", null)),
        Arguments.of("telemetry configure", new Door(HttpMethod.POST, "/telemetry/configuration", Map.of("enableTelemetry", false))),
        Arguments.of("telemetry data", new Door(HttpMethod.GET, "/telemetry/data", null)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("adminOnlyDoors")
  void shouldAnswerMetricsAndTelemetryToAdministratorsOnly(String name, Door door) {
    ResponseEntity<String> function = call(SAMORDNARE, door);
    ResponseEntity<String> readOnly = call("lansstyrelsen", door);
    ResponseEntity<String> admin = call("admin", door);

    assertThat(function.getStatusCode().value()).as(function.getBody()).isEqualTo(403);
    assertThat(function.getBody()).contains("bara för administratörer");
    assertThat(readOnly.getStatusCode().value()).as(readOnly.getBody()).isEqualTo(403);
    assertThat(admin.getStatusCode().is2xxSuccessful()).as(admin.getBody()).isTrue();
  }

  @Test
  void shouldRefuseMetricsThroughTasklistsApiAndJava() {
    var answer = WebappSession.logIn(port, SAMORDNARE).get("/metrics/activity-instance-start/sum");
    assertThat(answer.status()).as(answer.text()).isEqualTo(403);

    identityService.setAuthentication(SAMORDNARE, List.of("samordnare-lycksele"));
    try {
      assertThatThrownBy(() -> managementService.getUniqueTaskWorkerCount(null, null))
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> managementService.createMetricsQuery().name("activity-instance-start").sum())
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> managementService.createMetricsQuery().name("activity-instance-start").interval())
          .isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> managementService.deleteMetrics(null)).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> managementService.deleteTaskMetrics(null)).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> managementService.getTelemetryData()).isInstanceOf(AuthorizationException.class);
      assertThatThrownBy(() -> managementService.toggleTelemetry(true)).isInstanceOf(AuthorizationException.class);
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(managementService.createMetricsQuery().name("activity-instance-start").sum()).isNotNegative();
  }

  // --- helpers -------------------------------------------------------------------------------

  /** What a write could change: the instance's variables (runtime and history) and its tasks. */
  record State(Map<String, Object> variables, long historicVariables, long historicUpdates, List<String> tasks,
      long instances) {}

  private State state() {
    return new State(runtimeService.getVariables(instance),
        historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).count(),
        historyService.createHistoricDetailQuery().processInstanceId(instance).count(),
        taskService.createTaskQuery().processInstanceId(instance).list().stream().map(t -> t.getId()).sorted().toList(),
        runtimeService.createProcessInstanceQuery().count());
  }

  private ResponseEntity<String> call(String user, Door door) {
    Function<String, String> fill = text -> text.replace("{task}", task).replace("{instance}", instance)
        .replace("{kommunVariable}", historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
            .variableName("kommun").singleResult().getId());
    Object body = door.body() == null ? null : fillBody(door.body(), fill);
    return rest.exchange("/engine-rest" + fill.apply(door.path()), door.method(), new HttpEntity<>(body, json(user)),
        String.class);
  }

  @SuppressWarnings("unchecked")
  private static Object fillBody(Object body, Function<String, String> fill) {
    if (body instanceof String text) {
      return fill.apply(text);
    }
    if (body instanceof Map<?, ?> map) {
      Map<String, Object> filled = new java.util.LinkedHashMap<>();
      ((Map<String, Object>) map).forEach((k, v) -> filled.put(k, fillBody(v, fill)));
      return filled;
    }
    if (body instanceof List<?> list) {
      return list.stream().map(v -> fillBody(v, fill)).toList();
    }
    return body;
  }

  private ResponseEntity<String> attachUrl(String user) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add("attachment-name", "Länk från " + user);
    form.add("attachment-type", "url");
    form.add("url", "https://example.se/" + user);
    HttpHeaders headers = basic(user);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return rest.exchange("/engine-rest/task/" + task + "/attachment/create", HttpMethod.POST,
        new HttpEntity<>(form, headers), String.class);
  }

  private static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }

  private static HttpHeaders json(String user) {
    HttpHeaders headers = basic(user);
    headers.setContentType(MediaType.APPLICATION_JSON);
    return headers;
  }
}
