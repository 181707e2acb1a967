package se.samverkan.handover;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.samverkan.security.WebSessions;
import se.samverkan.engine.AfterReady;

/**
 * Runs the membership reconciliation and the vacancy check once the application is ready (in the
 * background, see AfterReady; the organisation's groups and users exist by then) and every
 * samverkan.handover.reconcile-interval. Each person's departure, the recording of new holders and
 * the vacancy check run in transactions of their own, each holding a row lock so that several nodes
 * on one database never run the same part at the same time; one that fails leaves the others done.
 * Once a departure is committed, the person's web sessions on this node end (WebSessions); on other
 * nodes the webapps' group cache expires within the same interval (application.yaml).
 */
public class FunctionReconciliation {

  /** Created with its one row (id 1) by the migration {@code db/migration/V5__samverkan_tables.sql}. */
  static final String LOCK_TABLE = "samverkan_reconciliation_lock";
  private static final Logger log = LoggerFactory.getLogger(FunctionReconciliation.class);

  private final MembershipReconciler reconciler;
  private final VacancyMonitor vacancies;
  private final TransactionTemplate transaction;
  private final JdbcTemplate jdbc;
  private final AfterReady afterReady;
  private final WebSessions sessions;

  public FunctionReconciliation(MembershipReconciler reconciler, VacancyMonitor vacancies,
      PlatformTransactionManager transactionManager, JdbcTemplate jdbc, AfterReady afterReady, WebSessions sessions) {
    this.sessions = sessions;
    this.reconciler = reconciler;
    this.vacancies = vacancies;
    this.transaction = new TransactionTemplate(transactionManager);
    this.jdbc = jdbc;
    this.afterReady = afterReady;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void runWhenReady() {
    afterReady.run("avstämningen av funktionerna", () -> {
      List<String> vacant = run().vacantFunctions();
      if (!vacant.isEmpty()) {
        log.warn("Funktioner utan innehavare vid start: {}", vacant);
      }
    });
  }

  @Scheduled(initialDelayString = "${samverkan.handover.reconcile-interval}",
      fixedDelayString = "${samverkan.handover.reconcile-interval}")
  public void scheduled() {
    run();
  }

  /** What one run did. */
  public record Outcome(MembershipReconciler.Result membership, List<String> vacantFunctions) {}

  public synchronized Outcome run() {
    long t0 = System.nanoTime();
    MembershipReconciler.Result membership = reconciler.reconcile(unit -> transaction.executeWithoutResult(status -> {
      lock();
      unit.run();
    }));
    membership.departed().stream().map(MembershipReconciler.Departure::userId).distinct()
        .forEach(sessions::endSessionsOf);
    long t1 = System.nanoTime();
    List<String> vacant = vacancies.check(unit -> transaction.executeWithoutResult(status -> {
      lock();
      unit.run();
    }));
    log.debug("Avstämning av funktionerna: medlemskap {} ms, vakanser {} ms", (t1 - t0) / 1_000_000,
        (System.nanoTime() - t1) / 1_000_000);
    return new Outcome(membership, vacant);
  }

  private void lock() {
    jdbc.queryForList("select id from " + LOCK_TABLE + " where id = 1 for update");
  }
}
