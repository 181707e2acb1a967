package se.samverkan.est;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.engine.AfterReady;

/**
 * Once the application is ready (and after a resume): every municipality with a cadence that is
 * not paused and has no upcoming cycle gets its next cycle, and its styrgrupp review of the
 * current period. From then on each cycle starts the next one by its own timer. Idempotent, also
 * with several nodes on one database: the check-and-start runs in one transaction that first
 * updates a shared engine property, so a second node waits for the first and then finds its cycles.
 */
@Component
public class EstScheduler {

  static final String LOCK_PROPERTY = "samverkan.est.scheduler";
  private static final int ATTEMPTS = 5;

  private static final Logger log = LoggerFactory.getLogger(EstScheduler.class);

  private final Organisation organisation;
  private final EstSchedule schedule;
  private final EstPause pause;
  private final EstCycles cycles;
  private final EstReviews reviews;
  private final RuntimeService runtime;
  private final ManagementService management;
  private final TransactionOperations transaction;
  private final AfterReady afterReady;

  public EstScheduler(Organisation organisation, EstSchedule schedule, EstPause pause, EstCycles cycles,
      EstReviews reviews, RuntimeService runtime, ManagementService management, TransactionOperations transaction,
      AfterReady afterReady) {
    this.organisation = organisation;
    this.schedule = schedule;
    this.pause = pause;
    this.cycles = cycles;
    this.reviews = reviews;
    this.runtime = runtime;
    this.management = management;
    this.transaction = transaction;
    this.afterReady = afterReady;
  }

  /** Once the application is ready (in the background, see AfterReady): start what is missing. */
  @EventListener(ApplicationReadyEvent.class)
  public void runWhenReady() {
    if (schedule.settings().schedulerOnStartup()) {
      afterReady.run("EST-schemaläggaren", this::ensureRunning);
    }
  }

  /** Starts what is missing; returns the ids of the process instances it started. */
  public List<String> ensureRunning() {
    for (int attempt = 1; ; attempt++) {
      try {
        return transaction.execute(status -> startMissing());
      } catch (ProcessEngineException e) {
        // another node held the lock and changed it (optimistic locking, lock timeout, first insert)
        if (attempt == ATTEMPTS) {
          throw e;
        }
        log.info("EST-schemaläggaren körs samtidigt på en annan nod; försöker igen ({})", e.getMessage());
        try {
          Thread.sleep(250L * attempt);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** Pause a municipality's EST at runtime (all nodes): no new cycles until resumed. */
  public void pause(String kommun) {
    pause.pause(kommun, management);
  }

  /** Resume a municipality's EST and start its next cycle now if none is upcoming. */
  public List<String> resume(String kommun) {
    pause.resume(kommun, management);
    return ensureRunning();
  }

  private List<String> startMissing() {
    management.setProperty(LOCK_PROPERTY, Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).toString());
    Instant now = ClockUtil.getCurrentTime().toInstant();
    List<String> started = new ArrayList<>();
    // read once for all municipalities (a national organisation has 290)
    Map<String, String> properties = management.getProperties();
    Set<String> withCycle = cycles.municipalitiesWithUpcomingCycle(runtime, now);
    Set<String> withReview = reviews.municipalitiesWithUpcomingReview(runtime, now);
    for (Municipality municipality : organisation.municipalities()) {
      String kommun = municipality.slug();
      if (!schedule.hasCadence(kommun) || pause.isPaused(kommun, properties)) {
        continue;
      }
      if (!withCycle.contains(kommun)) {
        Optional<String> id = firstMeetingAfter(kommun, now)
            .map(meeting -> cycles.start(runtime, kommun, meeting, null).getId());
        id.ifPresent(started::add);
      }
      if (!withReview.contains(kommun)) {
        started.add(reviews.start(runtime, kommun, schedule.reviewPeriodOf(kommun, now)).getId());
      }
    }
    if (!started.isEmpty()) {
      log.info("EST-schemaläggaren startade {} processinstanser", started.size());
    }
    return started;
  }

  /** The first meeting whose reports are still due: a cycle that starts late keeps its collection. */
  private Optional<java.time.ZonedDateTime> firstMeetingAfter(String kommun, Instant now) {
    Optional<java.time.ZonedDateTime> meeting = schedule.nextMeetingAfter(kommun, now);
    while (meeting.isPresent() && !schedule.reportDeadline(kommun, meeting.get()).toInstant().isAfter(now)) {
      meeting = schedule.nextMeetingAfter(kommun, meeting.get().toInstant());
    }
    return meeting;
  }
}
