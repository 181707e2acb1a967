package se.samverkan.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import se.samverkan.notification.MailOutbox.OutboxMail;

class MailDispatcherTest {

  private final JdbcTemplate jdbc = withSamverkanTables(new JdbcTemplate(
      new DriverManagerDataSource("jdbc:h2:mem:mail-dispatcher-test-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "")));
  private final MailOutbox outbox = new MailOutbox(jdbc);
  private final List<String[]> sent = new ArrayList<>();
  private boolean serverDown;
  private final MailDispatcher dispatcher = new MailDispatcher(outbox, (to, subject, body) -> {
    if (serverDown) {
      throw new IllegalStateException("Connection refused");
    }
    sent.add(new String[] {to, subject, body});
  }, Duration.ofMinutes(1));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldBundleTheMailsOfOneKindToOnePersonIntoOneMessage() {
    outbox.add(MailKind.NEW_TASK, "a", "a@example.se", "t1", "Ny uppgift: Ett", "Ett");
    outbox.add(MailKind.NEW_TASK, "a", "a@example.se", "t2", "Ny uppgift: Två", "Två");
    outbox.add(MailKind.REMINDER, "a", "a@example.se", "t1", "Påminnelse: Ett", "Påminn");
    outbox.add(MailKind.NEW_TASK, "b", "b@example.se", "t1", "Ny uppgift: Ett", "Ett");

    assertThat(dispatcher.dispatch()).isEqualTo(3);

    assertThat(sent).extracting(m -> m[0] + " " + m[1]).containsExactlyInAnyOrder(
        "a@example.se 2 nya uppgifter i Samverkan", "a@example.se Påminnelse: Ett", "b@example.se Ny uppgift: Ett");
    assertThat(outbox.pending()).isZero();
    assertThat(dispatcher.dispatch()).as("nothing twice").isZero();
  }

  @Test
  void shouldLetOnlyOneSenderClaimAMail() {
    outbox.add(MailKind.NEW_TASK, "a", "a@example.se", "t1", "Ny uppgift: Ett", "Ett");
    Date now = ClockUtil.getCurrentTime();
    Date lease = new Date(now.getTime() + 300_000);

    assertThat(outbox.claimDue(now, lease)).extracting(OutboxMail::taskId).containsExactly("t1");
    assertThat(outbox.claimDue(now, lease)).as("a second node at the same time").isEmpty();
    assertThat(outbox.claimDue(lease, new Date(lease.getTime() + 300_000))).as("after the lease, if never sent")
        .hasSize(1);
  }

  @Test
  void shouldRetryAFailedMailWithAGrowingDelay() {
    Date start = new Date(1_790_000_000_000L);
    ClockUtil.setCurrentTime(start);
    outbox.add(MailKind.ESCALATION, "a", "a@example.se", "t1", "Eskalerad: Ett", "Ett");
    serverDown = true;

    assertThat(dispatcher.dispatch()).isZero();
    assertThat(nextAttempt()).isEqualTo(start.getTime() + 60_000);
    ClockUtil.setCurrentTime(new Date(start.getTime() + 61_000));
    assertThat(dispatcher.dispatch()).isZero();
    assertThat(nextAttempt()).isEqualTo(start.getTime() + 61_000 + 120_000);

    serverDown = false;
    ClockUtil.setCurrentTime(new Date(start.getTime() + 200_000));
    assertThat(dispatcher.dispatch()).isEqualTo(1);
    assertThat(sent).hasSize(1);
    assertThat(outbox.pending()).isZero();
  }

  @Test
  void shouldUpgradeAnOutboxCreatedBeforeSendersClaimedTheirMails() {
    JdbcTemplate old = new JdbcTemplate(
        new DriverManagerDataSource("jdbc:h2:mem:mail-outbox-old-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    old.execute("create table " + MailOutbox.TABLE + " (id varchar(36) primary key, kind varchar(32) not null, "
        + "recipient_user varchar(255), recipient_email varchar(255) not null, task_id varchar(64), "
        + "subject varchar(500) not null, body varchar(8000) not null, created_at timestamp not null, "
        + "attempts integer not null, next_attempt_at timestamp not null, sent_at timestamp, last_error varchar(1000))");

    MailOutbox upgraded = new MailOutbox(withSamverkanTables(old));
    upgraded.add(MailKind.NEW_TASK, "a", "a@example.se", "t1", "Ny uppgift: Ett", "Ett");

    Date now = ClockUtil.getCurrentTime();
    assertThat(upgraded.claimDue(now, new Date(now.getTime() + 300_000))).hasSize(1);
  }

  /**
   * Samverkan's own tables as the migration creates them, on a database without Camunda's tables
   * (the other migrations change those, so V5 alone, the script Flyway runs).
   */
  static JdbcTemplate withSamverkanTables(JdbcTemplate jdbc) {
    new ResourceDatabasePopulator(new ClassPathResource("db/migration/V5__samverkan_tables.sql"))
        .execute(jdbc.getDataSource());
    return jdbc;
  }

  private long nextAttempt() {
    return jdbc.queryForObject("select next_attempt_at from " + MailOutbox.TABLE, java.sql.Timestamp.class).getTime();
  }
}
