package se.samverkan.est;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the styrgrupp's review of a period, one per municipality and period. */
public class EstReviews {

  private static final Logger log = LoggerFactory.getLogger(EstReviews.class);

  private final EstSchedule schedule;

  /** A review's business key: {@code est-styrgrupp-<kommun>-<the period's first day>}. */
  static final String BUSINESS_KEY_PREFIX = "est-styrgrupp-";

  /**
   * A LIKE pattern for the municipality's reviews (its slug escaped with Camunda's escape character,
   * a backslash), to be narrowed by {@link #isReviewOf}: {@code umea-%} would also find {@code umea-norra-…}.
   */
  static String businessKeyLike(String kommun) {
    return (BUSINESS_KEY_PREFIX + kommun + "-").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** Whether the business key is one of the municipality's reviews. */
  static boolean isReviewOf(String businessKey, String kommun) {
    String prefix = BUSINESS_KEY_PREFIX + kommun + "-";
    return businessKey != null && businessKey.startsWith(prefix)
        && businessKey.substring(prefix.length()).matches("\\d{4}-\\d{2}-\\d{2}");
  }

  public EstReviews(EstSchedule schedule) {
    this.schedule = schedule;
  }

  public ProcessInstance start(RuntimeService runtime, String kommun, EstSchedule.ReviewPeriod period) {
    String businessKey = BUSINESS_KEY_PREFIX + kommun + "-" + period.start().toLocalDate();
    List<ProcessInstance> existing = runtime.createProcessInstanceQuery()
        .processDefinitionKey(EstReviewProcess.KEY).processInstanceBusinessKey(businessKey).list();
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    log.info("EST: styrgruppens genomgång för {} av perioden {} – {}", kommun, period.start().toLocalDate(),
        period.end().toLocalDate().minusDays(1));
    return runtime.startProcessInstanceByKey(EstReviewProcess.KEY, businessKey, Variables.createVariables()
        .putValue(EstReviewProcess.KOMMUN, kommun)
        .putValue(EstReviewProcess.PERIOD_START, Date.from(period.start().toInstant()))
        .putValue(EstReviewProcess.PERIOD_END_AT, Date.from(period.end().toInstant()))
        .putValue(EstReviewProcess.YEARLY, period.closesTheYear()));
  }

  /** Whether a review waits for the end of a period (the chain of reviews is alive). */
  /** The municipalities whose styrgrupp has a review whose period has not ended yet. */
  public Set<String> municipalitiesWithUpcomingReview(RuntimeService runtime, Instant now) {
    Set<String> instances = new HashSet<>();
    runtime.createProcessInstanceQuery().processDefinitionKey(EstReviewProcess.KEY)
        .variableValueGreaterThan(EstReviewProcess.PERIOD_END_AT, Date.from(now))
        .list().forEach(instance -> instances.add(instance.getId()));
    return EstCycles.variableValues(runtime, instances, EstReviewProcess.KOMMUN);
  }

  public EstSchedule schedule() {
    return schedule;
  }
}
