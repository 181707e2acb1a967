package se.samverkan.est;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.samverkan.est.EstCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ProcessTestEngine;
import se.samverkan.forms.FormValidationException;

@Deployment(resources = {"processes/est-cykel.bpmn", "forms/est-rapport.form", "forms/est-lagesbild.form",
    "forms/est-planering.form", "forms/est-insats.form"})
class EstCycleTest extends EstTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();


  @Test
  void shouldRunAFullCycleFromReportsThroughPlanningToInterventions() {
    ProcessInstance cycle = startCycle(MEETING, null);

    assertThat(cycle).isWaitingAt(SUBMIT_REPORT);
    List<Task> reports = openTasks(cycle, SUBMIT_REPORT);
    assertThat(reports).extracting(this::candidateGroup).containsExactlyInAnyOrder("socialtjanst-lycksele",
        "skola-lycksele", "fritid-lycksele", "raddningstjanst-lycksele", "bostadsbolag-lycksele");
    assertThat(reports.get(0).getDueDate()).isEqualTo(Date.from(MEETING.minusDays(1).toInstant()));

    reports.forEach(task -> submitReport(task, "Busstationen\nTorget"));

    assertThat(cycle).isWaitingAt(COMPILE_SITUATION_PICTURE);
    Task situation = openTasks(cycle, COMPILE_SITUATION_PICTURE).get(0);
    assertThat(candidateGroup(situation)).isEqualTo("samordnare-lycksele");
    assertThat(situation.getName()).isEqualTo("Sammanställ lokal lägesbild – EST Lycksele 8 december");
    assertThat((String) runtimeService.getVariable(cycle.getId(), REPORT_OVERVIEW))
        .contains("Inlämnade rapporter: 5 av 5", "Socialtjänst", "Busstationen").doesNotContain("SAKNAS")
        // the report form's labels, not the stored values
        .contains("Händelsetyper: Skadegörelse och klotter, Ordningsstörning").doesNotContain("skadegorelse");
    compileSituationPicture(situation);

    assertThat(cycle).isWaitingAt(JOINT_PLANNING);
    assertThat(runtimeService.getVariable(cycle.getId(), HAS_FOLLOW_UP)).isEqualTo(false);
    hold(cycle, "[]", """
        [{"vad":"Trygghetsvandring","var":"Busstationen","nar":"2026-12-11","ansvarig":"fritid-lycksele"},
         {"vad":"Extra belysning","var":"Torget","nar":"2026-12-14","ansvarig":"bostadsbolag-lycksele"}]""");

    List<Task> interventions = openTasks(cycle, CARRY_OUT_INTERVENTION);
    assertThat(interventions).extracting(this::candidateGroup)
        .containsExactlyInAnyOrder("fritid-lycksele", "bostadsbolag-lycksele");
    assertThat(interventions).extracting(Task::getName).as("named for the intervention, municipality and meeting")
        .containsExactlyInAnyOrder("Genomför beslutad insats: Trygghetsvandring – EST Lycksele 8 december",
            "Genomför beslutad insats: Extra belysning – EST Lycksele 8 december");
    assertThat(interventions.get(0).getDueDate()).isEqualTo(Date.from(MEETING.plusWeeks(1).toInstant()));
    interventions.forEach(task -> reportOutcome(task, DONE, "Lugnt under kvällen."));

    assertThat(cycle).hasPassed(INTERVENTIONS_REPORTED);
    assertThat(cycle).isWaitingAt(NEXT_CYCLE_TIMER);
  }

  @Test
  void shouldMarkMissingReportsAndHoldTheMeetingAnyway() {
    ProcessInstance cycle = startCycle(MEETING, null);
    Map<String, Task> reports = new java.util.HashMap<>();
    openTasks(cycle, SUBMIT_REPORT).forEach(t -> reports.put(candidateGroup(t), t));
    submitReport(reports.get("socialtjanst-lycksele"), "Torget");
    submitNothingToReport(reports.get("skola-lycksele"));

    ClockUtil.setCurrentTime(Date.from(MEETING.minusDays(1).plusMinutes(1).toInstant()));
    managementService.executeJob(job(cycle, REPORT_DEADLINE).getId());

    assertThat(cycle).hasPassed(REPORT_DEADLINE).isWaitingAt(COMPILE_SITUATION_PICTURE);
    assertThat(taskService.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(SUBMIT_REPORT).count())
        .isZero();
    assertThat(json(cycle, MISSING_REPORTS)).extracting(JsonNode::asText)
        .containsExactly("fritid", "raddningstjanst", "bostadsbolag");
    assertThat((String) runtimeService.getVariable(cycle.getId(), REPORT_OVERVIEW))
        .contains("Inlämnade rapporter: 2 av 5", "Fritid – SAKNAS", "Räddningstjänst – SAKNAS",
            "Inget att rapportera denna period");
  }

  @Test
  void shouldRemindTheActorsWhoseReportsAreLate() {
    ProcessInstance cycle = startCycle(MEETING, null);
    submitNothingToReport(openTasks(cycle, SUBMIT_REPORT).get(0));

    // The cycle starts Wednesday 2 December, six days before the meeting; the reminder comes one
    // Swedish working day later, on Thursday, well before the report deadline on Monday.
    Date reminderTime = Date.from(ZonedDateTime.of(2026, 12, 3, 9, 0, 0, 0, MEETING.getZone()).toInstant());
    ClockUtil.setCurrentTime(reminderTime);
    List<Job> due = managementService.createJobQuery().processInstanceId(cycle.getId()).timers()
        .duedateLowerThan(new Date(reminderTime.getTime() + 60_000)).list();
    due.forEach(job -> managementService.executeJob(job.getId()));

    assertThat(due).hasSize(4);
    assertThat(openTasks(cycle, SUBMIT_REPORT)).hasSize(4)
        .allSatisfy(t -> assertThat(taskService.getVariableLocal(t.getId(), "paminnelser")).isEqualTo(1));
  }

  @Test
  void shouldRefuseAnEmptyReportInSwedish() {
    ProcessInstance cycle = startCycle(MEETING, null);
    Task report = openTasks(cycle, SUBMIT_REPORT).get(0);

    assertThatThrownBy(() -> taskService.complete(report.getId(), Variables.createVariables()
        .putValue(NOTHING_TO_REPORT, false)))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage)
            .asString().contains("eller kryssa i «Inget att rapportera»"));
  }

  @Test
  void shouldRefuseASituationPictureWhoseChecklistIsNotFullyTicked() {
    ProcessInstance cycle = startCycle(MEETING, null);
    openTasks(cycle, SUBMIT_REPORT).forEach(this::submitNothingToReport);
    Task situation = openTasks(cycle, COMPILE_SITUATION_PICTURE).get(0);

    assertThatThrownBy(() -> taskService.complete(situation.getId(), Variables.createVariables()
        .putValue(HOT_SPOTS, "Busstationen fredagskvällar")
        .putValue("lagesbildNytt", "Fler rapporter om skadegörelse")
        .putValueTyped("lagesbildKontroll", org.camunda.spin.plugin.variable.SpinValues
            .jsonValue("[\"rapporter-lasta\",\"saknade-noterade\",\"jamfort\"]").create())))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage)
            .asString().contains("«Checklista»: bocka i alla punkter", "Inga uppgifter om enskilda personer"));
    assertThat(openTasks(cycle, COMPILE_SITUATION_PICTURE)).as("the situation picture is still open").hasSize(1);
    assertThat(taskService.getVariable(situation.getId(), HOT_SPOTS)).as("nothing of the refused completion stays")
        .isNull();
  }

  @Test
  void shouldRefuseAnInterventionWithoutAResponsibleFunctionOfTheMunicipality() {
    ProcessInstance cycle = startCycle(MEETING, null);
    openTasks(cycle, SUBMIT_REPORT).forEach(this::submitNothingToReport);
    compileSituationPicture(openTasks(cycle, COMPILE_SITUATION_PICTURE).get(0));
    Task planning = openTasks(cycle, JOINT_PLANNING).get(0);

    assertThatThrownBy(() -> taskService.complete(planning.getId(), planningVariables("[]", """
        [{"vad":"Trygghetsvandring","var":"Torget","nar":"2026-12-30","ansvarig":"skola-sorsele"}]""")))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage)
            .asString().contains("Insatser, rad 1: välj en ansvarig funktion i kommunens EST-grupp.",
                "«När» ska ligga senast vid nästa möte (2026-12-15)."));
  }

  @Test
  void shouldStartTheNextCycleByItselfAndFollowUpThePreviousMeetingsInterventions() {
    ProcessInstance first = startCycle(MEETING, null);
    openTasks(first, SUBMIT_REPORT).forEach(t -> submitReport(t, "Torget"));
    compileSituationPicture(openTasks(first, COMPILE_SITUATION_PICTURE).get(0));
    hold(first, "[]", """
        [{"vad":"Trygghetsvandring","var":"Torget","nar":"2026-12-11","ansvarig":"fritid-lycksele"}]""");

    ZonedDateTime nextMeeting = MEETING.plusWeeks(1);
    ClockUtil.setCurrentTime(Date.from(nextMeeting.minusDays(6).toInstant()));
    managementService.executeJob(job(first, NEXT_CYCLE_TIMER).getId());

    assertThat(first).hasPassed(START_NEXT_CYCLE).isActive();
    ProcessInstance second = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey(EstCycles.businessKey("lycksele", nextMeeting)).singleResult();
    assertThat(second).isNotNull();
    assertThat(runtimeService.getVariable(second.getId(), PREVIOUS_CYCLE)).isEqualTo(first.getId());
    startCollection(second);
    assertThat(openTasks(second, SUBMIT_REPORT)).hasSize(5);
    // the cycles overlap: the first meeting's intervention is still being carried out
    assertThat(openTasks(first, CARRY_OUT_INTERVENTION)).hasSize(1);

    reportOutcome(openTasks(first, CARRY_OUT_INTERVENTION).get(0), PARTLY_DONE, "Två av tre kvällar.");
    assertThat(first).isEnded();

    assertThat((String) runtimeService.getVariable(second.getId(), PREVIOUS_SITUATION_PICTURE))
        .contains("Busstationen fredagskvällar");
    openTasks(second, SUBMIT_REPORT).forEach(this::submitNothingToReport);
    compileSituationPicture(openTasks(second, COMPILE_SITUATION_PICTURE).get(0));
    assertThat(runtimeService.getVariable(second.getId(), HAS_FOLLOW_UP)).isEqualTo(true);
    JsonNode followUp = json(second, FOLLOW_UP);
    assertThat(followUp).hasSize(1);
    assertThat(followUp.get(0).path("vad").asText()).isEqualTo("Trygghetsvandring");
    assertThat(followUp.get(0).path("utfall").asText()).isEqualTo(PARTLY_DONE);
    assertThat(followUp.get(0).path("rapporteratUtfall").asText()).isEqualTo("Delvis genomförd: Två av tre kvällar.");

    hold(second, """
        [{"vad":"Trygghetsvandring","utfall":"delvis","effekt":"Lugnare på torget","foraVidare":false}]""", "[]");
    assertThat(second).hasPassed(NO_INTERVENTIONS);
    assertThat(json(second, EstInterventionRegistration.FOLLOW_UP_RESULT).get(0).path("effekt").asText())
        .isEqualTo("Lugnare på torget");
  }

  @Test
  void shouldCarryAnInterventionNotDoneForwardIntoTheNextCycle() {
    ProcessInstance first = startCycle(MEETING, null);
    openTasks(first, SUBMIT_REPORT).forEach(this::submitNothingToReport);
    compileSituationPicture(openTasks(first, COMPILE_SITUATION_PICTURE).get(0));
    hold(first, "[]", """
        [{"vad":"Extra belysning","var":"Gångtunneln","nar":"2026-12-14","ansvarig":"bostadsbolag-lycksele"}]""");
    reportOutcome(openTasks(first, CARRY_OUT_INTERVENTION).get(0), NOT_DONE, "Leverantören har inte levererat.");

    ProcessInstance second = nextCycleOf(first);
    openTasks(second, SUBMIT_REPORT).forEach(this::submitNothingToReport);
    compileSituationPicture(openTasks(second, COMPILE_SITUATION_PICTURE).get(0));
    assertThat(json(second, FOLLOW_UP).get(0).path("utfall").asText()).isEqualTo(NOT_DONE);

    assertThatThrownBy(() -> taskService.complete(openTasks(second, JOINT_PLANNING).get(0).getId(),
        planningVariables("[{\"utfall\":\"genomford\",\"foraVidare\":true}]", "[]")))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage)
            .asString().contains("en genomförd insats kan inte föras vidare"));

    hold(second, "[{\"utfall\":\"ej-genomford\",\"effekt\":\"Väntar på leverans\",\"foraVidare\":true}]", "[]");

    List<Task> carried = openTasks(second, CARRY_OUT_INTERVENTION);
    assertThat(carried).hasSize(1);
    assertThat(candidateGroup(carried.get(0))).isEqualTo("bostadsbolag-lycksele");
    assertThat(taskService.getVariable(carried.get(0).getId(), "insatsVad")).isEqualTo("Extra belysning");
    assertThat(taskService.getVariable(carried.get(0).getId(), "insatsOverford")).isEqualTo(true);
    assertThat(taskService.getVariable(carried.get(0).getId(), INTERVENTION_ID)).isEqualTo("lycksele-2026-12-08T0900-1");

    reportOutcome(carried.get(0), DONE, "Belysningen är uppe.");
    ProcessInstance third = nextCycleOf(second);
    openTasks(third, SUBMIT_REPORT).forEach(this::submitNothingToReport);
    compileSituationPicture(openTasks(third, COMPILE_SITUATION_PICTURE).get(0));
    JsonNode followUp = json(third, FOLLOW_UP);
    assertThat(followUp).hasSize(1);
    assertThat(followUp.get(0).path("vad").asText()).isEqualTo("Extra belysning");
    assertThat(followUp.get(0).path("franMote").asText()).isEqualTo("2026-12-08");
    assertThat(followUp.get(0).path("utfall").asText()).isEqualTo(DONE);
  }
}
