package se.samverkan.est;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.samverkan.est.EstCycleProcess.*;
import static se.samverkan.est.EstReviewProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ProcessTestEngine;
import se.samverkan.forms.FormValidationException;
import se.samverkan.process.JsonVariables;

@Deployment(resources = {"processes/est-cykel.bpmn", "processes/est-styrgrupp.bpmn", "forms/est-rapport.form",
    "forms/est-lagesbild.form", "forms/est-planering.form", "forms/est-insats.form", "forms/est-styrgrupp.form"})
class EstReviewTest extends EstTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();


  EstReviews reviews = new EstReviews(EstTestBeans.schedule(ProcessTestEngine.organisation()));

  @Test
  void shouldComputeTheQuartersFiguresFromTheRealCyclesAndShowThePrioritiesToTheNextCycles() {
    ProcessInstance review = reviews.start(runtimeService, "lycksele",
        EstTestBeans.schedule(ProcessTestEngine.organisation()).reviewPeriodOf("lycksele", MEETING.toInstant()));

    // meeting 1 (8 Dec): two reports missing, two interventions decided
    ProcessInstance first = startCycle(MEETING, null);
    Map<String, Task> reports = reportsOf(first);
    submitReport(reports.get("socialtjanst-lycksele"), "Busstationen\nTorget");
    submitReport(reports.get("skola-lycksele"), "Torget");
    submitNothingToReport(reports.get("fritid-lycksele"));
    passReportDeadline(first, MEETING);
    compileSituationPicture(openTasks(first, COMPILE_SITUATION_PICTURE).get(0));
    hold(first, "[]", """
        [{"vad":"Trygghetsvandring","var":"Torget","nar":"2026-12-11","ansvarig":"fritid-lycksele"},
         {"vad":"Extra belysning","var":"Gångtunneln","nar":"2026-12-14","ansvarig":"bostadsbolag-lycksele"}]""");
    openTasks(first, CARRY_OUT_INTERVENTION).forEach(t -> reportOutcome(t,
        "fritid-lycksele".equals(candidateGroup(t)) ? DONE : NOT_DONE, "Se mötet."));

    // meeting 2 (15 Dec): the same two missing; one done, one carried forward, one new
    ProcessInstance second = nextCycleOf(first);
    reports = reportsOf(second);
    submitReport(reports.get("socialtjanst-lycksele"), "Torget, Skolgården");
    submitReport(reports.get("skola-lycksele"), "busstationen");
    submitNothingToReport(reports.get("fritid-lycksele"));
    passReportDeadline(second, MEETING.plusWeeks(1));
    compileSituationPicture(openTasks(second, COMPILE_SITUATION_PICTURE).get(0));
    hold(second, """
        [{"utfall":"genomford","effekt":"Lugnt"},{"utfall":"ej-genomford","effekt":"Ej levererat","foraVidare":true}]""",
        """
        [{"vad":"Föräldravandring","var":"Skolgården","nar":"2026-12-18","ansvarig":"skola-lycksele"}]""");

    // meeting 3 (22 Dec) has started but is not held within the quarter
    nextCycleOf(second);

    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2027, 1, 1, 0, 0, 0, 0, SWEDEN).toInstant()));
    managementService.executeJob(job(review, PERIOD_END).getId());

    assertThat(review).isWaitingAt(REVIEW);
    Map<String, Object> figures = runtimeService.getVariables(review.getId());
    assertThat(figures.get(MEETINGS_HELD)).isEqualTo(2);
    assertThat(figures.get(INTERVENTIONS_DECIDED)).isEqualTo(3);
    assertThat(figures.get(INTERVENTIONS_DONE)).isEqualTo(1);
    JsonNode missing = JsonVariables.toJson(figures.get(MISSING_PER_FUNCTION));
    assertThat(missing.path("Räddningstjänst").asInt()).isEqualTo(2);
    assertThat(missing.path("Bostadsbolag").asInt()).isEqualTo(2);
    assertThat(missing.path("Socialtjänst").asInt()).isZero();
    JsonNode places = JsonVariables.toJson(figures.get(RECURRING_PLACES));
    assertThat(places.get(0).path("plats").asText()).isEqualTo("Torget");
    assertThat(places.get(0).path("antal").asInt()).isEqualTo(3);
    assertThat(places.get(1).path("plats").asText()).isEqualTo("Busstationen");
    assertThat(places.get(1).path("antal").asInt()).isEqualTo(2);
    assertThat(figures.get(YEARLY)).isEqualTo(true);
    assertThat((String) figures.get(SUMMARY_TEXT)).contains("EST-möten hållna: **2**", "Torget (3)");
    assertThat(taskService.getIdentityLinksForTask(openTasks(review, REVIEW).get(0).getId()))
        .extracting(link -> link.getGroupId())
        .containsExactlyInAnyOrder("samordnare-lycksele", "kommunpolis-sodra-lappland", "kommunledning-lycksele");
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("est-styrgrupp-lycksele-2027-01-01")
        .count()).as("the next quarter's review").isEqualTo(1);

    Task reviewTask = openTasks(review, REVIEW).get(0);
    Map<String, Object> decision = new HashMap<>(Map.of(EstReviewProcess.PRIORITIES, "Torget kvällstid före skolgårdarna.",
        "genomgangKontroll", se.samverkan.FormData.ticked("est-styrgrupp", "genomgangKontroll")));
    assertThatThrownBy(() -> taskService.complete(reviewTask.getId(), decision))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get().extracting(Throwable::getMessage)
            .asString().contains("«Årlig fördjupad analys» måste fyllas i"));
    decision.put("arsanalys", "Torget har återkommit hela året.");
    taskService.complete(reviewTask.getId(), decision);
    assertThat(review).hasPassed(REVIEWED);

    ProcessInstance january = cycles.start(runtimeService, "lycksele",
        ZonedDateTime.of(2027, 1, 12, 9, 0, 0, 0, SWEDEN), null);
    assertThat((String) runtimeService.getVariable(january.getId(), EstCycleProcess.PRIORITIES))
        .contains("Torget kvällstid före skolgårdarna.", "2026-10-01 – 2026-12-31");
  }

  Map<String, Task> reportsOf(ProcessInstance cycle) {
    Map<String, Task> reports = new HashMap<>();
    openTasks(cycle, SUBMIT_REPORT).forEach(t -> reports.put(candidateGroup(t), t));
    return reports;
  }

  void passReportDeadline(ProcessInstance cycle, ZonedDateTime meeting) {
    ClockUtil.setCurrentTime(Date.from(meeting.minusDays(1).plusMinutes(1).toInstant()));
    managementService.executeJob(job(cycle, REPORT_DEADLINE).getId());
  }
}
