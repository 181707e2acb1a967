package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import se.samverkan.RestClient;

/**
 * Every demo function against every kind of resource, through REST as the users call it. The table
 * below is the designed matrix (docs/security.md, "Authorization matrix"); Y = allowed, N = refused. "own" is
 * an instance of Lycksele (the municipal users' own municipality), "other" one of Storuman; both
 * lie in the LPO södra Lappland, so the police functions may act on both. The process owner and
 * länsstyrelsen read models and deployments, never a case (docs/security.md "Who may see what").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthorizationMatrixIT {

  static final String MATRIX = """
      operation                 samordnare kommunledning est  kommunpolis lpochef processagare lansstyrelsen admin
      task.read.own             Y          Y             Y    Y           Y       N            N             Y
      task.read.other           N          N             N    Y           Y       N            N             Y
      task.variables.own        Y          Y             Y    Y           Y       N            N             Y
      task.variables.other      N          N             N    Y           Y       N            N             Y
      task.complete.own         Y          Y             Y    Y           Y       N            N             Y
      task.complete.other       N          N             N    Y           Y       N            N             Y
      instance.read.own         N          N             N    N           N       N            N             Y
      instance.read.other       N          N             N    N           N       N            N             Y
      instance.variables.own    N          N             N    N           N       N            N             Y
      instance.variables.other  N          N             N    N           N       N            N             Y
      instance.variables.write  N          N             N    N           N       N            N             Y
      instance.start.own        Y          N             N    Y           N       N            N             N
      instance.start.other      N          N             N    Y           N       N            N             N
      instance.delete           N          N             N    N           N       N            N             Y
      history.instance.own      N          N             N    N           N       N            N             Y
      history.instance.other    N          N             N    N           N       N            N             Y
      history.variables.own     Y          Y             Y    Y           Y       N            N             Y
      history.variables.other   N          N             N    Y           Y       N            N             Y
      history.tasks.own         Y          Y             Y    Y           Y       N            N             Y
      deployment.read           N          N             N    N           N       Y            Y             Y
      deployment.create         N          N             N    N           N       Y            N             N
      user.list.others          N          N             N    N           N       N            N             Y
      user.create               N          N             N    N           N       N            N             Y
      group.create              N          N             N    N           N       N            N             Y
      membership.create         N          N             N    N           N       N            N             Y
      authorization.create      N          N             N    N           N       N            N             Y
      filter.read               Y          Y             Y    Y           Y       Y            Y             Y
      filter.create             N          N             N    N           N       N            N             Y
      """;

  /** The demo user of each column. */
  static final Map<String, String> USERS = new LinkedHashMap<>();
  static {
    USERS.put("samordnare", "samordnare.lycksele");
    USERS.put("kommunledning", "kommunledning.lycksele");
    USERS.put("est", "socialtjanst.lycksele");
    USERS.put("kommunpolis", "kommunpolis.sodra-lappland");
    USERS.put("lpochef", "lpochef.sodra-lappland");
    USERS.put("processagare", "processagare");
    USERS.put("lansstyrelsen", "lansstyrelsen");
    USERS.put("admin", "admin");
  }

  static final String PROCESS = "authorization-matrix";
  static final String OWN = "lycksele";
  static final String OTHER = "storuman";
  static final String LPO = "sodra-lappland";

  private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {};

  @Autowired TestRestTemplate rest;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired FilterService filterService;
  @Autowired se.samverkan.organisation.Organisation organisation;

  private String own;
  private String other;
  private final List<Runnable> cleanup = new ArrayList<>();

  static Stream<Arguments> matrix() {
    List<String> lines = MATRIX.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    List<String> columns = Arrays.asList(lines.get(0).split("\\s+"));
    List<Arguments> cases = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\\s+");
      for (int i = 1; i < cells.length; i++) {
        cases.add(Arguments.of(USERS.get(columns.get(i)), cells[0], "Y".equals(cells[i])));
      }
    }
    return cases.stream();
  }

  @BeforeEach
  void startOneInstanceInEachMunicipality() {
    repositoryService.createDeployment().addClasspathResource("test-processes/" + PROCESS + ".bpmn")
        .addClasspathResource("test-processes/visibility-test.form")
        .enableDuplicateFiltering(true).name(PROCESS).deploy();
    TestProcessStarts.startableLikeTheSamverkansprocess(authorizationService, organisation, PROCESS);
    own = start(OWN);
    other = start(OTHER);
  }

  @AfterEach
  void removeWhatTheCaseCreated() {
    cleanup.forEach(Runnable::run);
    Stream.of(own, other)
        .filter(id -> runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0)
        .forEach(id -> runtimeService.deleteProcessInstance(id, "test"));
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource("matrix")
  void shouldAllowExactlyWhatTheMatrixSays(String user, String operation, boolean allowed) {
    BiFunction<String, RestClient, Boolean> check = operations().get(operation);
    assertThat(check).as("operation " + operation).isNotNull();

    boolean actual = check.apply(user, RestClient.as(rest, user));

    assertThat(actual).as(user + " " + operation).isEqualTo(allowed);
  }

  private Map<String, BiFunction<String, RestClient, Boolean>> operations() {
    Map<String, BiFunction<String, RestClient, Boolean>> ops = new HashMap<>();
    ops.put("task.read.own", (user, client) -> nonEmpty(client.get("/task?processInstanceId=" + own, LIST)));
    ops.put("task.read.other", (user, client) -> nonEmpty(client.get("/task?processInstanceId=" + other, LIST)));
    ops.put("task.variables.own", (user, client) -> ok(client.get("/task/" + taskOf(user, own) + "/variables", String.class)));
    ops.put("task.variables.other", (user, client) -> ok(client.get("/task/" + taskOf(user, other) + "/variables", String.class)));
    ops.put("task.complete.own", (user, client) -> complete(client, taskOf(user, own)));
    ops.put("task.complete.other", (user, client) -> complete(client, taskOf(user, other)));
    ops.put("instance.read.own", (user, client) -> nonEmpty(client.get("/process-instance?processInstanceIds=" + own, LIST)));
    ops.put("instance.read.other", (user, client) -> nonEmpty(client.get("/process-instance?processInstanceIds=" + other, LIST)));
    ops.put("instance.variables.own", (user, client) -> ok(client.get("/process-instance/" + own + "/variables", String.class)));
    ops.put("instance.variables.other", (user, client) -> ok(client.get("/process-instance/" + other + "/variables", String.class)));
    ops.put("instance.variables.write", (user, client) -> {
      ResponseEntity<String> response = client.post("/process-instance/" + own + "/variables",
          Map.of("modifications", Map.of("anteckning", Map.of("value", "ändrad", "type", "String"))), String.class);
      boolean changed = runtimeService.getVariable(own, "anteckning") != null;
      assertThat(changed).isEqualTo(response.getStatusCode().is2xxSuccessful());
      return changed;
    });
    ops.put("instance.start.own", (user, client) -> startThroughRest(client, OWN));
    ops.put("instance.start.other", (user, client) -> startThroughRest(client, OTHER));
    ops.put("instance.delete", (user, client) -> {
      ResponseEntity<String> response = rest.exchange("/engine-rest/process-instance/" + own, HttpMethod.DELETE,
          new HttpEntity<>(basic(user)), String.class);
      boolean deleted = runtimeService.createProcessInstanceQuery().processInstanceId(own).count() == 0;
      assertThat(deleted).isEqualTo(response.getStatusCode().is2xxSuccessful());
      return deleted;
    });
    ops.put("history.instance.own", (user, client) -> nonEmpty(client.get("/history/process-instance?processInstanceId=" + own, LIST)));
    ops.put("history.instance.other", (user, client) -> nonEmpty(client.get("/history/process-instance?processInstanceId=" + other, LIST)));
    ops.put("history.variables.own", (user, client) -> nonEmpty(client.get("/history/variable-instance?processInstanceId=" + own, LIST)));
    ops.put("history.variables.other", (user, client) -> nonEmpty(client.get("/history/variable-instance?processInstanceId=" + other, LIST)));
    ops.put("history.tasks.own", (user, client) -> nonEmpty(client.get("/history/task?processInstanceId=" + own, LIST)));
    ops.put("deployment.read", (user, client) -> nonEmpty(client.get("/deployment?name=" + PROCESS, LIST)));
    ops.put("deployment.create", this::deploy);
    ops.put("user.list.others", (user, client) -> nonEmpty(client.get("/user?id=samordnare.storuman", LIST)));
    ops.put("user.create", (user, client) -> {
      String id = "matris." + System.nanoTime();
      cleanup.add(() -> identityService.deleteUser(id));
      client.post("/user/create", Map.of("profile", Map.of("id", id, "firstName", "Ny", "lastName", "Användare",
          "email", id + "@samverkan.example"), "credentials", Map.of("password", "Ett-Bra-Losen-1")), String.class);
      return identityService.createUserQuery().userId(id).count() == 1;
    });
    ops.put("group.create", (user, client) -> {
      String id = "matris-" + System.nanoTime();
      cleanup.add(() -> identityService.deleteGroup(id));
      client.post("/group/create", Map.of("id", id, "name", "Ny grupp", "type", "test"), String.class);
      return identityService.createGroupQuery().groupId(id).count() == 1;
    });
    ops.put("membership.create", (user, client) -> {
      String group = "samordnare-" + OTHER;
      cleanup.add(() -> identityService.deleteMembership(user, group));
      rest.exchange("/engine-rest/group/" + group + "/members/" + user, HttpMethod.PUT,
          new HttpEntity<>(basic(user)), String.class);
      return identityService.createUserQuery().userId(user).memberOfGroup(group).count() == 1;
    });
    ops.put("authorization.create", (user, client) -> {
      ResponseEntity<Map<String, Object>> response = client.postForMap("/authorization/create", Map.of(
          "type", 1, "permissions", List.of("ALL"), "userId", user, "resourceType", 8, "resourceId", "*"));
      Object id = response.getBody() == null ? null : response.getBody().get("id");
      if (id != null) {
        cleanup.add(() -> authorizationService.deleteAuthorization(id.toString()));
      }
      return response.getStatusCode().is2xxSuccessful() && id != null;
    });
    ops.put("filter.read", (user, client) -> nonEmpty(client.get("/filter?resourceType=Task", LIST)));
    ops.put("filter.create", (user, client) -> {
      String name = "Matris " + System.nanoTime();
      client.post("/filter/create", Map.of("resourceType", "Task", "name", name, "query", Map.of()), String.class);
      List<String> ids = filterService.createFilterQuery().filterName(name).list().stream()
          .map(f -> f.getId()).toList();
      ids.forEach(id -> cleanup.add(() -> filterService.deleteFilter(id)));
      return !ids.isEmpty();
    });
    return ops;
  }

  private String start(String kommun) {
    return runtimeService.startProcessInstanceByKey(PROCESS, Map.of("kommun", kommun, "lpo", LPO)).getId();
  }

  /** The task of the user's function in the instance; for functions without tasks the samordnare's. */
  private String taskOf(String user, String instance) {
    String kommun = (String) runtimeService.getVariable(instance, "kommun");
    String type = user.contains(".") ? user.substring(0, user.indexOf('.')) : "samordnare";
    String group = type.equals("kommunpolis") || type.equals("lpochef") ? type + "-" + LPO : type + "-" + kommun;
    return taskService.createTaskQuery().processInstanceId(instance).taskCandidateGroup(group).singleResult().getId();
  }

  private boolean complete(RestClient client, String taskId) {
    ResponseEntity<String> response = client.post("/task/" + taskId + "/complete", Map.of(), String.class);
    boolean completed = taskService.createTaskQuery().taskId(taskId).count() == 0;
    assertThat(completed).as(response.toString()).isEqualTo(response.getStatusCode().is2xxSuccessful());
    if (!completed) {
      assertThat(response.getStatusCode().is4xxClientError()).as(response.toString()).isTrue();
    }
    return completed;
  }

  private boolean startThroughRest(RestClient client, String kommun) {
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    ResponseEntity<Map<String, Object>> response = client.postForMap("/process-definition/key/" + PROCESS + "/start",
        Map.of("variables", Map.of("kommun", Map.of("value", kommun, "type", "String"),
            "lpo", Map.of("value", LPO, "type", "String"))));
    long after = runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
    if (response.getStatusCode().is2xxSuccessful()) {
      String id = response.getBody().get("id").toString();
      cleanup.add(() -> runtimeService.deleteProcessInstance(id, "test"));
      assertThat(after).isEqualTo(before + 1);
      return true;
    }
    assertThat(response.getStatusCode().is4xxClientError()).as(response.toString()).isTrue();
    assertThat(after).isEqualTo(before);
    return false;
  }

  private boolean deploy(String user, RestClient client) {
    String name = "matris-" + System.nanoTime();
    String bpmn = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Matris" targetNamespace="http://samverkan.se/test">
          <bpmn:process id="matris-deploy" name="Matris" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_Start" />
          </bpmn:process>
        </bpmn:definitions>
        """;
    MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
    body.add("deployment-name", name);
    body.add("data", new ByteArrayResource(bpmn.getBytes()) {
      @Override
      public String getFilename() {
        return "matris-deploy.bpmn";
      }
    });
    HttpHeaders headers = basic(user);
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    rest.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
    List<String> deployed = repositoryService.createDeploymentQuery().deploymentName(name).list().stream()
        .map(d -> d.getId()).toList();
    deployed.forEach(id -> cleanup.add(() -> repositoryService.deleteDeployment(id, true)));
    return !deployed.isEmpty();
  }

  private static HttpHeaders basic(String user) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    return headers;
  }

  private static boolean ok(ResponseEntity<String> response) {
    if (!response.getStatusCode().is2xxSuccessful()) {
      assertThat(response.getStatusCode().is4xxClientError()).as(response.toString()).isTrue();
    }
    return response.getStatusCode().is2xxSuccessful();
  }

  private static boolean nonEmpty(ResponseEntity<List<Map<String, Object>>> response) {
    assertThat(response.getStatusCode().is2xxSuccessful()).as(response.toString()).isTrue();
    return !response.getBody().isEmpty();
  }
}
