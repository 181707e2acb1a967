package se.samverkan.est;

import java.time.ZonedDateTime;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;

/**
 * EST cycles as the tests need them: the tests' job executor is off, so the timer "Cykelns start"
 * (EstCycleProcess.CYCLE_START_TIMER), which opens the actors' report tasks, is run by hand.
 */
public final class EstTestCycles {

  private EstTestCycles() {}

  /** A new cycle of the municipality for the meeting, its report tasks open. */
  public static ProcessInstance withOpenReports(EstCycles cycles, RuntimeService runtime, ManagementService management,
      String kommun, ZonedDateTime meeting) {
    ProcessInstance cycle = cycles.start(runtime, kommun, meeting, null);
    openReports(management, cycle.getId());
    return cycle;
  }

  /** Runs the cycle's start timer: its report tasks open. */
  public static void openReports(ManagementService management, String cycleId) {
    management.executeJob(management.createJobQuery().processInstanceId(cycleId)
        .activityId(EstCycleProcess.CYCLE_START_TIMER).singleResult().getId());
  }
}
