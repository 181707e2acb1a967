package se.samverkan.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.samverkan.agreement.AgreementScenario.LPO;
import static se.samverkan.agreement.AgreementScenario.MUNICIPALITIES;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.CoverageProcessTestEngine;
import se.samverkan.ModelDeployment;
import se.samverkan.engine.SwedishTime;
import se.samverkan.escalation.TaskReminderListener;
import se.samverkan.forms.FormValidationException;
import se.samverkan.lawduty.LawDuty;
import se.samverkan.lawduty.LawDutyRecords;
import se.samverkan.process.JsonVariables;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.signing.SignatureCollector;

class AgreementProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = CoverageProcessTestEngine.extension(1.0, PromiseProcess.KEY);

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
    engine.getIdentityService().clearAuthentication();
    ModelDeployment.undeploy(engine, deployment);
    BpmnAwareTests.reset();
  }

  @Test
  void shouldAskThePoliceAndEveryMunicipalityOfTheLpoForTheirSituationPicture() {
    AgreementScenario cycle = AgreementScenario.start(engine);

    assertThat(cycle.instance).isWaitingAt(AgreementProcess.CALL_SITUATION_PICTURE);
    ProcessInstance joint = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(cycle.instance.getId()).singleResult();
    assertThat(joint.getProcessDefinitionId()).startsWith(JointSituationPictureProcess.KEY + ":");
    assertThat(joint).isWaitingAt(JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE,
        JointSituationPictureProcess.CALL_MUNICIPAL_SITUATION_PICTURES);
    List<ProcessInstance> municipal = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(joint.getId()).list();
    assertThat(municipal).hasSize(MUNICIPALITIES.size())
        .allSatisfy(m -> assertThat(m).isWaitingAt(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE))
        .allSatisfy(m -> assertThat(m.getBusinessKey()).isEqualTo("sodra-lappland 2027–2030"));
    assertThat(groupsOf(cycle.open(JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE))).containsExactly("kommunpolis-" + LPO);
    assertThat(groupsOf(cycle.open(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE)))
        .containsExactlyInAnyOrderElementsOf(MUNICIPALITIES.stream().map(k -> "samordnare-" + k).toList());
    assertThat(cycle.open(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE))
        .allSatisfy(t -> assertThat(t.getDueDate()).isEqualTo(at(
            // P15D counts Swedish working days: three weeks from Monday 11 January 2027
            LocalDateTime.of(2027, 2, 1, 9, 0))));
    assertThat(engine.getRuntimeService().getVariable(cycle.instance.getId(), AgreementProcess.LPO_NAME))
        .isEqualTo("Södra Lappland");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cycle.instance.getId())
        .singleResult().getBusinessKey()).isEqualTo("sodra-lappland 2027–2030");
  }

  @Test
  void shouldRemindAtTheDueDateAndEscalateToTheFunctionsEscalationTargetWhenTheSituationPictureStalls() {
    AgreementScenario cycle = AgreementScenario.start(engine);
    Task police = cycle.open(JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE).get(0);
    Task mala = cycle.openFor(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE, "samordnare-mala");

    // P15D and P20D count Swedish working days from Monday 11 January 2027: 1 and 8 February.
    ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 1, 29, 9, 0)));
    executeDueJobs(cycle.instance);
    assertThat(engine.getTaskService().getVariableLocal(police.getId(), TaskReminderListener.REMINDERS)).isNull();

    ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 2, 1, 9, 1)));
    executeDueJobs(cycle.instance);
    assertThat(engine.getTaskService().getVariableLocal(police.getId(), TaskReminderListener.REMINDERS)).isEqualTo(1);
    assertThat(engine.getTaskService().getVariableLocal(mala.getId(), TaskReminderListener.REMINDERS)).isEqualTo(1);
    assertThat(groupsOf(List.of(police))).doesNotContain("lpochef-" + LPO);

    ClockUtil.setCurrentTime(at(LocalDateTime.of(2027, 2, 8, 9, 1)));
    executeDueJobs(cycle.instance);
    assertThat(groupsOf(List.of(police))).contains("kommunpolis-" + LPO, "lpochef-" + LPO);
    assertThat(groupsOf(List.of(mala))).contains("samordnare-mala", "kommunledning-mala");
  }

  @Test
  void shouldRefuseToStartForAnLpoThatIsNotInTheOrganisation() {
    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY,
        Variables.createVariables().putValue(AgreementProcess.LPO, "norra-lappland").putValue(AgreementProcess.PERIOD, "2027–2030")))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("Lokalpolisområdet «norra-lappland» finns inte i organisationen", "sodra-lappland"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void shouldRefuseASecondSamverkansprocessForTheSameLpoAndPeriod() {
    AgreementScenario.start(engine);

    assertThatThrownBy(() -> AgreementScenario.start(engine))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("Det finns redan en samverkansprocess för Södra Lappland 2027–2030"));
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY).count())
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseAStarterWithoutAFunctionInTheLpo() {
    engine.getIdentityService().setAuthentication("processagare", List.of("processagare"));

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY,
        Variables.createVariables().putValue(AgreementProcess.LPO, LPO).putValue(AgreementProcess.PERIOD, "2027–2030")))
        .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class)
        .hasMessageContaining("Du kan inte starta en process för Södra Lappland: ingen av dina funktioner hör till");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  @Test
  void shouldLetASamordnareOfTheLpoStartButNotWithoutAPeriod() {
    engine.getIdentityService().setAuthentication("samordnare.mala", List.of("samordnare-mala"));

    assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY,
        Variables.createVariables().putValue(AgreementProcess.LPO, LPO)))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("«Avtalsperiod» måste fyllas i."));
    ProcessInstance started = engine.getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY,
        Variables.createVariables().putValue(AgreementProcess.LPO, LPO).putValue(AgreementProcess.PERIOD, "2027–2030"));
    assertThat(started).isStarted();
  }

  @Test
  void shouldCarryTheCycleThroughDialogAndSigningToAPromiseInEveryMunicipality() {
    AgreementScenario cycle = AgreementScenario.start(engine).contributeSituationPictures();
    assertThat(cycle.instance).isWaitingAt(AgreementProcess.CALL_SITUATION_PICTURE);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(cycle.jointInstanceId()).singleResult())
        .isWaitingAt(JointSituationPictureProcess.TASK_JOINT_ANALYSIS);
    assertThat(text(engine.getRuntimeService().getVariable(cycle.jointInstanceId(),
        JointSituationPictureProcess.SITUATION_PICTURE_SUMMARY))).contains("Resecentrum fredagskvällar", "Trygghetsmätning dorotea");

    cycle.analyse(List.of("lycksele", "asele"));
    assertThat(groupsOf(cycle.open(AgreementProcess.TASK_CITIZEN_DIALOG)))
        .containsExactlyInAnyOrder("samordnare-lycksele", "samordnare-asele");
    cycle.holdDialog("lycksele", "trygghetsvandring").holdDialog("asele", "skolbesok");
    assertThat(cycle.instance).isWaitingAt(AgreementProcess.TASK_DRAFT_AGREEMENT);
    assertThat(text(engine.getRuntimeService().getVariable(cycle.instance.getId(), AgreementProcess.DIALOG_SUMMARY)))
        .contains("Lycksele: Trygghetsvandring", "Åsele: Skolbesök");

    cycle.draft();
    assertThat(groupsOf(cycle.open(AgreementProcess.TASK_SIGN_MUNICIPALITY))).hasSize(MUNICIPALITIES.size());
    cycle.signAll();

    assertThat(cycle.instance).hasPassed(AgreementProcess.EVENT_IN_FORCE, AgreementProcess.TASK_START_CITIZEN_PROMISES)
        .isWaitingAt(AgreementProcess.EVENT_FOUR_YEARS);
    List<ProcessInstance> promises = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(PromiseProcess.KEY).list();
    assertThat(promises).hasSize(MUNICIPALITIES.size());
    assertThat(promises.stream().map(p -> text(engine.getRuntimeService().getVariable(p.getId(), PromiseProcess.MUNICIPALITY))))
        .containsExactlyInAnyOrderElementsOf(MUNICIPALITIES);
    ProcessInstance lycksele = promises.stream()
        .filter(p -> "lycksele".equals(engine.getRuntimeService().getVariable(p.getId(), PromiseProcess.MUNICIPALITY)))
        .findFirst().orElseThrow();
    assertThat(lycksele).isWaitingAt(PromiseProcess.TASK_FORMULATE)
        .variables().containsEntry(PromiseProcess.AGREEMENT_INSTANCE, cycle.instance.getId());
    assertThat(text(engine.getRuntimeService().getVariable(lycksele.getId(), PromiseProcess.DIALOG_TEXT)))
        .contains("Trygghetsvandring");
    assertThat(text(engine.getRuntimeService().getVariable(lycksele.getId(), PromiseProcess.SITUATION_PICTURE)))
        .contains("Trygghetsmätning lycksele", "Otrygghet vid resecentrum");
  }

  @Test
  void shouldKeepASituationPictureLongerThanAStringVariableHolds() {
    AgreementScenario cycle = AgreementScenario.start(engine);
    String long3900 = "Otrygghet vid resecentrum. ".repeat(144);
    cycle.open(JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE).forEach(t -> cycle.complete(t, Variables.createVariables()
        .putValue("polisBrottsstatistik", long3900).putValue("polisHandelser", long3900).putValue("polisOtrygghet", long3900)
        .putValueTyped("kontroll", se.samverkan.FormData.ticked("samverkan-lagesbild-polis"))));
    for (String kommun : MUNICIPALITIES) {
      cycle.complete(cycle.openFor(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE, "samordnare-" + kommun),
          AgreementScenario.situationPicture(long3900));
    }

    assertThat(text(engine.getRuntimeService().getVariable(cycle.jointInstanceId(),
        JointSituationPictureProcess.SITUATION_PICTURE_SUMMARY))).hasSizeGreaterThan(8 * 3900);
    assertThatThrownBy(() -> cycle.complete(cycle.open(JointSituationPictureProcess.TASK_JOINT_ANALYSIS).get(0),
        AgreementScenario.analysis(List.of()).putValue("analysSammanfattning", long3900 + long3900)))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("«Sammanfattning av analysen» får vara högst 4000 tecken"));
  }

  @Test
  void shouldGoStraightToTheAgreementWhenNoMunicipalityHoldsADialog() {
    AgreementScenario cycle = AgreementScenario.start(engine).contributeSituationPictures().analyse(List.of());

    assertThat(cycle.instance).hasPassed(AgreementProcess.GATEWAY_DIALOG_PLANNED).hasNotPassed(AgreementProcess.TASK_CITIZEN_DIALOG)
        .isWaitingAt(AgreementProcess.TASK_DRAFT_AGREEMENT);
  }

  @Test
  void shouldReturnTheDraftWithTheReasonWhenAMunicipalityRejectsAndTakeEffectOnlyWhenAllSign() {
    AgreementScenario cycle = AgreementScenario.start(engine).contributeSituationPictures().analyse(List.of()).draft();

    cycle.sign("kommunledning-mala", "Malås åtgärder saknar tidplan.");

    assertThat(cycle.instance).hasPassed(AgreementProcess.GATEWAY_ALL_SIGNED).hasNotPassed(AgreementProcess.EVENT_IN_FORCE)
        .isWaitingAt(AgreementProcess.TASK_DRAFT_AGREEMENT);
    assertThat(text(engine.getRuntimeService().getVariable(cycle.instance.getId(), SignatureCollector.REJECTION_REASONS)))
        .contains("Kommunledning, Malå", "Malås åtgärder saknar tidplan.");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY).count())
        .isZero();

    cycle.draft().signAll();

    assertThat(cycle.instance).hasPassed(AgreementProcess.EVENT_IN_FORCE);
    JsonNode signatures = JsonVariables.toJson(
        engine.getRuntimeService().getVariable(cycle.instance.getId(), SignatureCollector.SIGNATURES));
    assertThat(signatures.size()).isEqualTo(MUNICIPALITIES.size() + 1);
    signatures.forEach(s -> assertThat(s.path("beslut").asText()).isEqualTo(SignatureCollector.SIGN));
  }

  @Test
  void shouldRefuseARejectionWithoutAReason() {
    AgreementScenario cycle = AgreementScenario.start(engine).contributeSituationPictures().analyse(List.of()).draft();
    Task police = cycle.openFor(AgreementProcess.TASK_SIGN_POLICE, "lpochef-" + LPO);

    assertThatThrownBy(() -> cycle.complete(police, AgreementScenario.signature(SignatureCollector.REJECT, null)))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("Skriv en motivering när du avslår"));
    assertThat(cycle.open(AgreementProcess.TASK_SIGN_POLICE)).hasSize(1);
  }

  @Test
  void shouldRefuseADraftThatLeavesOutAMunicipality() {
    AgreementScenario cycle = AgreementScenario.start(engine).contributeSituationPictures().analyse(List.of());
    Task draft = cycle.open(AgreementProcess.TASK_DRAFT_AGREEMENT).get(0);

    assertThatThrownBy(() -> cycle.complete(draft, AgreementScenario.draft(MUNICIPALITIES.subList(0, 6))))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("åtgärder saknas för Dorotea"));
    assertThat(cycle.instance).isWaitingAt(AgreementProcess.TASK_DRAFT_AGREEMENT);
  }

  @Test
  void shouldRefuseADialogInAMunicipalityOutsideTheLpoAndAnUnfinishedChecklist() {
    AgreementScenario cycle = AgreementScenario.start(engine).contributeSituationPictures();
    Task analysis = cycle.open(JointSituationPictureProcess.TASK_JOINT_ANALYSIS).get(0);

    assertThatThrownBy(() -> cycle.complete(analysis, AgreementScenario.analysis(List.of("umea"))))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("umea hör inte till lokalpolisområdet"));
    assertThatThrownBy(() -> cycle.complete(analysis, AgreementScenario.analysis(List.of())
        .putValueTyped("kontroll", se.samverkan.FormData.json(List.of("alla")))))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("bocka i alla punkter"));
    assertThat(cycle.open(JointSituationPictureProcess.TASK_JOINT_ANALYSIS)).hasSize(1);
    assertThat(cycle.instance).isWaitingAt(AgreementProcess.CALL_SITUATION_PICTURE);
  }

  @Test
  void shouldRefuseADialogOfAnotherFormatWithoutItsName() {
    AgreementScenario cycle = AgreementScenario.start(engine).contributeSituationPictures().analyse(List.of("mala"));
    Task dialog = cycle.openFor(AgreementProcess.TASK_CITIZEN_DIALOG, "samordnare-mala");

    assertThatThrownBy(() -> cycle.complete(dialog, AgreementScenario.dialog("annat")))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage).asString()
            .contains("«Vilket format?» måste fyllas i"));
    cycle.complete(dialog, AgreementScenario.dialog("annat").putValue("dialogAnnatFormat", "Digital frågestund"));
    assertThat(cycle.instance).isWaitingAt(AgreementProcess.TASK_DRAFT_AGREEMENT);
  }

  @Test
  void shouldFollowUpEveryYearAndStartTheNextCycleWhenTheFourYearsAreOver() {
    AgreementScenario cycle = AgreementScenario.start(engine).contributeSituationPictures().analyse(List.of()).draft().signAll();

    ClockUtil.setCurrentTime(at(START.plusYears(1).plusDays(1)));
    executeTimer(cycle.instance, AgreementProcess.EVENT_YEAR_PASSED);
    Task followUp = cycle.open(AgreementProcess.TASK_FOLLOW_UP).get(0);
    assertThat(followUp).hasCandidateGroup("kommunpolis-" + LPO);
    cycle.complete(followUp, AgreementScenario.followUp("Vuxenvandringar på fredagar"));
    assertThat(cycle.open(AgreementProcess.TASK_FOLLOW_UP)).isEmpty();

    ClockUtil.setCurrentTime(at(START.plusYears(2).plusDays(2)));
    executeTimer(cycle.instance, AgreementProcess.EVENT_YEAR_PASSED);
    assertThat(cycle.open(AgreementProcess.TASK_FOLLOW_UP)).hasSize(1);

    ClockUtil.setCurrentTime(at(START.plusYears(4).plusDays(1)));
    executeTimer(cycle.instance, AgreementProcess.EVENT_FOUR_YEARS);
    assertThat(cycle.instance).hasPassed(AgreementProcess.SUBPROCESS_PERIOD).isWaitingAt(AgreementProcess.TASK_CONCLUDE_PERIOD);
    assertThat(cycle.open(AgreementProcess.TASK_FOLLOW_UP)).as("the period's end closes an open follow-up").isEmpty();

    engine.getIdentityService().setAuthentication(AgreementScenario.KOMMUNPOLIS, List.of("kommunpolis-" + LPO));
    cycle.complete(cycle.open(AgreementProcess.TASK_CONCLUDE_PERIOD).get(0), AgreementScenario.conclusion("2031–2034"));

    assertThat(cycle.instance).isEnded().hasPassed(AgreementProcess.TASK_START_NEXT_CYCLE, AgreementProcess.END);
    ProcessInstance next = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(AgreementProcess.KEY).singleResult();
    assertThat(next.getBusinessKey()).isEqualTo("sodra-lappland 2031–2034");
    assertThat(next).isWaitingAt(AgreementProcess.CALL_SITUATION_PICTURE)
        .variables().containsEntry(AgreementProcess.PREVIOUS_CYCLE, cycle.instance.getId());
    Task nextPicture = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("sodra-lappland 2031–2034")
        .taskDefinitionKey(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE)
        .taskCandidateGroup("samordnare-storuman").singleResult();
    assertThat(text(engine.getTaskService().getVariableLocal(nextPicture.getId(), "andrasLardomar")))
        .contains("Vuxenvandringar på fredagar", "Fasta vandringar med polis och fritid", "Hela Södra Lappland");
  }

  @Test
  void shouldRecordPerMunicipalityWhenEachDutyOfTheLawWasMet() {
    AgreementScenario cycle = AgreementScenario.start(engine).contributeSituationPictures().analyse(List.of()).draft().signAll();
    ClockUtil.setCurrentTime(at(START.plusYears(1).plusDays(1)));
    executeTimer(cycle.instance, AgreementProcess.EVENT_YEAR_PASSED);
    cycle.complete(cycle.open(AgreementProcess.TASK_FOLLOW_UP).get(0), AgreementScenario.followUp("Vandringar"));

    for (String kommun : MUNICIPALITIES) {
      JsonNode record = new LawDutyRecords(engine.getHistoryService()).of(kommun);
      for (LawDuty duty : LawDuty.values()) {
        assertThat(record.path(duty.name()).path("datum").asText()).as(kommun + " " + duty).isNotBlank();
      }
      assertThat(record.path("uppfoljning").path("datum").asText()).startsWith("2028-01-12");
      assertThat(record.path("samordningsfunktion").path("funktion").asText()).isEqualTo("samordnare-" + kommun);
      assertThat(record.path("lagesbild").path("steg").asText()).contains("Gemensam analys");
    }
    JsonNode own = JsonVariables.toJson(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(cycle.instance.getId()).variableName(se.samverkan.lawduty.LawDuties.VARIABLE).singleResult().getValue());
    for (String kommun : MUNICIPALITIES) {
      assertThat(own.path(kommun).path("samordningsfunktion").path("funktion").asText())
          .as("the samverkansprocess' own lagkrav, from the called kommunens-lagesbild").isEqualTo("samordnare-" + kommun);
      assertThat(own.path(kommun).path("lagesbild").path("datum").asText()).isNotBlank();
    }
  }

  @Test
  void shouldKeepEveryMunicipalitysRawPictureOutOfTheSharedInstanceAndEveryOtherMunicipalitysPromise() {
    AgreementScenario cycle = AgreementScenario.start(engine).contributeSituationPictures().analyse(List.of("mala"))
        .holdDialog("mala", "trygghetsvandring").draft().signAll();

    List<String> shared = engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(cycle.instance.getId()).list().stream().map(v -> v.getName() + "=" + text(v.getValue())).toList();
    assertThat(shared).noneMatch(v -> v.contains("Trygghetsmätning")).noneMatch(v -> v.contains("nätdroger"));
    assertThat(shared).anyMatch(v -> v.startsWith(AgreementProcess.POLICE_SITUATION_PICTURE + "=") && v.contains("Resecentrum fredagskvällar"))
        .anyMatch(v -> v.startsWith(AgreementProcess.ANALYSIS_SUMMARY + "=") && v.contains("Otrygghet vid resecentrum"));
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(cycle.instance.getId())
        .variableNameLike("lagesbild%").count()).isZero();

    for (String kommun : MUNICIPALITIES) {
      String own = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(MunicipalSituationPictureProcess.KEY).variableValueEquals("kommun", kommun).singleResult().getId();
      List<String> values = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(own).list()
          .stream().map(v -> text(v.getValue())).toList();
      assertThat(values).anyMatch(v -> v.contains("Trygghetsmätning " + kommun))
          .noneMatch(v -> MUNICIPALITIES.stream().filter(o -> !o.equals(kommun)).anyMatch(o -> v.contains("Trygghetsmätning " + o)));
      ProcessInstance promise = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
          .variableValueEquals(PromiseProcess.MUNICIPALITY, kommun).singleResult();
      String situation = text(engine.getRuntimeService().getVariable(promise.getId(), PromiseProcess.SITUATION_PICTURE));
      assertThat(situation).contains("Trygghetsmätning " + kommun, "Otrygghet vid resecentrum");
      MUNICIPALITIES.stream().filter(o -> !o.equals(kommun))
          .forEach(o -> assertThat(situation).doesNotContain("Trygghetsmätning " + o));
    }
  }

  private void executeTimer(ProcessInstance instance, String activityId) {
    List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .activityId(activityId).timers().list();
    assertThat(jobs).as("timer at " + activityId).hasSize(1);
    engine.getManagementService().executeJob(jobs.get(0).getId());
  }

  /** The due timers of the cycle and the instances it called (the only ones in this engine). */
  private void executeDueJobs(ProcessInstance instance) {
    engine.getManagementService().createJobQuery().timers()
        .duedateLowerThan(ClockUtil.getCurrentTime()).list()
        .forEach(job -> engine.getManagementService().executeJob(job.getId()));
  }

  private List<String> groupsOf(List<Task> tasks) {
    return tasks.stream().flatMap(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).stream())
        .map(IdentityLink::getGroupId).toList();
  }

  static Date at(LocalDateTime time) {
    return Date.from(time.atZone(SwedishTime.ZONE).toInstant());
  }

  static Date plus(LocalDateTime time, Period period) {
    return at(time.plus(period));
  }

  static String text(Object variable) {
    return JsonVariables.textOf(variable);
  }
}
