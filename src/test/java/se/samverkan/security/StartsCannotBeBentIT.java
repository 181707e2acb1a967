package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import se.samverkan.ModelDeployment;
import se.samverkan.RestClient;
import se.samverkan.WebappSession;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.agreement.AgreementScenario;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.ProcessStarts;
import se.samverkan.promise.PromiseProcess;

/**
 * Issue 13: a start cannot be bent. Through REST as the functions call it: no start instructions,
 * skipped listeners or mappings, restarts or modifications for function users; the processes
 * Samverkan starts by itself are never started by hand; each function starts only its own
 * municipality's or LPO's processes; one samverkansprocess per LPO and period, also under
 * concurrent starts and after the first has ended; the start form's rules hold on the server.
 * Every refusal is a 4xx with a Swedish message and starts nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartsCannotBeBentIT {

  static final String KOMMUN_PROCESS = AuthorizationMatrixIT.PROCESS;
  static final String SAMORDNARE = "samordnare.lycksele";
  static final String KOMMUNPOLIS = "kommunpolis.sodra-lappland";
  static final String LPO = "sodra-lappland";
  static final Pattern SWEDISH = Pattern.compile("[åäöÅÄÖ]|\\b(inte|ska|kan|finns|måste|och)\\b");
  /** Every function of the demo, one user each. */
  static final List<String> FUNCTION_USERS = List.of("samordnare.lycksele", "kommunledning.lycksele",
      "socialtjanst.lycksele", "kommunpolis.sodra-lappland", "lpochef.sodra-lappland", "processagare", "lansstyrelsen");

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired AuthorizationService authorizationService;
  @Autowired Organisation organisation;
  @Autowired FunctionAuthorizations functionAuthorizations;

  private final List<Runnable> cleanup = new ArrayList<>();

  @BeforeEach
  void deployAKommunScopedProcessTheStartingFunctionsMayStart() {
    repositoryService.createDeployment().addClasspathResource("test-processes/" + KOMMUN_PROCESS + ".bpmn")
        .addClasspathResource("test-processes/visibility-test.form")
        .enableDuplicateFiltering(true).name(KOMMUN_PROCESS).deploy();
    TestProcessStarts.startableLikeTheSamverkansprocess(authorizationService, organisation, KOMMUN_PROCESS);
  }

  @AfterEach
  void removeWhatTheTestStarted() {
    cleanup.forEach(Runnable::run);
    cleanup.clear();
  }

  // --- start instructions, skipped listeners and mappings, restarts, modifications --------------

  static Stream<Arguments> bentStarts() {
    Map<String, Object> beforeStartEvent = Map.of("type", "startBeforeActivity", "activityId", AgreementProcess.START);
    List<Arguments> cases = new ArrayList<>();
    for (String user : List.of(SAMORDNARE, KOMMUNPOLIS)) {
      cases.add(Arguments.of(user, "startBeforeActivity at the start event with skipCustomListeners",
          List.of(beforeStartEvent), true, false));
      cases.add(Arguments.of(user, "startBeforeActivity at the start event with skipIoMappings",
          List.of(beforeStartEvent), false, true));
      cases.add(Arguments.of(user, "startAfterActivity of the start event",
          List.of(Map.of("type", "startAfterActivity", "activityId", AgreementProcess.START)), false, false));
      cases.add(Arguments.of(user, "startTransition past the start event",
          List.of(Map.of("type", "startTransition", "transitionId", "Flow_ToSituationPicture")), false, false));
      cases.add(Arguments.of(user, "startBeforeActivity of a later task",
          List.of(Map.of("type", "startBeforeActivity", "activityId", AgreementProcess.TASK_DRAFT_AGREEMENT)), true, true));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("bentStarts")
  void shouldRefuseStartInstructionsAndSkippedListenersOrMappingsToFunctionUsers(String user, String name,
      List<Map<String, Object>> instructions, boolean skipCustomListeners, boolean skipIoMappings) {
    Map<String, Object> body = new HashMap<>();
    body.put("variables", agreementStart(AgreementScenario.uniquePeriod()));
    body.put("startInstructions", instructions);
    body.put("skipCustomListeners", skipCustomListeners);
    body.put("skipIoMappings", skipIoMappings);

    ResponseEntity<Map<String, Object>> response = startsNothing(AgreementProcess.KEY,
        () -> RestClient.as(rest, user).postForMap("/process-definition/key/" + AgreementProcess.KEY + "/start", body));

    assertRefusedInSwedish(response, 403);
    assertThat(message(response)).contains("från dess början");
  }

  @Test
  void shouldRefuseStartInstructionsThroughTasklistsOwnApiToo() {
    WebappSession tasklist = WebappSession.logIn(port, SAMORDNARE);
    long before = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count();

    WebappSession.Answer start = tasklist.post("/process-definition/key/" + AgreementProcess.KEY + "/start", Map.of(
        "variables", agreementStart(AgreementScenario.uniquePeriod()),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", AgreementProcess.START)),
        "skipCustomListeners", true));

    assertThat(start.status()).as(start.text()).isEqualTo(403);
    assertThat(start.text()).contains("från dess början");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count())
        .isEqualTo(before);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functionUsersThatStart")
  void shouldRefuseTheSkipCustomListenersExploitOfAnotherMunicipalitysEstCycle(String user) {
    Map<String, Object> body = Map.of(
        "variables", Map.of("kommun", typed("storuman")),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Event_CycleDue")),
        "skipCustomListeners", true);

    ResponseEntity<Map<String, Object>> response = startsNothing("est-cykel",
        () -> RestClient.as(rest, user).postForMap("/process-definition/key/est-cykel/start", body));

    assertRefusedInSwedish(response, 403);
  }

  static Stream<String> functionUsersThatStart() {
    return Stream.of(SAMORDNARE, KOMMUNPOLIS);
  }

  @Test
  void shouldRunTheStartCheckEvenWhenAnAdministratorSkipsTheCustomListeners() {
    // The administrator may use start instructions; the built-in start check still runs.
    Map<String, Object> unknownMunicipality = Map.of(
        "variables", Map.of("kommun", typed("gotland")),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "Event_CycleDue")),
        "skipCustomListeners", true);
    ResponseEntity<Map<String, Object>> refused = startsNothing("est-cykel",
        () -> RestClient.as(rest, "admin").postForMap("/process-definition/key/est-cykel/start", unknownMunicipality));
    assertRefusedInSwedish(refused, 400);
    assertThat(message(refused)).contains("Kommunen «gotland» finns inte i organisationen");

    String period = AgreementScenario.uniquePeriod();
    String first = startAgreement(period);
    Map<String, Object> duplicate = Map.of(
        "variables", agreementStart(period),
        "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", AgreementProcess.START)),
        "skipCustomListeners", true, "skipIoMappings", true);
    identityAsAdministratorOfTheLpo();
    ResponseEntity<Map<String, Object>> conflict = startsNothing(AgreementProcess.KEY, () -> RestClient.as(rest, "admin")
        .postForMap("/process-definition/key/" + AgreementProcess.KEY + "/start", duplicate));
    assertThat(conflict.getStatusCode().is4xxClientError()).as(String.valueOf(conflict.getBody())).isTrue();
    assertSwedish(conflict);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(first).count()).isEqualTo(1);
  }

  /** The administrator holds no function: for the samverkansprocess the LPO's check would refuse it first. */
  private void identityAsAdministratorOfTheLpo() {
    if (engine.getIdentityService().createUserQuery().userId("admin").memberOfGroup("kommunpolis-" + LPO).count() == 0) {
      engine.getIdentityService().createMembership("admin", "kommunpolis-" + LPO);
      cleanup.add(() -> engine.getIdentityService().deleteMembership("admin", "kommunpolis-" + LPO));
    }
  }

  @Test
  void shouldRefuseARestartOfAnEndedInstanceToAFunctionUser() {
    String ended = startAgreement(AgreementScenario.uniquePeriod());
    runtimeService.deleteProcessInstance(ended, "test: ended");
    String definition = historyService.createHistoricProcessInstanceQuery().processInstanceId(ended).singleResult()
        .getProcessDefinitionId();

    for (String user : List.of(SAMORDNARE, KOMMUNPOLIS)) {
      ResponseEntity<Map<String, Object>> response = startsNothing(AgreementProcess.KEY, () -> RestClient.as(rest, user)
          .postForMap("/process-definition/" + definition + "/restart", Map.of(
              "processInstanceIds", List.of(ended),
              "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", AgreementProcess.START)),
              "skipCustomListeners", true)));
      assertRefusedInSwedish(response, 403);
    }
  }

  @Test
  void shouldRefuseAModificationWithSkippedListenersToAFunctionUser() {
    String instance = startAgreement(AgreementScenario.uniquePeriod());
    long tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance).count();

    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, KOMMUNPOLIS).postForMap(
        "/process-instance/" + instance + "/modification", Map.of(
            "skipCustomListeners", true, "skipIoMappings", true,
            "instructions", List.of(Map.of("type", "startBeforeActivity", "activityId", AgreementProcess.TASK_DRAFT_AGREEMENT))));

    assertRefusedInSwedish(response, 403);
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).count()).isEqualTo(tasks);
  }

  // --- processes Samverkan starts by itself -------------------------------------------------------

  static Stream<Arguments> startsByHand() {
    List<Arguments> cases = new ArrayList<>();
    for (String user : FUNCTION_USERS) {
      for (String process : ProcessStarts.STARTED_BY_SAMVERKAN.stream().sorted().toList()) {
        cases.add(Arguments.of(user, process));
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} starts {1} by hand")
  @MethodSource("startsByHand")
  void shouldNeverLetAFunctionStartByHandWhatSamverkanStartsItself(String user, String process) {
    Map<String, Object> variables = Map.of("kommun", typed("lycksele"), "lpo", typed(LPO),
        "funktion", typed("kommunledning-storuman"), "funktionNamn", typed("Kommunledning, Storuman"));
    for (String endpoint : List.of("start", "submit-form")) {
      ResponseEntity<Map<String, Object>> response = startsNothing(process, () -> RestClient.as(rest, user)
          .postForMap("/process-definition/key/" + process + "/" + endpoint, Map.of("variables", variables)));
      assertRefusedInSwedish(response, 403);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("functionUsersThatStart")
  void shouldRefuseAMedborgarlofteStartedByHandThroughItsStartMessage(String user) {
    ResponseEntity<Map<String, Object>> response = startsNothing(PromiseProcess.KEY, () -> RestClient.as(rest, user)
        .postForMap("/message", Map.of("messageName", PromiseProcess.START_MESSAGE, "businessKey", "lycksele handgjort",
            "processVariables", Map.of("kommun", typed("lycksele"), "lpo", typed(LPO)))));

    assertThat(response.getStatusCode().is4xxClientError()).as(String.valueOf(response.getBody())).isTrue();
    assertSwedish(response);
  }

  @Test
  void shouldRefuseAnOverlamningByHandEvenWhenAnAdministratorGrantedTheStart() {
    Authorization granted = TestProcessStarts.grant(authorizationService, "samordnare-lycksele", "overlamning");
    cleanup.add(() -> authorizationService.deleteAuthorization(granted.getId()));

    ResponseEntity<Map<String, Object>> response = startsNothing("overlamning", () -> RestClient.as(rest, SAMORDNARE)
        .postForMap("/process-definition/key/overlamning/start", Map.of("variables", Map.of(
            "kommun", typed("lycksele"), "funktion", typed("kommunledning-storuman"),
            "funktionNamn", typed("Kommunledning, Storuman"), "orsak", typed("vakant"),
            "eskaleringsmottagare", typed("kommunledning-storuman")))));

    assertRefusedInSwedish(response, 403);
    assertThat(message(response)).contains("kan inte startas för hand");
  }

  @Test
  void shouldMarkTheProcessesSamverkanStartsItselfAsNotStartableInTasklist() {
    for (String process : ProcessStarts.STARTED_BY_SAMVERKAN) {
      ProcessDefinition definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(process)
          .latestVersion().singleResult();
      assertThat(definition.isStartableInTasklist()).as(process).isFalse();
    }
    // the samverkansprocess's called processes start from their call activities, never from "Starta process"
    for (String called : List.of("gemensam-lagesbild", "kommunens-lagesbild")) {
      assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(called).latestVersion().singleResult()
          .isStartableInTasklist()).as(called).isFalse();
    }
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(AgreementProcess.KEY)
        .latestVersion().singleResult().isStartableInTasklist()).isTrue();
  }

  // --- each function starts what its definition allows, for its own municipality or LPO ----------

  @Test
  void shouldGrantTheStartOfExactlyTheListedProcessesAndTakeBackAStartOnEverything() {
    Authorization everything = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    Authorization existing = authorizationService.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn("samordnare-lycksele").resourceType(Resources.PROCESS_DEFINITION).resourceId("*").singleResult();
    if (existing != null) {
      everything = existing;
    } else {
      everything.setGroupId("samordnare-lycksele");
      everything.setResource(Resources.PROCESS_DEFINITION);
      everything.setResourceId("*");
    }
    everything.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE); // as an earlier version granted it
    authorizationService.saveAuthorization(everything);

    functionAuthorizations.grant(organisation);

    assertThat(authorizationService.isUserAuthorized(SAMORDNARE, List.of("samordnare-lycksele"),
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, AgreementProcess.KEY)).isTrue();
    for (String process : ProcessStarts.STARTED_BY_SAMVERKAN) {
      for (String group : List.of("samordnare-lycksele", "kommunpolis-" + LPO, "kommunledning-lycksele")) {
        assertThat(authorizationService.isUserAuthorized("someone", List.of(group),
            ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, process)).as(group + " " + process)
            .isFalse();
      }
    }
    assertThat(authorizationService.isUserAuthorized("someone", List.of("kommunledning-lycksele"),
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, AgreementProcess.KEY)).isFalse();
    // the test process stands in for a listed one again
    TestProcessStarts.startableLikeTheSamverkansprocess(authorizationService, organisation, KOMMUN_PROCESS);
  }

  @Test
  void shouldLetASamordnareStartOnlyForTheOwnMunicipalityAndThePoliceForEveryMunicipalityOfTheLpo() {
    ResponseEntity<Map<String, Object>> other = startsNothing(KOMMUN_PROCESS,
        () -> startKommunProcess("samordnare.mala", "lycksele"));
    assertRefusedInSwedish(other, 403);

    assertStarted(startKommunProcess("samordnare.mala", "mala"));
    assertStarted(startKommunProcess(KOMMUNPOLIS, "lycksele"));
    assertStarted(startKommunProcess(KOMMUNPOLIS, "dorotea"));
  }

  @Test
  void shouldRefuseAFunctionUsersStartWithoutKommunOrLpo() {
    ResponseEntity<Map<String, Object>> response = startsNothing(KOMMUN_PROCESS, () -> RestClient.as(rest, SAMORDNARE)
        .postForMap("/process-definition/key/" + KOMMUN_PROCESS + "/start", Map.of("variables", Map.of())));

    assertRefusedInSwedish(response, 400);
    assertThat(message(response)).contains("Ange kommunen");
  }

  @Test
  void shouldRefuseVariablesTheStartFormDoesNotDeclare() {
    Map<String, Object> withDerived = new LinkedHashMap<>(agreementStart(AgreementScenario.uniquePeriod()));
    withDerived.put(AgreementProcess.MUNICIPALITIES, Map.of("value", "[\"lycksele\"]", "type", "Json"));
    ResponseEntity<Map<String, Object>> agreement = startsNothing(AgreementProcess.KEY, () -> RestClient.as(rest, KOMMUNPOLIS)
        .postForMap("/process-definition/key/" + AgreementProcess.KEY + "/submit-form", Map.of("variables", withDerived)));
    assertRefusedInSwedish(agreement, 400);
    assertThat(message(agreement)).contains(AgreementProcess.MUNICIPALITIES);

    ResponseEntity<Map<String, Object>> withoutForm = startsNothing(KOMMUN_PROCESS, () -> RestClient.as(rest, SAMORDNARE)
        .postForMap("/process-definition/key/" + KOMMUN_PROCESS + "/start", Map.of("variables", Map.of(
            "kommun", typed("lycksele"), "lpo", typed(LPO), "eskaleringsmottagare", typed("kommunledning-storuman")))));
    assertRefusedInSwedish(withoutForm, 400);
  }

  // --- one samverkansprocess per LPO and period ---------------------------------------------------

  @Test
  void shouldStartExactlyOneSamverkansprocessOfFourConcurrentStartsAndNoneAfterItEnded() throws Exception {
    String period = AgreementScenario.uniquePeriod();
    int starts = 4;
    CountDownLatch ready = new CountDownLatch(starts);
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    List<Future<ResponseEntity<Map<String, Object>>>> responses = new ArrayList<>();
    try {
      for (int i = 0; i < starts; i++) {
        String user = i % 2 == 0 ? KOMMUNPOLIS : SAMORDNARE;
        Callable<ResponseEntity<Map<String, Object>>> start = () -> {
          ready.countDown();
          go.await();
          return RestClient.as(rest, user).postForMap("/process-definition/key/" + AgreementProcess.KEY + "/submit-form",
              Map.of("variables", agreementStart(period)));
        };
        responses.add(pool.submit(start));
      }
      ready.await();
      go.countDown();
      List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
      for (Future<ResponseEntity<Map<String, Object>>> response : responses) {
        answers.add(response.get());
      }
      List<ResponseEntity<Map<String, Object>>> started = answers.stream()
          .filter(r -> r.getStatusCode().is2xxSuccessful()).toList();
      assertThat(started).as(answers.toString()).hasSize(1);
      answers.stream().filter(r -> !r.getStatusCode().is2xxSuccessful()).forEach(refused -> {
        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(409);
        assertSwedish(refused);
      });
      String businessKey = LPO + " " + period;
      assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY)
          .processInstanceBusinessKey(businessKey).count()).isEqualTo(1);

      String instance = (String) started.get(0).getBody().get("id");
      endNormally(instance);
      ResponseEntity<Map<String, Object>> again = startsNothing(AgreementProcess.KEY, () -> RestClient.as(rest, KOMMUNPOLIS)
          .postForMap("/process-definition/key/" + AgreementProcess.KEY + "/submit-form",
              Map.of("variables", agreementStart(period))));
      assertThat(again.getStatusCode().value()).as(String.valueOf(again.getBody())).isEqualTo(409);
      assertThat(message(again)).contains("Det finns redan en samverkansprocess för Södra Lappland " + period);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldFreeThePeriodOfAnInstanceAnAdministratorDeletedForExactlyOneNewStart() throws Exception {
    String period = AgreementScenario.uniquePeriod();
    String deleted = startAgreement(period);
    runtimeService.deleteProcessInstance(deleted, "Startad med fel uppgifter");

    int starts = 3;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(starts);
    try {
      List<Future<ResponseEntity<Map<String, Object>>>> responses = new ArrayList<>();
      for (int i = 0; i < starts; i++) {
        responses.add(pool.submit(() -> {
          go.await();
          return RestClient.as(rest, KOMMUNPOLIS).postForMap("/process-definition/key/" + AgreementProcess.KEY
              + "/submit-form", Map.of("variables", agreementStart(period)));
        }));
      }
      go.countDown();
      List<ResponseEntity<Map<String, Object>>> answers = new ArrayList<>();
      for (Future<ResponseEntity<Map<String, Object>>> response : responses) {
        answers.add(response.get());
      }
      assertThat(answers.stream().filter(r -> r.getStatusCode().is2xxSuccessful())).as(answers.toString()).hasSize(1);
      answers.stream().filter(r -> !r.getStatusCode().is2xxSuccessful())
          .forEach(refused -> assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(409));
      assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY)
          .processInstanceBusinessKey(LPO + " " + period).count()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldKeepThePeriodOfAnInstanceThatEndedOrStillRuns() {
    String period = AgreementScenario.uniquePeriod();
    String running = startAgreement(period);
    ResponseEntity<Map<String, Object>> whileRunning = startsNothing(AgreementProcess.KEY, () -> RestClient.as(rest, SAMORDNARE)
        .postForMap("/process-definition/key/" + AgreementProcess.KEY + "/submit-form",
            Map.of("variables", agreementStart(period))));
    assertThat(whileRunning.getStatusCode().value()).isEqualTo(409);

    endNormally(running);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(running)
        .activityId("Event_AgreementCycleCompleted").finished().count()).isEqualTo(1);
    ResponseEntity<Map<String, Object>> afterTheEnd = startsNothing(AgreementProcess.KEY, () -> RestClient.as(rest, SAMORDNARE)
        .postForMap("/process-definition/key/" + AgreementProcess.KEY + "/submit-form",
            Map.of("variables", agreementStart(period))));
    assertThat(afterTheEnd.getStatusCode().value()).isEqualTo(409);
  }

  /** The instance reaches its end event (as at the end of the period), not a deletion. */
  private void endNormally(String instance) {
    var modification = runtimeService.createProcessInstanceModification(instance);
    for (var child : runtimeService.getActivityInstance(instance).getChildActivityInstances()) {
      modification.cancelActivityInstance(child.getId());
    }
    modification.startBeforeActivity("Event_AgreementCycleCompleted").execute();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void shouldRefuseTheSamePeriodInAnotherVersionOfTheModelAndWrittenWithAHyphen() {
    String period = AgreementScenario.uniquePeriod();
    startAgreement(period);
    String deployment = ModelDeployment.deployAll(engine);
    try {
      ProcessDefinition newer = repositoryService.createProcessDefinitionQuery().deploymentId(deployment)
          .processDefinitionKey(AgreementProcess.KEY).singleResult();
      ResponseEntity<Map<String, Object>> response = startsNothing(AgreementProcess.KEY, () -> RestClient.as(rest, KOMMUNPOLIS)
          .postForMap("/process-definition/" + newer.getId() + "/submit-form",
              Map.of("variables", agreementStart(period.replace('–', '-')))));
      assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(409);
      assertSwedish(response);
    } finally {
      repositoryService.deleteDeployment(deployment, true, true);
    }
  }

  // --- the start form's rules -------------------------------------------------------------------

  static Stream<Arguments> badPeriods() {
    return Stream.of(
        Arguments.of("41 characters", typed("2027–2030 " + "x".repeat(31))),
        Arguments.of("an Integer", Map.of("value", 2027, "type", "Integer")),
        Arguments.of("HTML", typed("<b onmouseover=\"alert(1)\">2027–2030</b>")),
        Arguments.of("1990-1993, against the form's pattern", typed("1990-1993")),
        Arguments.of("10,000 characters", typed("2".repeat(10_000))),
        Arguments.of("empty", typed("")),
        Arguments.of("ending before it begins", typed("2030–2027")));
  }

  @ParameterizedTest(name = "period {0}")
  @MethodSource("badPeriods")
  void shouldCheckTheStartFormOnTheServerAndStartNothing(String name, Map<String, Object> period) {
    for (String endpoint : List.of("start", "submit-form")) {
      Map<String, Object> variables = Map.of(AgreementProcess.LPO, typed(LPO), AgreementProcess.PERIOD, period);
      ResponseEntity<Map<String, Object>> response = startsNothing(AgreementProcess.KEY, () -> RestClient.as(rest, KOMMUNPOLIS)
          .postForMap("/process-definition/key/" + AgreementProcess.KEY + "/" + endpoint, Map.of("variables", variables)));
      assertRefusedInSwedish(response, 400);
      assertThat(message(response).length()).as("short message").isLessThan(1_000);
    }
  }

  // --- helpers ------------------------------------------------------------------------------------

  private String startAgreement(String period) {
    ResponseEntity<Map<String, Object>> response = RestClient.as(rest, KOMMUNPOLIS).postForMap(
        "/process-definition/key/" + AgreementProcess.KEY + "/submit-form", Map.of("variables", agreementStart(period)));
    return assertStarted(response);
  }

  private ResponseEntity<Map<String, Object>> startKommunProcess(String user, String kommun) {
    return RestClient.as(rest, user).postForMap("/process-definition/key/" + KOMMUN_PROCESS + "/start",
        Map.of("variables", Map.of("kommun", typed(kommun), "lpo", typed(LPO))));
  }

  private String assertStarted(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getStatusCode().is2xxSuccessful()).as(String.valueOf(response.getBody())).isTrue();
    String id = (String) response.getBody().get("id");
    cleanup.add(() -> {
      if (runtimeService.createProcessInstanceQuery().processInstanceId(id).count() > 0) {
        runtimeService.deleteProcessInstance(id, "test");
      }
    });
    return id;
  }

  /** Runs the request and checks that no instance of the process came into being, running or in history. */
  private ResponseEntity<Map<String, Object>> startsNothing(String processKey,
      java.util.function.Supplier<ResponseEntity<Map<String, Object>>> request) {
    long running = runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count();
    long historic = historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
    ResponseEntity<Map<String, Object>> response = request.get();
    if (response.getStatusCode().is2xxSuccessful() && response.getBody() != null && response.getBody().get("id") != null) {
      assertStarted(response); // cleaned up, and the assertion below says what went wrong
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(processKey).count())
        .as("running " + processKey + ": " + response.getBody()).isEqualTo(running);
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count())
        .as("history of " + processKey).isEqualTo(historic);
    return response;
  }

  private static Map<String, Object> agreementStart(String period) {
    return Map.of(AgreementProcess.LPO, typed(LPO), AgreementProcess.PERIOD, typed(period));
  }

  private static Map<String, Object> typed(String value) {
    return Map.of("value", value, "type", "String");
  }

  private static String message(ResponseEntity<Map<String, Object>> response) {
    return String.valueOf(response.getBody() == null ? null : response.getBody().get("message"));
  }

  private static void assertRefusedInSwedish(ResponseEntity<Map<String, Object>> response, int status) {
    assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
    assertSwedish(response);
  }

  private static void assertSwedish(ResponseEntity<Map<String, Object>> response) {
    assertThat(response.getBody()).as("error body").isNotNull();
    String message = message(response);
    String opening = message.substring(0, Math.min(message.length(), 160));
    assertThat(SWEDISH.matcher(opening).find()).as("Swedish message: " + opening).isTrue();
  }
}
