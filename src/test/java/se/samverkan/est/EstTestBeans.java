package se.samverkan.est;

import java.util.HashMap;
import java.util.Map;
import se.samverkan.organisation.Organisation;

/** The EST beans as the process tests' engine sees them, built as Spring builds them. */
public final class EstTestBeans {

  private EstTestBeans() {}

  public static EstSchedule schedule(Organisation organisation) {
    return new EstSchedule(organisation, se.samverkan.ProcessTestEngine.WORKING_DAYS, EstSettings.defaults());
  }

  public static Map<String, Object> beans(Organisation organisation) {
    EstSchedule schedule = schedule(organisation);
    EstPause pause = new EstPause(organisation);
    EstCycles cycles = new EstCycles(schedule);
    Map<String, Object> beans = new HashMap<>();
    beans.put("estActors", new EstActors(organisation));
    beans.put("estCyclePreparation", new EstCyclePreparation(organisation, schedule));
    beans.put("estNextCycle", new EstNextCycle(cycles, pause, schedule));
    beans.put("estReportRules", new EstReportRules());
    beans.put("estReportCollector", new EstReportCollector(organisation));
    beans.put("estReportStatus", new EstReportStatus(organisation));
    beans.put("estFollowUp", new EstFollowUp());
    beans.put("estPlanningRules", new EstPlanningRules(schedule));
    beans.put("estInterventions", new EstInterventionRegistration(schedule));
    beans.put("estInterventionOutcome", new EstInterventionOutcome());
    beans.put("estNextReview", new EstNextReview(new EstReviews(schedule), pause));
    beans.put("estReviewSummary", new EstReviewSummary(organisation, schedule));
    beans.put("estReviewRules", new EstReviewRules());
    return beans;
  }
}
