package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import se.samverkan.FormData;
import se.samverkan.RestClient;
import se.samverkan.WebappSession;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstTestCycles;
import se.samverkan.forms.FormValidationException;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.promise.PromiseStart;

/**
 * A completion sets only what the task's form declares (issue 13, finding 1): the attacks found with
 * demo logins, through /engine-rest (complete and submit-form) and Tasklist's own API, are refused
 * with a Swedish 400 and leave the task, its variables and the history as they were. What Tasklist
 * submits for the same forms still completes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CompletionDeclaresOnlyIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger MEETINGS = new AtomicInteger();
  static final String TEST_PROCESS = "completion-guard-test";

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired EstCycles estCycles;

  private final List<String> started = new ArrayList<>();
  private final List<String> standalone = new ArrayList<>();

  @AfterEach
  void removeTheStartedInstances() {
    identityService.clearAuthentication();
    List<String> running = started.stream()
        .filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0).toList();
    if (!running.isEmpty()) {
      runtimeService.deleteProcessInstances(running, "CompletionDeclaresOnlyIT städar", true, true);
    }
    standalone.forEach(id -> taskService.deleteTask(id, true));
  }

  // --- the attacks -----------------------------------------------------------------------------

  enum Door { ENGINE_REST_COMPLETE, ENGINE_REST_SUBMIT_FORM, TASKLIST_SUBMIT_FORM }

  static Stream<Arguments> attacksAndDoors() {
    List<Arguments> cases = new ArrayList<>();
    for (String attack : List.of("kommun rerouted to Malå", "forged lagkrav", "injected funktionsval")) {
      for (Door door : Door.values()) {
        cases.add(Arguments.of(attack, door));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} through {1}")
  @MethodSource("attacksAndDoors")
  void shouldRefuseTheAttackAndChangeNothing(String attack, Door door) throws Exception {
    String user;
    Task task;
    String variable;
    Map<String, Object> forged;
    Map<String, Object> submission;
    switch (attack) {
      case "kommun rerouted to Malå" -> {
        user = "socialtjanst.lycksele";
        task = estReportTask();
        variable = "kommun";
        forged = typed("mala", "String");
        submission = estReport();
      }
      case "forged lagkrav" -> {
        user = "socialtjanst.lycksele";
        task = estReportTask();
        variable = "lagkrav";
        forged = json(Map.of("lycksele", Map.of("lagesbild", Map.of("datum", "2026-01-01", "steg", "påhittat"))));
        submission = estReport();
      }
      default -> {
        user = "samordnare.lycksele";
        task = formulatePromisesTask();
        variable = PromiseProcess.FUNCTION_OPTIONS;
        forged = json(List.of(Map.of("label", "Socialtjänsten i Malå", "value", "socialtjanst-mala")));
        submission = formulation("socialtjanst-mala");
      }
    }
    String instance = task.getProcessInstanceId();
    Object before = runtimeService.getVariable(instance, variable);
    submission.put(variable, forged);

    Answer answer = send(door, user, task.getId(), submission);

    // /engine-rest answers the refusal with 400 (FormValidationRestMapping); the status of the
    // webapps' API is not this guard's business, but its answer must be the guard's refusal.
    assertThat(answer.status() / 100).as(answer.body()).isNotEqualTo(2);
    if (door != Door.TASKLIST_SUBMIT_FORM) {
      assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    }
    assertThat(answer.body()).contains("Formuläret har inga fält för " + variable);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("task still open").isEqualTo(1);
    assertThat(String.valueOf(runtimeService.getVariable(instance, variable))).isEqualTo(String.valueOf(before));
    assertThat(historyWithout(instance, variable, forged.get("value").toString())).isTrue();
  }

  @Test
  void shouldCompleteWhatTasklistSubmitsForTheSameForms() throws Exception {
    Task report = estReportTask();
    Task formulate = formulatePromisesTask();

    Answer reported = send(Door.TASKLIST_SUBMIT_FORM, "socialtjanst.lycksele", report.getId(), estReport());
    Answer formulated = send(Door.ENGINE_REST_COMPLETE, "samordnare.lycksele", formulate.getId(),
        formulation("socialtjanst-lycksele"));

    assertThat(reported.status()).as(reported.body()).isEqualTo(204);
    assertThat(formulated.status()).as(formulated.body()).isEqualTo(204);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(report.getProcessInstanceId())
        .variableName("kommun").singleResult().getValue()).isEqualTo("lycksele");
  }

  @Test
  void shouldRefuseAnUndeclaredVariableFromAJavaCallerWithAFunctionUsersAuthentication() {
    Task report = estReportTask();
    identityService.setAuthentication("socialtjanst.lycksele", List.of("socialtjanst-lycksele"));
    try {
      assertThatThrownBy(() -> taskService.complete(report.getId(), Variables.createVariables()
          .putValue("ingetAttRapportera", true).putValue("kommun", "mala")))
          .isInstanceOf(FormValidationException.class)
          .hasMessageContaining("kommun");
    } finally {
      identityService.clearAuthentication();
    }
    assertThat(taskService.createTaskQuery().taskId(report.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(report.getProcessInstanceId(), "kommun")).isEqualTo("lycksele");
  }

  @Test
  void shouldLeaveTheEngineAndAdministratorsUnrestricted() {
    Task internal = testTask("Task_WithForm", Map.of());
    taskService.complete(internal.getId(), Map.of("intern", "ja"));
    Task byAdmin = testTask("Task_WithForm", Map.of());

    ResponseEntity<String> answer = RestClient.as(rest, "admin").post("/task/" + byAdmin.getId() + "/complete",
        Map.of("variables", Map.of("administrativ", typed("ja", "String"))), String.class);

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(internal.getProcessInstanceId())
        .variableName("intern").count()).isEqualTo(1);
  }

  // --- read-only fields, options, a task without a form ------------------------------------------

  @Test
  void shouldDropAReadOnlyValueSentBackUnchanged() {
    Task task = testTask("Task_WithForm", Map.of("funktionNamn", "Samordnare Lycksele"));

    ResponseEntity<String> answer = complete("samordnare.lycksele", task, Map.of(
        "funktionNamn", typed("Samordnare Lycksele", "String"), "anteckning", typed("Klart", "String")));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    assertThat(historyService.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId())
        .variableUpdates().list().stream().map(d -> ((HistoricVariableUpdate) d).getVariableName()))
        .as("the shown value is not written again").containsOnlyOnce("funktionNamn").contains("anteckning");
  }

  @Test
  void shouldAcceptAnEmptyReadOnlyFieldWithoutAVariable() {
    Task task = testTask("Task_WithForm", Map.of());

    ResponseEntity<String> answer = complete("samordnare.lycksele", task, Map.of(
        "funktionNamn", typed("", "String"), "anteckning", typed("Klart", "String")));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(204);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(task.getProcessInstanceId())
        .variableName("funktionNamn").count()).isZero();
  }

  @Test
  void shouldRefuseAChangedReadOnlyValue() {
    Task task = testTask("Task_WithForm", Map.of("funktionNamn", "Samordnare Lycksele"));

    ResponseEntity<String> answer = complete("samordnare.lycksele", task, Map.of(
        "funktionNamn", typed("Samordnare Malå", "String"), "anteckning", typed("Klart", "String")));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody()).contains("Skrivskyddade fält kan inte ändras: funktionNamn");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "funktionNamn")).isEqualTo("Samordnare Lycksele");
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "anteckning")).isNull();
  }

  @Test
  void shouldRefuseTheOptionListOfASelect() {
    Task task = testTask("Task_WithForm", Map.of("funktionsval", "[]"));

    ResponseEntity<String> answer = complete("samordnare.lycksele", task, Map.of(
        "ansvarig", typed("socialtjanst-mala", "String"),
        "funktionsval", json(List.of(Map.of("label", "Malå", "value", "socialtjanst-mala")))));

    assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(400);
    assertThat(answer.getBody()).contains("funktionsval").doesNotContain("ansvarig,");
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "funktionsval")).isEqualTo("[]");
  }

  @Test
  void shouldRefuseVariablesForATaskWithoutAFormButCompleteItWithout() {
    // The model rules give every process task a form: a task without one is a standalone task.
    Task task = taskService.newTask();
    task.setName("Uppgift utan formulär");
    taskService.saveTask(task);
    standalone.add(task.getId());
    taskService.addCandidateGroup(task.getId(), "samordnare-lycksele");

    ResponseEntity<String> withVariables = complete("samordnare.lycksele", task,
        Map.of("anteckning", typed("Klart", "String")));
    assertThat(withVariables.getStatusCode().value()).as(withVariables.getBody()).isEqualTo(400);
    assertThat(withVariables.getBody()).contains("inget formulär");
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);

    ResponseEntity<String> without = complete("samordnare.lycksele", task, Map.of());
    assertThat(without.getStatusCode().value()).as(without.getBody()).isEqualTo(204);
  }

  @Test
  void shouldCheckABpmnErrorWithVariablesLikeACompletion() {
    Task task = testTask("Task_WithForm", Map.of());

    ResponseEntity<String> answer = RestClient.as(rest, "samordnare.lycksele").post("/task/" + task.getId() + "/bpmnError",
        Map.of("errorCode", "fel", "variables", Map.of("kommun", typed("mala", "String"))), String.class);

    assertThat(answer.getStatusCode().is4xxClientError()).as(answer.getBody()).isTrue();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "kommun")).isEqualTo("lycksele");
  }

  // --- helpers -------------------------------------------------------------------------------

  record Answer(int status, String body) {}

  private Answer send(Door door, String user, String taskId, Map<String, Object> variables) throws JsonProcessingException {
    switch (door) {
      case ENGINE_REST_COMPLETE, ENGINE_REST_SUBMIT_FORM -> {
        String endpoint = door == Door.ENGINE_REST_COMPLETE ? "complete" : "submit-form";
        ResponseEntity<String> response = RestClient.as(rest, user)
            .post("/task/" + taskId + "/" + endpoint, Map.of("variables", variables), String.class);
        return new Answer(response.getStatusCode().value(), String.valueOf(response.getBody()));
      }
      default -> {
        WebappSession.Answer response = WebappSession.logIn(port, user)
            .post("/task/" + taskId + "/submit-form", Map.of("variables", variables));
        return new Answer(response.status(), response.text());
      }
    }
  }

  private ResponseEntity<String> complete(String user, Task task, Map<String, Object> variables) {
    return RestClient.as(rest, user).post("/task/" + task.getId() + "/complete", Map.of("variables", variables),
        String.class);
  }

  /** No history row of the variable ever held the forged value. */
  private boolean historyWithout(String instance, String variable, String forgedValue) {
    List<HistoricDetail> updates = historyService.createHistoricDetailQuery().processInstanceId(instance)
        .variableUpdates().disableBinaryFetching().list();
    return updates.stream().map(HistoricVariableUpdate.class::cast)
        .filter(u -> u.getVariableName().equals(variable))
        .noneMatch(u -> String.valueOf(u.getValue()).replace(" ", "").contains(forgedValue.replace(" ", "")));
  }

  private Task estReportTask() {
    ZonedDateTime meeting = ZonedDateTime.of(2031, 3, 4, 9, 0, 0, 0, ZoneId.of("Europe/Stockholm"))
        .plusWeeks(MEETINGS.incrementAndGet());
    ProcessInstance cycle = EstTestCycles.withOpenReports(estCycles, runtimeService, managementService, "lycksele", meeting);
    started.add(cycle.getId());
    return taskService.createTaskQuery().processInstanceId(cycle.getId())
        .taskDefinitionKey(EstCycleProcess.SUBMIT_REPORT).taskCandidateGroup("socialtjanst-lycksele").singleResult();
  }

  private Task formulatePromisesTask() {
    ProcessInstance promise = PromiseStart.start(runtimeService, Variables.createVariables()
        .putValue(PromiseProcess.MUNICIPALITY, "lycksele")
        .putValue(PromiseProcess.PERIOD, "2031–2034")
        .putValue(PromiseProcess.ROUND, 1)
        .putValue(PromiseProcess.SITUATION_PICTURE, "Otrygghet vid resecentrum."));
    started.add(promise.getId());
    return taskService.createTaskQuery().processInstanceId(promise.getId())
        .taskDefinitionKey(PromiseProcess.TASK_FORMULATE).singleResult();
  }

  private Task testTask(String taskKey, Map<String, Object> variables) {
    repositoryService.createDeployment()
        .addClasspathResource("test-processes/" + TEST_PROCESS + ".bpmn")
        .addClasspathResource("test-processes/" + TEST_PROCESS + ".form")
        .enableDuplicateFiltering(true).name(TEST_PROCESS).deploy();
    Map<String, Object> start = new HashMap<>(variables);
    start.put("kommun", "lycksele");
    String instance = runtimeService.startProcessInstanceByKey(TEST_PROCESS, start).getId();
    started.add(instance);
    return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
  }

  /** A filled-in EST report, as Tasklist submits the form est-rapport. */
  private static Map<String, Object> estReport() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("ingetAttRapportera", typed(false, "Boolean"));
    variables.put("platser", typed("Busstationen", "String"));
    variables.put("tider", typed("Fredagar 21–24", "String"));
    variables.put("handelsetyper", json(List.of("skadegorelse")));
    variables.put("grupper", typed("Unga i grupp", "String"));
    variables.put("oro", typed("Rykten i sociala medier", "String"));
    return variables;
  }

  /** "Formulera medborgarlöftena" filled in, with one activity for {@code responsible}. */
  private static Map<String, Object> formulation(String responsible) {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put(PromiseProcess.PROMISES, json(List.of(Map.of("rubrik", "Tryggare resecentrum",
        "beskrivning", "Bakgrund"))));
    variables.put(PromiseProcess.ACTIVITIES, json(List.of(Map.of("lofteNr", 1, "vad", "Fältare på fredagar",
        "ansvarig", responsible, "klartSenast", "2032-06-30"))));
    variables.put("kontroll", json(FormData.values("medborgarlofte-formulera", "kontroll")));
    return variables;
  }

  static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> variable = new HashMap<>();
    variable.put("value", value);
    variable.put("type", type);
    return variable;
  }

  static Map<String, Object> json(Object value) {
    try {
      return typed(JSON.writeValueAsString(value), "Json");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
