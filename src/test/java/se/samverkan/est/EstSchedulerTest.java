package se.samverkan.est;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.samverkan.est.EstCycleProcess.*;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.transaction.support.TransactionOperations;
import se.samverkan.ProcessTestEngine;
import se.samverkan.organisation.Organisation;
import se.samverkan.engine.AfterReady;

@Deployment(resources = {"processes/est-cykel.bpmn", "processes/est-styrgrupp.bpmn", "forms/est-rapport.form",
    "forms/est-lagesbild.form", "forms/est-planering.form", "forms/est-insats.form", "forms/est-styrgrupp.form"})
class EstSchedulerTest extends EstTestSupport {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();


  Organisation organisation = ProcessTestEngine.organisation();
  EstSchedule schedule = EstTestBeans.schedule(organisation);
  EstScheduler scheduler = new EstScheduler(organisation, schedule, new EstPause(organisation), cycles,
      new EstReviews(schedule), runtimeService, managementService, TransactionOperations.withoutTransaction(),
      new AfterReady(false, Duration.ofMinutes(1)));

  @AfterEach
  void resume() {
    new EstPause(organisation).resume("lycksele", managementService);
  }

  @Test
  void shouldStartTheFirstCycleAndReviewOfEachActiveMunicipalityOnce() {
    ClockUtil.setCurrentTime(Date.from(EstScheduleTest.at(2026, 12, 2, 10, 0).toInstant()));

    List<String> started = scheduler.ensureRunning();

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).list())
        .extracting(ProcessInstance::getBusinessKey)
        .containsExactlyInAnyOrder("est-lycksele-2026-12-08T09:00", "est-mala-2026-12-09T13:00",
            "est-sorsele-2026-12-10T09:00", "est-storuman-2026-12-07T10:00", "est-vilhelmina-2026-12-09T09:00",
            "est-asele-2026-12-15T13:00");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(EstReviewProcess.KEY).count())
        .isEqualTo(6);
    assertThat(started).hasSize(12);
    assertThat(scheduler.ensureRunning()).as("a second run, e.g. on a second node").isEmpty();
  }

  @Test
  void shouldStartNoNewCycleWhilePausedAndResumeWithTheNextMeeting() {
    ClockUtil.setCurrentTime(Date.from(EstScheduleTest.at(2026, 12, 2, 10, 0).toInstant()));
    scheduler.ensureRunning();
    ProcessInstance first = runtimeService.createProcessInstanceQuery()
        .processInstanceBusinessKey("est-lycksele-2026-12-08T09:00").singleResult();
    startCollection(first);
    scheduler.pause("lycksele");

    ClockUtil.setCurrentTime((Date) runtimeService.getVariable(first.getId(), NEXT_CYCLE_START));
    managementService.executeJob(job(first, NEXT_CYCLE_TIMER).getId());

    assertThat(first).hasPassed(START_NEXT_CYCLE);
    assertThat(runtimeService.getVariable(first.getId(), NEXT_CYCLE)).isEqualTo(EstNextCycle.PAUSED);
    assertThat(scheduler.ensureRunning()).as("others' cycles, none of Lycksele's")
        .noneMatch(id -> "lycksele".equals(runtimeService.getVariable(id, KOMMUN)));
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("est-lycksele-2026-12-15T09:00")
        .count()).isZero();

    List<String> resumed = scheduler.resume("lycksele");

    assertThat(resumed).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(resumed.get(0)).singleResult()
        .getBusinessKey()).isEqualTo("est-lycksele-2026-12-15T09:00");
  }

  @Test
  void shouldStartNoCycleForAMunicipalityPausedInTheOrganisationFile() {
    ClockUtil.setCurrentTime(Date.from(EstScheduleTest.at(2026, 12, 2, 10, 0).toInstant()));

    scheduler.ensureRunning();

    assertThat(runtimeService.createProcessInstanceQuery().variableValueEquals(KOMMUN, "dorotea").count()).isZero();
  }

  @Test
  void shouldDueTheNextMeetingOnTheWorkingDayAfterAPublicHoliday() {
    ClockUtil.setCurrentTime(Date.from(EstScheduleTest.at(2025, 12, 24, 10, 0).toInstant()));

    ProcessInstance cycle = cycles.start(runtimeService, "lycksele", EstScheduleTest.at(2025, 12, 30, 9, 0), null);

    assertThat(runtimeService.getVariable(cycle.getId(), NEXT_MEETING))
        .isEqualTo(Date.from(EstScheduleTest.at(2026, 1, 7, 9, 0).toInstant()));
    assertThat(runtimeService.getVariable(cycle.getId(), NEXT_CYCLE_START))
        .isEqualTo(Date.from(EstScheduleTest.at(2026, 1, 1, 9, 0).toInstant()));
  }
}
