package se.samverkan.notification;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mails waiting to be sent. A process step only writes a row, in the step's own transaction: a
 * mail server that is down never fails or rolls back the step, and a rolled-back step sends no
 * mail. {@link MailDispatcher} sends the rows later and retries failures. The table is created by
 * the migration {@code db/migration/V5__samverkan_tables.sql}.
 */
public class MailOutbox {

  static final String TABLE = "samverkan_mail_outbox";

  private final JdbcTemplate jdbc;

  public MailOutbox(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public void add(MailKind kind, String userId, String email, String taskId, String subject, String body) {
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    jdbc.update("insert into " + TABLE + " (id, kind, recipient_user, recipient_email, task_id, subject, body, "
            + "created_at, attempts, next_attempt_at) values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
        UUID.randomUUID().toString(), kind.name(), userId, email, taskId, truncate(subject, 500), truncate(body, 8000),
        now, now);
  }

  public List<OutboxMail> due(Date now) {
    return jdbc.query("select id, kind, recipient_email, task_id, subject, body, attempts, next_attempt_at from " + TABLE
            + " where sent_at is null and next_attempt_at <= ? order by created_at, id",
        (rs, i) -> new OutboxMail(rs.getString("id"), MailKind.valueOf(rs.getString("kind")),
            rs.getString("recipient_email"), rs.getString("task_id"), rs.getString("subject"), rs.getString("body"),
            rs.getInt("attempts"), rs.getTimestamp("next_attempt_at")),
        new Timestamp(now.getTime()));
  }

  /**
   * Claims every due mail for one sender until {@code leaseUntil} and returns them: a row another
   * node claimed first is not due any more. A sender that dies leaves its mails to be sent again
   * after the lease (at least once).
   */
  public List<OutboxMail> claimDue(Date now, Date leaseUntil) {
    String token = UUID.randomUUID().toString();
    Timestamp lease = new Timestamp(leaseUntil.getTime());
    jdbc.update("update " + TABLE + " set claim_token = ?, next_attempt_at = ? where sent_at is null and next_attempt_at <= ?",
        token, lease, new Timestamp(now.getTime()));
    return jdbc.query("select id, kind, recipient_email, task_id, subject, body, attempts, next_attempt_at from " + TABLE
            + " where claim_token = ? and sent_at is null and next_attempt_at = ? order by created_at, id",
        (rs, i) -> new OutboxMail(rs.getString("id"), MailKind.valueOf(rs.getString("kind")),
            rs.getString("recipient_email"), rs.getString("task_id"), rs.getString("subject"), rs.getString("body"),
            rs.getInt("attempts"), rs.getTimestamp("next_attempt_at")),
        token, lease);
  }

  public void markSent(Collection<String> ids, Date now) {
    forChunks(ids, (placeholders, chunk) -> {
      List<Object> args = new java.util.ArrayList<>();
      args.add(new Timestamp(now.getTime()));
      args.addAll(chunk);
      jdbc.update("update " + TABLE + " set sent_at = ?, last_error = null where id in (" + placeholders + ")", args.toArray());
    });
  }

  public void markFailed(Collection<String> ids, String error, Date nextAttempt) {
    forChunks(ids, (placeholders, chunk) -> {
      List<Object> args = new java.util.ArrayList<>();
      args.add(new Timestamp(nextAttempt.getTime()));
      args.add(truncate(error, 1000));
      args.addAll(chunk);
      jdbc.update("update " + TABLE + " set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id in ("
          + placeholders + ")", args.toArray());
    });
  }

  private static void forChunks(Collection<String> ids, java.util.function.BiConsumer<String, List<String>> update) {
    List<String> all = List.copyOf(ids);
    for (int from = 0; from < all.size(); from += 500) {
      List<String> chunk = all.subList(from, Math.min(all.size(), from + 500));
      update.accept(String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")), chunk);
    }
  }

  /** Mails not yet sent, for the health of the outbox and for tests. */
  public int pending() {
    Integer count = jdbc.queryForObject("select count(*) from " + TABLE + " where sent_at is null", Integer.class);
    return count == null ? 0 : count;
  }

  private static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  /** One row of the outbox. */
  public record OutboxMail(String id, MailKind kind, String email, String taskId, String subject, String body,
      int attempts, Timestamp nextAttemptAt) {}
}
