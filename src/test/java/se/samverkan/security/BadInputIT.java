package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;
import se.samverkan.WebappSession;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.agreement.MunicipalSituationPictureProcess;

/**
 * Bad input through REST and form submission, as Tasklist or a script sends it. Every case must be
 * refused with a 4xx and a Swedish message, and leave the process exactly as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BadInputIT {

  static final String FORM_PROCESS = "form-validation-test";
  static final String START_PROCESS = AuthorizationMatrixIT.PROCESS;
  static final String OWNER = "samordnare.lycksele";
  static final Pattern SWEDISH = Pattern.compile("[åäöÅÄÖ]|\\b(inte|ska|kan|finns|måste|och)\\b");

  /** The two doors into the engine's REST resources: /engine-rest and the webapps' API that Tasklist calls. */
  static final List<String> DOORS = List.of("engine-rest", "webapp");
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired org.camunda.bpm.engine.AuthorizationService authorizationService;
  @Autowired se.samverkan.organisation.Organisation organisation;

  private String instanceId;
  private String taskId;

  /** What Tasklist sends for a correctly filled form of the test process. */
  static Map<String, Object> validSubmission() {
    Map<String, Object> variables = new LinkedHashMap<>();
    variables.put("lagesbild", typed("Skadegörelse vid busstationen", "String"));
    variables.put("kontroll", typed("[\"statistik\"]", "Json"));
    variables.put("villkorligt", typed("ja", "String"));
    variables.put("insatser", typed("[{\"vad\":\"Vandring\"}]", "Json"));
    return variables;
  }

  static Map<String, Object> typed(Object value, String type) {
    Map<String, Object> variable = new HashMap<>();
    variable.put("value", value);
    variable.put("type", type);
    return variable;
  }

  static Map<String, Object> with(String name, Object variable) {
    Map<String, Object> variables = validSubmission();
    if (variable == null) {
      variables.remove(name);
    } else {
      variables.put(name, variable);
    }
    return variables;
  }

  /** Form submissions: each is sent through submit-form (Tasklist) and complete (REST). */
  static Stream<Arguments> badSubmissions() {
    String megabyte = "x".repeat(1_200_000);
    Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
    cases.put("required text missing", with("lagesbild", null));
    cases.put("required text empty", with("lagesbild", typed("", "String")));
    cases.put("required text null", with("lagesbild", typed(null, "String")));
    cases.put("text given as a number", with("lagesbild", typed(42, "Integer")));
    cases.put("text given as a boolean", with("lagesbild", typed(true, "Boolean")));
    cases.put("text of more than a megabyte", with("lagesbild", typed(megabyte, "String")));
    cases.put("short text above its max length", with("kortText", typed("abcdefghijk", "String")));
    cases.put("short text against its pattern", with("kortText", typed("ABC123", "String")));
    cases.put("number given as words", with("antal", typed("tio", "String")));
    cases.put("number below its minimum", with("antal", typed(-1, "Integer")));
    cases.put("number above its maximum", with("antal", typed(101, "Integer")));
    cases.put("number that is no number", with("antal", typed("abc", "Integer")));
    cases.put("date in the past", with("motesdatum", typed("2020-01-01", "String")));
    cases.put("date malformed", with("motesdatum", typed("31/12/2030", "String")));
    cases.put("date that does not exist", with("motesdatum", typed("2030-02-30", "String")));
    cases.put("date as words", with("motesdatum", typed("nästa tisdag", "String")));
    cases.put("select with an unknown option", with("format", typed("okänt", "String")));
    cases.put("checklist missing", with("kontroll", null));
    cases.put("checklist empty", with("kontroll", typed("[]", "Json")));
    cases.put("checklist with an unknown option", with("kontroll", typed("[\"hemligt\"]", "Json")));
    cases.put("checklist as plain text", with("kontroll", typed("statistik", "String")));
    cases.put("checkbox as text", with("klar", typed("kanske", "String")));
    cases.put("dynamic list missing", with("insatser", null));
    cases.put("dynamic list row without its required field", with("insatser", typed("[{\"nar\":\"2030-01-01\"}]", "Json")));
    cases.put("dynamic list row with a malformed date", with("insatser", typed("[{\"vad\":\"Vandring\",\"nar\":\"igår\"}]", "Json")));
    cases.put("dynamic list as an object", with("insatser", typed("{\"vad\":\"Vandring\"}", "Json")));
    cases.put("unknown variable type", with("lagesbild", typed("text", "Hemligtyp")));
    cases.put("date variable that is no date", with("motesdatum", typed("igår", "Date")));
    List<Arguments> arguments = new ArrayList<>();
    for (String endpoint : List.of("submit-form", "complete")) {
      cases.forEach((name, variables) -> arguments.add(Arguments.of(endpoint + ": " + name, endpoint, variables)));
    }
    return arguments.stream();
  }

  @BeforeEach
  void startAFormTaskOfLycksele() {
    repositoryService.createDeployment()
        .addClasspathResource("test-processes/form-validation-test.bpmn")
        .addClasspathResource("test-forms/validation-test.form")
        .enableDuplicateFiltering(true)
        .name("form-validation-test")
        .deploy();
    repositoryService.createDeployment().addClasspathResource("test-processes/" + START_PROCESS + ".bpmn")
        .addClasspathResource("test-processes/visibility-test.form")
        .enableDuplicateFiltering(true).name(START_PROCESS).deploy();
    TestProcessStarts.startableLikeTheSamverkansprocess(authorizationService, organisation, START_PROCESS);
    instanceId = runtimeService.startProcessInstanceByKey(FORM_PROCESS, Map.of("kommun", "lycksele")).getId();
    taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badSubmissions")
  void shouldRefuseABadFormSubmissionAndKeepTheTaskAsItWas(String name, String endpoint, Map<String, Object> variables) {
    Map<String, Object> before = runtimeService.getVariables(instanceId);

    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, OWNER)
        .postForMap("/task/" + taskId + "/" + endpoint, Map.of("variables", variables));

    assertRefusedInSwedish(response, 400);
    assertTaskUnchanged(before);
  }

  @Test
  void shouldAcceptTheValidSubmissionTheBadOnesDeviateFrom() {
    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, OWNER)
        .postForMap("/task/" + taskId + "/submit-form", Map.of("variables", validSubmission()));

    assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
  }

  @Test
  void shouldRefuseABodyOfSeveralMegabytesWith413() {
    Map<String, Object> before = runtimeService.getVariables(instanceId);
    String threeMegabytes = "x".repeat(3 * 1024 * 1024);

    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, OWNER).postForMap(
        "/task/" + taskId + "/submit-form", Map.of("variables", with("lagesbild", typed(threeMegabytes, "String"))));

    assertRefusedInSwedish(response, 413);
    assertTaskUnchanged(before);
  }

  @Test
  void shouldRefuseMalformedJson() {
    Map<String, Object> before = runtimeService.getVariables(instanceId);
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(OWNER, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);

    ResponseEntity<Map<String, Object>> response = rest.exchange("/engine-rest/task/" + taskId + "/submit-form",
        HttpMethod.POST, new HttpEntity<>("{\"variables\": {\"lagesbild\": ", headers),
        new ParameterizedTypeReference<>() {});

    assertRefusedInSwedish(response, 400);
    assertTaskUnchanged(before);
  }

  @ParameterizedTest(name = "{0} completes the samordnare's task")
  @MethodSource("strangers")
  void shouldRefuseToCompleteSomeoneElsesTask(String stranger) {
    Map<String, Object> before = runtimeService.getVariables(instanceId);

    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, stranger)
        .postForMap("/task/" + taskId + "/submit-form", Map.of("variables", validSubmission()));

    assertThat(response.getStatusCode().value()).isIn(403, 404);
    assertSwedish(response);
    assertTaskUnchanged(before);
  }

  static Stream<String> strangers() {
    return Stream.of("samordnare.storuman", "kommunledning.lycksele", "socialtjanst.lycksele", "lansstyrelsen",
        "processagare");
  }

  @Test
  void shouldRefuseToClaimSomeoneElsesTask() {
    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, "samordnare.storuman")
        .postForMap("/task/" + taskId + "/claim", Map.of("userId", "samordnare.storuman"));

    assertRefusedInSwedish(response, 403);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @Test
  void shouldRefuseToCompleteATaskTwice() {
    RestClient owner = RestClient.as(rest, OWNER);
    assertThat(owner.postForMap("/task/" + taskId + "/submit-form", Map.of("variables", validSubmission()))
        .getStatusCode().is2xxSuccessful()).isTrue();
    long completions = historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).finished().count();

    ResponseEntity<Map<String, Object>> again = owner.postForMap("/task/" + taskId + "/submit-form",
        Map.of("variables", validSubmission()));

    assertRefusedInSwedish(again, 409);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).finished().count())
        .isEqualTo(completions).isEqualTo(1);
  }

  @Test
  void shouldRefuseToCompleteATaskThatDoesNotExist() {
    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, OWNER)
        .postForMap("/task/finns-inte/complete", Map.of());

    assertRefusedInSwedish(response, 404);
  }

  @Test
  void shouldStoreHtmlInFreeTextAsPlainTextAndReturnItUnchangedAsJson() {
    String html = "<script>alert('x')</script><img src=x onerror=alert(1)><b>fet</b> & \"citat\"";
    ResponseEntity<Map<String, Object>> submitted = RestClient.as(rest, OWNER).postForMap(
        "/task/" + taskId + "/submit-form", Map.of("variables", with("lagesbild", typed(html, "String"))));
    assertThat(submitted.getStatusCode().is2xxSuccessful()).as(String.valueOf(submitted.getBody())).isTrue();

    // read back by the function that wrote it (the history of its own task; länsstyrelsen reads no case data)
    ResponseEntity<List<Map<String, Object>>> read = RestClient.as(rest, OWNER).get(
        "/history/variable-instance?processInstanceId=" + instanceId + "&variableName=lagesbild",
        new ParameterizedTypeReference<>() {});

    assertThat(read.getHeaders().getContentType()).isNotNull();
    assertThat(read.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_JSON)).isTrue();
    assertThat(read.getBody()).singleElement().satisfies(v -> {
      assertThat(v.get("type")).isEqualTo("String");
      assertThat(v.get("value")).isEqualTo(html);
    });
    HistoricVariableInstance stored = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(instanceId).variableName("lagesbild").singleResult();
    assertThat(stored.getValue()).isEqualTo(html);
  }

  /** Starts: unknown or malformed municipality / LPO, or a municipality the starter does not belong to. */
  static Stream<Arguments> badStarts() {
    Function<Object, Map<String, Object>> kommun = value -> Map.of(
        "kommun", typed(value, value instanceof Integer ? "Integer" : "String"),
        "lpo", typed("sodra-lappland", "String"));
    return Stream.of(
        Arguments.of("unknown municipality", OWNER, kommun.apply("gotland"), 400),
        Arguments.of("municipality as a number", OWNER, kommun.apply(42), 400),
        Arguments.of("municipality with markup", OWNER, kommun.apply("<script>alert(1)</script>"), 400),
        Arguments.of("municipality of 100 kB", OWNER, kommun.apply("x".repeat(100_000)), 400),
        Arguments.of("municipality empty", OWNER, kommun.apply(""), 400),
        Arguments.of("unknown LPO", "kommunpolis.sodra-lappland",
            Map.of("kommun", typed("lycksele", "String"), "lpo", typed("gotland", "String")), 400),
        Arguments.of("another municipality", OWNER, kommun.apply("storuman"), 403),
        Arguments.of("a function that starts nothing", "kommunledning.lycksele", kommun.apply("lycksele"), 403),
        Arguments.of("an EST actor", "socialtjanst.lycksele", kommun.apply("lycksele"), 403),
        Arguments.of("the administrator", "admin", kommun.apply("lycksele"), 403),
        Arguments.of("unknown variable type", OWNER,
            Map.of("kommun", typed("lycksele", "Hemligtyp"), "lpo", typed("sodra-lappland", "String")), 400));
  }

  @ParameterizedTest(name = "start: {0}")
  @MethodSource("badStarts")
  void shouldRefuseABadStartAndStartNothing(String name, String user, Map<String, Object> variables, int status) {
    for (String endpoint : List.of("start", "submit-form")) {
      long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(START_PROCESS).count();
      long historyBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(START_PROCESS).count();

      ResponseEntity<Map<String, Object>> response = RestClient.as(rest, user)
          .postForMap("/process-definition/key/" + START_PROCESS + "/" + endpoint, Map.of("variables", variables));

      assertRefusedInSwedish(response, status);
      assertThat(String.valueOf(response.getBody().get("message")).length()).as("short message").isLessThan(1_000);
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(START_PROCESS).count()).isEqualTo(before);
      assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(START_PROCESS).count())
          .isEqualTo(historyBefore);
    }
  }

  @Test
  void shouldRefuseToStartAProcessThatDoesNotExist() {
    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, OWNER)
        .postForMap("/process-definition/key/finns-inte/start", Map.of());

    assertRefusedInSwedish(response, 404);
  }

  @Test
  void shouldStartForTheOwnMunicipalityWithTheSameRequestShape() {
    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, OWNER).postForMap(
        "/process-definition/key/" + START_PROCESS + "/start", Map.of("variables", Map.of(
            "kommun", typed("lycksele", "String"), "lpo", typed("sodra-lappland", "String"))));

    assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    runtimeService.deleteProcessInstance(response.getBody().get("id").toString(), "test");
  }

  /** The real samverkansprocess: its start form through Tasklist's route, and a municipality's lägesbild task. */
  static Stream<Arguments> badAgreementStarts() {
    return Stream.of(
        Arguments.of("unknown LPO", Map.of(AgreementProcess.LPO, typed("gotland", "String"),
            AgreementProcess.PERIOD, typed("2027–2030", "String"))),
        Arguments.of("LPO missing", Map.of(AgreementProcess.PERIOD, typed("2027–2030", "String"))),
        Arguments.of("period missing", Map.of(AgreementProcess.LPO, typed("sodra-lappland", "String"))),
        Arguments.of("LPO against its pattern", Map.of(AgreementProcess.LPO, typed("Södra Lappland!", "String"),
            AgreementProcess.PERIOD, typed("2027–2030", "String"))),
        Arguments.of("LPO of 100 kB", Map.of(AgreementProcess.LPO, typed("x".repeat(100_000), "String"),
            AgreementProcess.PERIOD, typed("2027–2030", "String"))),
        Arguments.of("LPO as a number", Map.of(AgreementProcess.LPO, typed(7, "Integer"),
            AgreementProcess.PERIOD, typed("2027–2030", "String"))));
  }

  @ParameterizedTest(name = "samverkansprocess start: {0}")
  @MethodSource("badAgreementStarts")
  void shouldRefuseABadStartOfTheSamverkansprocess(String name, Map<String, Object> variables) {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count();

    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, "kommunpolis.sodra-lappland")
        .postForMap("/process-definition/key/" + AgreementProcess.KEY + "/submit-form", Map.of("variables", variables));

    assertRefusedInSwedish(response, 400);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count())
        .isEqualTo(before);
  }

  @Test
  void shouldRefuseASecondSamverkansprocessForTheSameLpoAndPeriod() {
    String period = se.samverkan.agreement.AgreementScenario.uniquePeriod();
    String first = runtimeService.startProcessInstanceByKey(AgreementProcess.KEY, Map.of(
        AgreementProcess.LPO, "sodra-lappland", AgreementProcess.PERIOD, period)).getId();
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count();

    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, "kommunpolis.sodra-lappland").postForMap(
        "/process-definition/key/" + AgreementProcess.KEY + "/submit-form", Map.of("variables", Map.of(
            AgreementProcess.LPO, typed("sodra-lappland", "String"), AgreementProcess.PERIOD, typed(period, "String"))));

    // a conflict: StartConflictException is an errors.Conflict, 409 through both doors
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(409);
    assertSwedish(response);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count())
        .isEqualTo(before);
    runtimeService.deleteProcessInstance(first, "test");
  }

  static Stream<Arguments> badSituationPictures() {
    Map<String, Object> valid = Map.of(
        "trygghet", typed("Otrygghet vid busstationen kvällstid", "String"),
        "signaler", typed("Skadegörelse ökar", "String"),
        "brottslighet", typed("Fler anmälda stölder", "String"),
        "kontroll", typed("[\"matning\",\"signaler\"]", "Json"));
    Function<Map<String, Object>, Map<String, Object>> without = changes -> {
      Map<String, Object> variables = new HashMap<>(valid);
      changes.forEach((key, value) -> {
        if (value == null) {
          variables.remove(key);
        } else {
          variables.put(key, value);
        }
      });
      return variables;
    };
    Map<String, Object> noTrygghet = new HashMap<>();
    noTrygghet.put("trygghet", null);
    return Stream.of(
        Arguments.of("nothing filled in", Map.of()),
        Arguments.of("required text missing", without.apply(noTrygghet)),
        Arguments.of("checklist with an unknown item", without.apply(Map.of("kontroll", typed("[\"hemligt\"]", "Json")))),
        Arguments.of("text of more than a megabyte", without.apply(Map.of("signaler", typed("x".repeat(1_200_000), "String")))),
        Arguments.of("text as a number", without.apply(Map.of("brottslighet", typed(12, "Integer")))));
  }

  @ParameterizedTest(name = "samverkansprocess lägesbild: {0}")
  @MethodSource("badSituationPictures")
  void shouldRefuseABadLagesbildOfTheRealProcessAndKeepItsTask(String name, Map<String, Object> variables) {
    // a period of its own: there is one samverkansprocess per LPO and period
    String period = "felindata-" + System.nanoTime();
    String agreement = runtimeService.startProcessInstanceByKey(AgreementProcess.KEY, Map.of(
        AgreementProcess.LPO, "sodra-lappland", AgreementProcess.PERIOD, period)).getId();
    // the task lives in Lycksele's own kommunens-lagesbild instance of the cycle
    org.camunda.bpm.engine.task.Task picture = taskService.createTaskQuery().processInstanceBusinessKey("sodra-lappland " + period)
        .taskDefinitionKey(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE).taskCandidateGroup("samordnare-lycksele")
        .singleResult();
    String task = picture.getId();
    Map<String, Object> before = runtimeService.getVariables(picture.getExecutionId());

    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, OWNER)
        .postForMap("/task/" + task + "/submit-form", Map.of("variables", variables));

    assertRefusedInSwedish(response, 400);
    assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);
    // JSON variables compare by their text: the same JSON read twice is two objects
    assertThat(runtimeService.getVariables(picture.getExecutionId()).toString()).as("variables unchanged").isEqualTo(before.toString());
    runtimeService.deleteProcessInstance(agreement, "test");
  }

  // ---- Through both doors: /engine-rest (HTTP Basic) and the webapps' engine API (session + CSRF) ----

  /** A status and the JSON body, through either door. */
  record Reply(int status, Map<String, Object> body, String text) {
    ResponseEntity<Map<String, Object>> asEntity() {
      return ResponseEntity.status(status).body(body);
    }
  }

  private final Map<String, WebappSession> sessions = new HashMap<>();

  /** body: an object sent as JSON, or a String sent as it is. */
  private Reply call(String door, String user, HttpMethod method, String path, Object body) {
    if ("webapp".equals(door)) {
      WebappSession session = sessions.computeIfAbsent(user, u -> WebappSession.logIn(port, u));
      WebappSession.Answer answer = method == HttpMethod.GET ? session.get(path)
          : body instanceof String raw ? session.postRaw(path, raw)
          : method == HttpMethod.PUT ? session.put(path, body) : session.post(path, body);
      return new Reply(answer.status(), answer.body(), answer.text());
    }
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    ResponseEntity<String> response = rest.exchange("/engine-rest" + path, method,
        new HttpEntity<>(body, headers), String.class);
    Map<String, Object> parsed = null;
    if (response.getBody() != null && response.getBody().trim().startsWith("{")) {
      try {
        parsed = JSON.readValue(response.getBody(), new TypeReference<>() {});
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + response.getBody(), e);
      }
    }
    return new Reply(response.getStatusCode().value(), parsed, response.getBody());
  }

  private void assertRefused(Reply reply, int status) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertSwedish(reply.asEntity());
  }

  static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  static Map<String, Object> javaObject(String format) {
    Map<String, Object> variable = new HashMap<>();
    // the first bytes of a Java serialization stream (ObjectOutputStream's magic and version)
    variable.put("value", Base64.getEncoder().encodeToString(new byte[] {(byte) 0xac, (byte) 0xed, 0, 5}));
    variable.put("type", "Object");
    Map<String, Object> info = new HashMap<>();
    info.put("objectTypeName", "java.util.ArrayList");
    if (format != null) {
      info.put("serializationDataFormat", format);
    }
    variable.put("valueInfo", info);
    return variable;
  }

  /** Bodies the engine's parser or variable handling must refuse with 400, before the engine stores anything. */
  static Stream<Arguments> badBodies() {
    Map<String, Object> cases = new LinkedHashMap<>();
    cases.put("malformed JSON", "{\"variables\": {\"lagesbild\": ");
    cases.put("JSON nested 5,000 levels deep", "{\"variables\": {\"lagesbild\": {\"type\": \"Object\", \"value\": "
        + nested(5_000) + "}}}");
    cases.put("JSON nested 150 levels deep", "{\"variables\": {\"lagesbild\": {\"type\": \"Json\", \"value\": "
        + nested(150) + "}}}");
    cases.put("Json variable whose text is nested 5,000 levels deep",
        Map.of("variables", with("insatser", typed(nested(5_000), "Json"))));
    cases.put("serialized Java object", Map.of("variables",
        with("lagesbild", javaObject("application/x-java-serialized-object"))));
    cases.put("Object without a serialization format (the engine's default is Java)", Map.of("variables",
        with("lagesbild", javaObject(null))));
    cases.put("empty variable name", Map.of("variables", with("", typed("x", "String"))));
    cases.put("blank variable name", Map.of("variables", with("  ", typed("x", "String"))));
    cases.put("variable name of 300 characters", Map.of("variables", with("n".repeat(300), typed("x", "String"))));
    cases.put("variable name of 256 characters", Map.of("variables", with("n".repeat(256), typed("x", "String"))));
    List<Arguments> arguments = new ArrayList<>();
    for (String door : DOORS) {
      for (String endpoint : List.of("submit-form", "complete")) {
        cases.forEach((name, body) -> arguments.add(Arguments.of(door + " " + endpoint + ": " + name, door, endpoint, body)));
      }
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badBodies")
  void shouldRefuseABadBodyWith400ThroughBothDoors(String name, String door, String endpoint, Object body) {
    Map<String, Object> before = runtimeService.getVariables(instanceId);

    Reply reply = call(door, OWNER, HttpMethod.POST, "/task/" + taskId + "/" + endpoint, body);

    assertRefused(reply, 400);
    assertTaskUnchanged(before);
  }

  /** Setting and changing single variables of the task: …/variables/{name} and …/variables (modify). */
  static Stream<Arguments> badVariableChanges() {
    List<Arguments> arguments = new ArrayList<>();
    for (String door : DOORS) {
      arguments.add(Arguments.of(door + ": name of 300 characters in the path", door, HttpMethod.PUT,
          "/variables/" + "n".repeat(300), typed("x", "String")));
      arguments.add(Arguments.of(door + ": serialized Java object in the path's variable", door, HttpMethod.PUT,
          "/variables/liste", javaObject("application/x-java-serialized-object")));
      arguments.add(Arguments.of(door + ": empty name in a modification", door, HttpMethod.POST,
          "/variables", Map.of("modifications", Map.of("", typed("x", "String")))));
      arguments.add(Arguments.of(door + ": name of 300 characters in a modification", door, HttpMethod.POST,
          "/variables", Map.of("modifications", Map.of("n".repeat(300), typed("x", "String")))));
      arguments.add(Arguments.of(door + ": serialized Java object in a modification", door, HttpMethod.POST,
          "/variables", Map.of("modifications", Map.of("liste", javaObject("application/x-java-serialized-object")))));
      arguments.add(Arguments.of(door + ": deeply nested modification", door, HttpMethod.POST,
          "/variables", "{\"modifications\": {\"x\": {\"type\": \"Object\", \"value\": " + nested(3_000) + "}}}"));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badVariableChanges")
  void shouldRefuseABadVariableChangeWith400AndKeepTheVariables(String name, String door, HttpMethod method,
      String path, Object body) {
    Map<String, Object> before = runtimeService.getVariables(instanceId);

    Reply reply = call(door, OWNER, method, "/task/" + taskId + path, body);

    assertRefused(reply, 400);
    assertTaskUnchanged(before);
    assertThat(taskService.getVariablesLocal(taskId)).as("no task-local variable").isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void shouldRefuseASerializedJavaObjectEvenFromTheAdministrator(String door) {
    Map<String, Object> before = runtimeService.getVariables(instanceId);

    // the administrator may change process instance variables (authorization matrix): only the check refuses
    Reply single = call(door, "admin", HttpMethod.PUT, "/process-instance/" + instanceId + "/variables/liste",
        javaObject("application/x-java-serialized-object"));
    Reply modification = call(door, "admin", HttpMethod.POST, "/process-instance/" + instanceId + "/variables",
        Map.of("modifications", Map.of("liste", javaObject(null))));

    assertRefused(single, 400);
    assertThat(single.body().get("message")).isEqualTo(
        "Variabler med serialiserade Java-objekt tas inte emot. Skicka värdet som JSON (typ Json, eller Object med "
            + "serializationDataFormat application/json).");
    assertRefused(modification, 400);
    assertTaskUnchanged(before);
  }

  static Stream<Arguments> unknownIds() {
    List<Arguments> arguments = new ArrayList<>();
    for (String door : DOORS) {
      arguments.add(Arguments.of(door, HttpMethod.GET, "/task/finns-inte/variables", null));
      arguments.add(Arguments.of(door, HttpMethod.GET, "/task/finns-inte/variables/lagesbild", null));
      arguments.add(Arguments.of(door, HttpMethod.GET, "/task/finns-inte/form-variables", null));
      arguments.add(Arguments.of(door, HttpMethod.POST, "/task/finns-inte/submit-form", Map.of("variables", Map.of())));
      arguments.add(Arguments.of(door, HttpMethod.POST, "/task/finns-inte/complete", Map.of()));
      arguments.add(Arguments.of(door, HttpMethod.POST, "/task/finns-inte/claim", Map.of("userId", OWNER)));
      arguments.add(Arguments.of(door, HttpMethod.GET, "/process-instance/finns-inte/variables", null));
      arguments.add(Arguments.of(door, HttpMethod.POST, "/process-definition/key/finns-inte/submit-form", Map.of()));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("unknownIds")
  void shouldAnswer404ForAnUnknownId(String door, HttpMethod method, String path, Object body) {
    Reply reply = call(door, OWNER, method, path, body);

    assertRefused(reply, 404);
  }

  /** Writing variables outside a completion is refused to function users whatever the id (EngineGuard). */
  static Stream<Arguments> unknownIdVariableWrites() {
    List<Arguments> arguments = new ArrayList<>();
    for (String door : DOORS) {
      arguments.add(Arguments.of(door, HttpMethod.PUT, "/task/finns-inte/variables/lagesbild", typed("x", "String")));
      arguments.add(Arguments.of(door, HttpMethod.POST, "/task/finns-inte/variables",
          Map.of("modifications", Map.of("lagesbild", typed("x", "String")))));
    }
    return arguments.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("unknownIdVariableWrites")
  void shouldRefuseAVariableWriteToAnUnknownIdWith403ForAFunctionAnd404ForTheAdministrator(String door,
      HttpMethod method, String path, Object body) {
    assertRefused(call(door, OWNER, method, path, body), 403);
    assertRefused(call(door, "admin", method, path, body), 404);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void shouldRefuseAStrangerThroughBothDoorsWith403Or404(String door) {
    Map<String, Object> before = runtimeService.getVariables(instanceId);

    Reply complete = call(door, "samordnare.storuman", HttpMethod.POST, "/task/" + taskId + "/submit-form",
        Map.of("variables", validSubmission()));
    Reply claim = call(door, "samordnare.storuman", HttpMethod.POST, "/task/" + taskId + "/claim",
        Map.of("userId", "samordnare.storuman"));

    assertThat(complete.status()).as(complete.text()).isIn(403, 404);
    assertSwedish(complete.asEntity());
    assertRefused(claim, 403);
    assertTaskUnchanged(before);
    assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee()).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void shouldAnswerAFormRefusalThroughBothDoorsWithOnlyOurSwedishMessage(String door) {
    Map<String, Object> before = runtimeService.getVariables(instanceId);

    for (String endpoint : List.of("submit-form", "complete")) {
      Reply reply = call(door, OWNER, HttpMethod.POST, "/task/" + taskId + "/" + endpoint,
          Map.of("variables", with("lagesbild", null)));

      assertRefused(reply, 400);
      assertThat(String.valueOf(reply.body().get("message"))).startsWith("Uppgiften \"");
      assertThat(reply.body().get("type")).isEqualTo("FormValidationException");
      assertThat(reply.body().get("problems")).asList().isNotEmpty();
    }
    assertTaskUnchanged(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void shouldAnswerAClaimOfATaskSomeoneElseHasWith409(String door) {
    taskService.claim(taskId, "kommunpolis.sodra-lappland");
    try {
      Reply reply = call(door, OWNER, HttpMethod.POST, "/task/" + taskId + "/claim", Map.of("userId", OWNER));

      assertRefused(reply, 409);
      assertThat(taskService.createTaskQuery().taskId(taskId).singleResult().getAssignee())
          .isEqualTo("kommunpolis.sodra-lappland");
    } finally {
      taskService.setAssignee(taskId, null);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void shouldAnswerThreeParallelCompletionsOfOneTaskWithOne204AndTwo409(String door) throws Exception {
    List<String> users = List.of(OWNER, OWNER, OWNER);
    if ("webapp".equals(door)) {
      // three people of the function, each with a session of their own (logged in before the race)
      for (int i = 0; i < users.size(); i++) {
        sessions.put("racer" + i, WebappSession.logIn(port, OWNER));
      }
    }
    ExecutorService pool = Executors.newFixedThreadPool(users.size());
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Reply>> replies = new ArrayList<>();
      for (int i = 0; i < users.size(); i++) {
        String caller = "webapp".equals(door) ? "racer" + i : users.get(i);
        replies.add(pool.submit(() -> {
          start.await();
          return callAs(door, caller, "/task/" + taskId + "/submit-form", Map.of("variables", validSubmission()));
        }));
      }
      start.countDown();
      List<Reply> answers = new ArrayList<>();
      for (Future<Reply> reply : replies) {
        answers.add(reply.get(60, TimeUnit.SECONDS));
      }

      assertThat(answers).extracting(Reply::status).as(answers.toString())
          .containsExactlyInAnyOrder(204, 409, 409);
      answers.stream().filter(a -> a.status() == 409).forEach(a -> assertSwedish(a.asEntity()));
      assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).finished().count())
          .as("completed once").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** For the race: a caller is a user (engine-rest) or the name of an already logged-in session (webapp). */
  private Reply callAs(String door, String caller, String path, Object body) {
    if ("webapp".equals(door)) {
      WebappSession.Answer answer = sessions.get(caller).post(path, body);
      return new Reply(answer.status(), answer.body(), answer.text());
    }
    return call(door, caller, HttpMethod.POST, path, body);
  }

  static Stream<String> doors() {
    return DOORS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("doors")
  void shouldAcceptTheValidSubmissionThroughBothDoors(String door) {
    Reply reply = call(door, OWNER, HttpMethod.POST, "/task/" + taskId + "/submit-form",
        Map.of("variables", validSubmission()));

    assertThat(reply.status()).as(reply.text()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).isZero();
  }

  private void assertRefusedInSwedish(ResponseEntity<Map<String, Object>> response, int status) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertSwedish(response);
  }

  private static void assertSwedish(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getBody()).as("error body").isNotNull();
    String message = String.valueOf(response.getBody().get("message"));
    String opening = message.substring(0, Math.min(message.length(), 120));
    assertThat(SWEDISH.matcher(opening).find()).as("Swedish message: " + opening).isTrue();
    assertThat(message).as("only our Swedish message, no English engine text")
        .doesNotContain("ENGINE-", "Cannot ", "Exception", "task form");
  }

  private void assertTaskUnchanged(Map<String, Object> variablesBefore) {
    assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("task still open").isEqualTo(1);
    assertThat(runtimeService.getVariables(instanceId)).as("variables unchanged").isEqualTo(variablesBefore);
    assertThat(historyService.createHistoricTaskInstanceQuery().processInstanceId(instanceId).finished().count())
        .as("no task completed").isZero();
  }
}
