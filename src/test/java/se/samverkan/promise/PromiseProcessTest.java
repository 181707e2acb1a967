package se.samverkan.promise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.samverkan.promise.PromiseScenario.LPO;
import static se.samverkan.promise.PromiseScenario.activity;
import static se.samverkan.promise.PromiseScenario.promise;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.CoverageProcessTestEngine;
import se.samverkan.ModelDeployment;
import se.samverkan.engine.SwedishTime;
import se.samverkan.escalation.TaskEscalationListener;
import se.samverkan.escalation.TaskReminderListener;
import se.samverkan.forms.FormValidationException;
import se.samverkan.lawduty.LawDutyRecords;
import se.samverkan.lessons.SharedLessons;
import se.samverkan.process.JsonVariables;
import se.samverkan.signing.SignatureCollector;

class PromiseProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = CoverageProcessTestEngine.extension(1.0);

  static final LocalDateTime START = LocalDateTime.of(2027, 1, 11, 9, 0);

  ProcessEngine engine = CoverageProcessTestEngine.engine();
  String deployment;

  @BeforeEach
  void deploy() {
    ClockUtil.setCurrentTime(at(START));
    CoverageProcessTestEngine.bindAssertions();
    deployment = ModelDeployment.deployAll(engine);
  }

  @AfterEach
  void undeploy() {
    ClockUtil.reset();
    ModelDeployment.undeploy(engine, deployment);
    BpmnAwareTests.reset();
  }

  @Test
  void shouldGiveEachActivityToItsFunctionWithItsDueDateOnceSignedAndPublished() {
    PromiseScenario promise = PromiseScenario.start(engine, "lycksele");
    assertThat(promise.instance).isWaitingAt(PromiseProcess.TASK_FORMULATE);
    assertThat(groups(promise.one(PromiseProcess.TASK_FORMULATE)))
        .containsExactlyInAnyOrder("samordnare-lycksele", "kommunpolis-" + LPO);
    assertThat(promise.one(PromiseProcess.TASK_FORMULATE).getName()).as("named for its municipality")
        .isEqualTo("Formulera medborgarlöftena (samordnare med kommunpolis) – Lycksele");

    promise.complete(PromiseProcess.TASK_FORMULATE, promise.formulation());
    assertThat(promise.one(PromiseProcess.TASK_SIGN_POLICE)).hasCandidateGroup("lpochef-" + LPO);
    assertThat(promise.one(PromiseProcess.TASK_SIGN_MUNICIPALITY)).hasCandidateGroup("kommunledning-lycksele");
    assertThat(text(engine.getRuntimeService().getVariable(promise.instance.getId(), PromiseProcess.PROMISES_TEXT)))
        .contains("Löfte 1: Vi ska vara synliga vid resecentrum", "Skola, Lycksele", "2027-04-30");

    promise.complete(PromiseProcess.TASK_SIGN_POLICE, PromiseScenario.signature(SignatureCollector.SIGN, null));
    promise.complete(PromiseProcess.TASK_SIGN_MUNICIPALITY, PromiseScenario.signature(SignatureCollector.SIGN, null));
    assertThat(promise.instance).isWaitingAt(PromiseProcess.TASK_PUBLISH);
    promise.complete(PromiseProcess.TASK_PUBLISH, PromiseScenario.publication());

    List<Task> activities = promise.open(PromiseProcess.TASK_CARRY_OUT_ACTIVITY);
    assertThat(activities).hasSize(3);
    assertThat(activities).extracting(Task::getName).as("named for the activity and the municipality")
        .contains("Genomför aktiviteten (ansvarig funktion): Fredagsvandringar vid resecentrum – Lycksele");
    Task school = activities.stream().filter(t -> groups(t).contains("skola-lycksele")).findFirst().orElseThrow();
    assertThat(school.getDueDate()).isEqualTo(at(LocalDateTime.of(2027, 4, 30, 16, 0)));
    assertThat(engine.getTaskService().getVariable(school.getId(), "aktivitetLofte")).isEqualTo("Löfte 2: Tryggare skolvägar");
    assertThat(activities.stream().flatMap(t -> groups(t).stream()))
        .containsExactlyInAnyOrder("skola-lycksele", "socialtjanst-lycksele", "kommunpolis-" + LPO);
    assertThat(promise.instance).isWaitingAt(PromiseProcess.EVENT_TWO_YEARS);
  }

  @Test
  void shouldReturnThePromisesWithTheReasonWhenOneSignerRejects() {
    PromiseScenario promise = PromiseScenario.start(engine, "mala");
    promise.complete(PromiseProcess.TASK_FORMULATE, promise.formulation());
    promise.complete(PromiseProcess.TASK_SIGN_POLICE,
        PromiseScenario.signature(SignatureCollector.REJECT, "Polisen har inte resurser för vandringar varje fredag."));
    promise.complete(PromiseProcess.TASK_SIGN_MUNICIPALITY, PromiseScenario.signature(SignatureCollector.SIGN, null));

    assertThat(promise.instance).hasPassed(PromiseProcess.GATEWAY_SIGNED).hasNotPassed(PromiseProcess.TASK_PUBLISH)
        .isWaitingAt(PromiseProcess.TASK_FORMULATE);
    assertThat(text(engine.getRuntimeService().getVariable(promise.instance.getId(), SignatureCollector.REJECTION_REASONS)))
        .contains("Lokalpolisområdeschef, Södra Lappland", "varje fredag");

    promise.complete(PromiseProcess.TASK_FORMULATE, promise.formulation());
    promise.complete(PromiseProcess.TASK_SIGN_POLICE, PromiseScenario.signature(SignatureCollector.SIGN, null));
    promise.complete(PromiseProcess.TASK_SIGN_MUNICIPALITY, PromiseScenario.signature(SignatureCollector.SIGN, null));
    assertThat(promise.instance).isWaitingAt(PromiseProcess.TASK_PUBLISH);
  }

  @Test
  void shouldRefusePromisesWhoseActivitiesDoNotFit() {
    PromiseScenario promise = PromiseScenario.start(engine, "lycksele");
    Task formulate = promise.one(PromiseProcess.TASK_FORMULATE);

    assertThatThrownBy(() -> promise.complete(formulate, PromiseScenario.formulation(
        List.of(promise("Synliga vid resecentrum"), promise("Tryggare skolvägar")),
        List.of(activity(1, "Vandringar", "skola-mala", "2027-06-30"), activity(3, "Fältare", "fritid-lycksele", "2027-06-30")))))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("Aktivitet 1: «Ansvarig funktion» ska vara en av kommunens funktioner, inte «skola-mala».",
                "Aktivitet 2: «Hör till löfte nr» ska vara ett löftes nummer, 1 till 2.",
                "Löfte 2 («Tryggare skolvägar») behöver minst en aktivitet."));
    assertThat(promise.instance).isWaitingAt(PromiseProcess.TASK_FORMULATE);
  }

  @Test
  void shouldRefuseToPublishBeforeEveryChannelIsDoneAndASigningWithoutDecision() {
    PromiseScenario promise = PromiseScenario.start(engine, "lycksele");
    promise.complete(PromiseProcess.TASK_FORMULATE, promise.formulation());
    Task police = promise.one(PromiseProcess.TASK_SIGN_POLICE);
    assertThatThrownBy(() -> promise.complete(police, PromiseScenario.signature(SignatureCollector.SIGN, null)
        .putValue("beslut", null)))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("«Beslut» måste fyllas i."));
    promise.complete(police, PromiseScenario.signature(SignatureCollector.SIGN, null));
    promise.complete(PromiseProcess.TASK_SIGN_MUNICIPALITY, PromiseScenario.signature(SignatureCollector.SIGN, null));

    Task publish = promise.one(PromiseProcess.TASK_PUBLISH);
    assertThatThrownBy(() -> promise.complete(publish, PromiseScenario.publication()
        .putValueTyped("kanaler", se.samverkan.FormData.json(List.of("press", "webb")))))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("«Publicerat i»: bocka i alla punkter", "Sociala medier"));
    assertThat(promise.instance).isWaitingAt(PromiseProcess.TASK_PUBLISH);
  }

  @Test
  void shouldRemindAndThenEscalateALateActivity() {
    PromiseScenario promise = PromiseScenario.start(engine, "lycksele").runUntilPublished();
    Task school = promise.open(PromiseProcess.TASK_CARRY_OUT_ACTIVITY).stream()
        .filter(t -> groups(t).contains("skola-lycksele")).findFirst().orElseThrow();

    ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 5, 1, 8, 0)));
    executeDueJobs(promise.instance);
    assertThat(engine.getTaskService().getVariableLocal(school.getId(), TaskReminderListener.REMINDERS)).isEqualTo(1);
    assertThat(groups(school)).doesNotContain("samordnare-lycksele");

    ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 5, 6, 8, 0)));
    executeDueJobs(promise.instance);
    assertThat(engine.getTaskService().getVariableLocal(school.getId(), TaskEscalationListener.LEVEL)).isEqualTo(1);
    assertThat(groups(school)).contains("skola-lycksele", "samordnare-lycksele");
  }

  @Test
  void shouldCollectEveryActivityReportForTheFollowUps() {
    PromiseScenario promise = PromiseScenario.start(engine, "lycksele").runUntilPublished();

    promise.open(PromiseProcess.TASK_CARRY_OUT_ACTIVITY)
        .forEach(t -> promise.complete(t, PromiseScenario.activityReport("ja")));

    assertThat(promise.instance).hasPassed(PromiseProcess.TASK_CARRY_OUT_ACTIVITY).isWaitingAt(PromiseProcess.EVENT_TWO_YEARS);
    assertThat(text(engine.getRuntimeService().getVariable(promise.instance.getId(), PromiseProcess.ACTIVITY_STATUS)))
        .contains("3 av 3 aktiviteter rapporterade", "Trygghetsvandring med elevrådet", "Genomförd");
  }

  @Test
  void shouldAskForAStatusReportEveryQuarter() {
    PromiseScenario promise = PromiseScenario.start(engine, "lycksele").runUntilPublished();

    ClockUtil.setCurrentTime(at(START.plusMonths(3).plusDays(1)));
    executeTimer(promise.instance, PromiseProcess.EVENT_QUARTER_PASSED);
    assertThat(promise.one(PromiseProcess.TASK_QUARTERLY_STATUS)).hasCandidateGroup("samordnare-lycksele");
    promise.complete(PromiseProcess.TASK_QUARTERLY_STATUS, PromiseScenario.quarterlyReport("Första kvartalet enligt plan."));

    ClockUtil.setCurrentTime(at(START.plusMonths(6).plusDays(2)));
    executeTimer(promise.instance, PromiseProcess.EVENT_QUARTER_PASSED);
    promise.complete(PromiseProcess.TASK_QUARTERLY_STATUS, PromiseScenario.quarterlyReport("Andra kvartalet: en försening."));

    assertThat(text(engine.getRuntimeService().getVariable(promise.instance.getId(), PromiseProcess.QUARTERLY_REPORTS)))
        .contains("Första kvartalet enligt plan.", "Andra kvartalet: en försening.");
    assertThat(promise.instance).isWaitingAt(PromiseProcess.EVENT_TWO_YEARS);
  }

  @Test
  void shouldAdjustThePromisesAfterTheYearlyFollowUpAndGiveTheNewActivityToItsFunction() {
    PromiseScenario promise = PromiseScenario.start(engine, "lycksele").runUntilPublished();

    ClockUtil.setCurrentTime(at(START.plusYears(1).plusDays(1)));
    executeTimer(promise.instance, PromiseProcess.EVENT_YEAR_PASSED);
    Task followUp = promise.one(PromiseProcess.TASK_YEARLY_FOLLOW_UP);
    assertThat(groups(followUp)).containsExactlyInAnyOrder("samordnare-lycksele", "kommunpolis-" + LPO);
    promise.complete(followUp, PromiseScenario.followUp("ja", "Skolvägarna behöver belysning.", "Fredagsvandringar"));

    assertThat(promise.instance).isWaitingAt(PromiseProcess.TASK_ADJUST);
    promise.complete(PromiseProcess.TASK_ADJUST, PromiseScenario.adjustment(
        List.of(promise("Vi ska vara synliga vid resecentrum"), promise("Tryggare och bättre upplysta skolvägar")),
        List.of(activity(2, "Belysning längs skolvägen vid Tannbergsskolan", "fritid-lycksele", "2028-06-30"))));

    Task added = promise.one(PromiseProcess.TASK_CARRY_OUT_ADDED_ACTIVITY);
    assertThat(added).hasCandidateGroup("fritid-lycksele");
    assertThat(added.getDueDate()).isEqualTo(at(LocalDateTime.of(2028, 6, 30, 16, 0)));
    assertThat(text(engine.getRuntimeService().getVariable(promise.instance.getId(), PromiseProcess.PROMISES_TEXT)))
        .contains("Tryggare och bättre upplysta skolvägar", "Belysning längs skolvägen", "Trygghetsvandring med elevrådet");
    assertThat(JsonVariables.toJson(engine.getRuntimeService().getVariable(promise.instance.getId(), PromiseProcess.ACTIVITIES)))
        .hasSize(4);

    promise.complete(added, PromiseScenario.activityReport("delvis"));
    assertThat(promise.instance).hasPassed(PromiseProcess.TASK_CARRY_OUT_ADDED_ACTIVITY);
  }

  @Test
  void shouldAcceptAnAdjustmentOfTheWordingOnly() {
    PromiseScenario promise = PromiseScenario.start(engine, "lycksele").runUntilPublished();
    ClockUtil.setCurrentTime(at(START.plusYears(1).plusDays(1)));
    executeTimer(promise.instance, PromiseProcess.EVENT_YEAR_PASSED);
    promise.complete(PromiseProcess.TASK_YEARLY_FOLLOW_UP, PromiseScenario.followUp("ja", "Tydligare språk.", "Vandringar"));

    promise.complete(PromiseProcess.TASK_ADJUST, PromiseScenario.adjustment(
        List.of(promise("Vi syns vid resecentrum varje fredag"), promise("Tryggare skolvägar")), List.of()));

    assertThat(promise.instance).hasPassed(PromiseProcess.TASK_ADJUST).isWaitingAt(PromiseProcess.EVENT_TWO_YEARS);
    assertThat(promise.open(PromiseProcess.TASK_CARRY_OUT_ADDED_ACTIVITY)).isEmpty();
  }

  @Test
  void shouldKeepThePromisesWhenTheFollowUpSeesNoNeedToAdjust() {
    PromiseScenario promise = PromiseScenario.start(engine, "lycksele").runUntilPublished();
    ClockUtil.setCurrentTime(at(START.plusYears(1).plusDays(1)));
    executeTimer(promise.instance, PromiseProcess.EVENT_YEAR_PASSED);

    Task followUp = promise.one(PromiseProcess.TASK_YEARLY_FOLLOW_UP);
    assertThatThrownBy(() -> promise.complete(followUp, PromiseScenario.followUp("ja", null, "Vandringar")))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("«Vad behöver justeras?» måste fyllas i"));
    promise.complete(followUp, PromiseScenario.followUp("nej", null, "Vandringar"));

    assertThat(promise.instance).hasPassed(PromiseProcess.END_PROMISES_KEPT).hasNotPassed(PromiseProcess.TASK_ADJUST);
  }

  @Test
  void shouldEvaluateAfterTwoYearsAndRenewThePromiseForTheMunicipality() {
    PromiseScenario promise = PromiseScenario.start(engine, "storuman").runUntilPublished();

    ClockUtil.setCurrentTime(at(START.plusYears(2).plusDays(1)));
    executeTimer(promise.instance, PromiseProcess.EVENT_TWO_YEARS);

    assertThat(promise.instance).hasPassed(PromiseProcess.SUBPROCESS_PERIOD).isWaitingAt(PromiseProcess.TASK_FINAL_EVALUATION);
    assertThat(promise.open(PromiseProcess.TASK_CARRY_OUT_ACTIVITY)).as("open activities end with the period").isEmpty();
    promise.complete(PromiseProcess.TASK_FINAL_EVALUATION, PromiseScenario.finalEvaluation("fornya"));

    assertThat(promise.instance).isEnded().hasPassed(PromiseProcess.TASK_START_RENEWED, PromiseProcess.END_RENEWED);
    ProcessInstance renewed = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PromiseProcess.KEY).singleResult();
    assertThat(renewed.getBusinessKey()).isEqualTo("storuman 2027–2030 #2");
    assertThat(renewed).isWaitingAt(PromiseProcess.TASK_FORMULATE).variables()
        .containsEntry(PromiseProcess.MUNICIPALITY, "storuman")
        .containsEntry(PromiseProcess.ROUND, 2)
        .containsEntry(PromiseProcess.PREVIOUS_PROMISE, promise.instance.getId());
    assertThat(text(engine.getRuntimeService().getVariable(renewed.getId(), PromiseProcess.SITUATION_PICTURE)))
        .contains("Löfte 1 hållet, löfte 2 delvis.", "Otrygghet vid resecentrum i storuman");
  }

  @Test
  void shouldEndThePromiseAfterTwoYearsWhenTheDecisionIsToEnd() {
    PromiseScenario promise = PromiseScenario.start(engine, "sorsele").runUntilPublished();
    ClockUtil.setCurrentTime(at(START.plusYears(2).plusDays(1)));
    executeTimer(promise.instance, PromiseProcess.EVENT_TWO_YEARS);

    promise.complete(PromiseProcess.TASK_FINAL_EVALUATION, PromiseScenario.finalEvaluation("avsluta"));

    assertThat(promise.instance).isEnded().hasPassed(PromiseProcess.END_ENDED).hasNotPassed(PromiseProcess.TASK_START_RENEWED);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY).count()).isZero();
  }

  @Test
  void shouldShowTheOtherMunicipalitiesTheLessonsOfAFollowUp() {
    PromiseScenario lycksele = PromiseScenario.start(engine, "lycksele").runUntilPublished();
    ClockUtil.setCurrentTime(at(START.plusYears(1).plusDays(1)));
    executeTimer(lycksele.instance, PromiseProcess.EVENT_YEAR_PASSED);
    lycksele.complete(PromiseProcess.TASK_YEARLY_FOLLOW_UP, PromiseScenario.followUp("nej", null, "Speed dating på gymnasiet"));

    PromiseScenario mala = PromiseScenario.start(engine, "mala");
    PromiseScenario lyckseleAgain = PromiseScenario.start(engine, "lycksele");

    assertThat(text(engine.getTaskService().getVariableLocal(mala.one(PromiseProcess.TASK_FORMULATE).getId(),
        SharedLessons.VARIABLE))).contains("Lycksele", "Speed dating på gymnasiet", "Enkät på webben gav få svar.");
    assertThat(text(engine.getTaskService().getVariableLocal(lyckseleAgain.one(PromiseProcess.TASK_FORMULATE).getId(),
        SharedLessons.VARIABLE))).isEqualTo(SharedLessons.NONE);
  }

  @Test
  void shouldRecordTheActionPlanAndTheFollowUpForTheMunicipality() {
    PromiseScenario promise = PromiseScenario.start(engine, "vilhelmina").runUntilPublished();
    ClockUtil.setCurrentTime(at(START.plusYears(1).plusDays(1)));
    executeTimer(promise.instance, PromiseProcess.EVENT_YEAR_PASSED);
    promise.complete(PromiseProcess.TASK_YEARLY_FOLLOW_UP, PromiseScenario.followUp("nej", null, "Vandringar"));

    JsonNode record = new LawDutyRecords(engine.getHistoryService()).of("vilhelmina");
    assertThat(record.path("atgardsplan").path("datum").asText()).startsWith("2027-01-11");
    assertThat(record.path("atgardsplan").path("steg").asText()).isEqualTo("Publicera medborgarlöftena (samordnare)");
    assertThat(record.path("uppfoljning").path("datum").asText()).startsWith("2028-01-12");
    assertThat(new LawDutyRecords(engine.getHistoryService()).of("mala").size()).isZero();
  }

  @Test
  void shouldRefuseAPromiseForAMunicipalityOutsideTheOrganisation() {
    assertThatThrownBy(() -> PromiseScenario.start(engine, "umea"))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("Kommunen «umea» finns inte i organisationen."));
  }

  private void executeTimer(ProcessInstance instance, String activityId) {
    List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).timers().list();
    assertThat(jobs).as("timer at " + activityId).hasSize(1);
    engine.getManagementService().executeJob(jobs.get(0).getId());
  }

  private void executeDueJobs(ProcessInstance instance) {
    engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private List<String> groups(Task task) {
    return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
        .map(IdentityLink::getGroupId).filter(java.util.Objects::nonNull).toList();
  }

  static Date at(LocalDateTime time) {
    return Date.from(time.atZone(SwedishTime.ZONE).toInstant());
  }

  static String text(Object variable) {
    return JsonVariables.textOf(variable);
  }
}
