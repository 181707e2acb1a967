package se.samverkan.directory;

import java.sql.Timestamp;
import java.time.Duration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One node syncs at a time: a lease on the one row of {@code samverkan_directory_lock} (migration V7).
 * A lease, not a row lock held in a transaction, because a sync reads the directories over the
 * network first: a second node skips instead of waiting, and a node that dies mid-sync leaves the
 * lease to expire. Wall-clock time (not the engine's clock, which tests move). Each statement is atomic on its own (auto-commit), so two nodes never both win.
 */
class DirectoryLock {

  private final JdbcTemplate jdbc;

  DirectoryLock(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes the lease for {@code holder} until now + {@code lease}; false when another holder has it. */
  boolean tryAcquire(String holder, Duration lease) {
    Timestamp now = now();
    return jdbc.update("update samverkan_directory_lock set holder = ?, locked_until = ? where id = 1 "
        + "and (holder is null or locked_until is null or locked_until < ?)", holder, until(lease), now) == 1;
  }

  /** Extends a held lease (between two sources of one sync). */
  void renew(String holder, Duration lease) {
    jdbc.update("update samverkan_directory_lock set locked_until = ? where id = 1 and holder = ?", until(lease), holder);
  }

  void release(String holder) {
    jdbc.update("update samverkan_directory_lock set holder = null, locked_until = null where id = 1 and holder = ?", holder);
  }

  private static Timestamp until(Duration lease) {
    return new Timestamp(System.currentTimeMillis() + lease.toMillis());
  }

  private static Timestamp now() {
    return new Timestamp(System.currentTimeMillis());
  }
}
