package se.samverkan.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V5 (Samverkan's own tables, created by the beans' constructors before it) on a database that
 * already has them and on an empty one. Flyway starts after V4 here: the earlier versions change
 * Camunda's tables, which these databases do not have.
 */
class SamverkanTablesMigrationTest {

  @Test
  void shouldCreateTheTablesAndTheLockRowOnAnEmptyDatabase() {
    JdbcTemplate jdbc = database("empty");

    assertThat(migrate(jdbc)).startsWith("5");

    assertThat(jdbc.queryForList("select id from samverkan_reconciliation_lock", Integer.class)).containsExactly(1);
    assertThat(jdbc.queryForObject("select count(*) from samverkan_mail_outbox", Integer.class)).isZero();
    assertThat(jdbc.queryForObject("select count(*) from samverkan_function_holder", Integer.class)).isZero();
  }

  @Test
  void shouldKeepTheTablesTheBeansCreatedBeforeAndTheirRows() {
    JdbcTemplate jdbc = database("existing");
    // as MailOutbox created it before senders claimed their mails (no claim_token yet)
    jdbc.execute("create table samverkan_mail_outbox (id varchar(36) primary key, kind varchar(32) not null, "
        + "recipient_user varchar(255), recipient_email varchar(255) not null, task_id varchar(64), "
        + "subject varchar(500) not null, body varchar(8000) not null, created_at timestamp not null, "
        + "attempts integer not null, next_attempt_at timestamp not null, sent_at timestamp, last_error varchar(1000))");
    jdbc.update("insert into samverkan_mail_outbox (id, kind, recipient_email, subject, body, created_at, attempts, "
        + "next_attempt_at) values ('m1', 'NEW_TASK', 'a@example.se', 'Ny uppgift', 'Text', current_timestamp, 0, "
        + "current_timestamp)");
    // as MembershipReconciler and FunctionReconciliation created them
    jdbc.execute("create table samverkan_function_holder (group_id varchar(255) not null, "
        + "user_id varchar(255) not null, primary key (group_id, user_id))");
    jdbc.update("insert into samverkan_function_holder (group_id, user_id) values ('samordnare-lycksele', 'anna')");
    jdbc.execute("create table samverkan_reconciliation_lock (id integer primary key)");
    jdbc.update("insert into samverkan_reconciliation_lock (id) values (1)");

    assertThat(migrate(jdbc)).startsWith("5");

    assertThat(jdbc.queryForList("select id from samverkan_reconciliation_lock", Integer.class)).containsExactly(1);
    assertThat(jdbc.queryForList("select user_id from samverkan_function_holder", String.class)).containsExactly("anna");
    assertThat(jdbc.queryForList("select id from samverkan_mail_outbox where claim_token is null", String.class))
        .containsExactly("m1");
  }

  @Test
  void shouldInsertTheLockRowIntoALockTableWithoutIt() {
    JdbcTemplate jdbc = database("lock-without-row");
    jdbc.execute("create table samverkan_reconciliation_lock (id integer primary key)");

    migrate(jdbc);

    assertThat(jdbc.queryForList("select id from samverkan_reconciliation_lock", Integer.class)).containsExactly(1);
  }

  private static JdbcTemplate database(String name) {
    return new JdbcTemplate(new DriverManagerDataSource(
        "jdbc:h2:mem:samverkan-tables-" + name + "-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", ""));
  }

  /** Flyway as the application configures it (application.yaml), from version 4 on; the versions it ran, in order. */
  private static List<String> migrate(JdbcTemplate jdbc) {
    Flyway flyway = Flyway.configure().dataSource(jdbc.getDataSource()).table("samverkan_schema_history")
        .locations("classpath:db/migration", "classpath:db/vendor/h2").baselineVersion("4").load();
    flyway.baseline();
    return flyway.migrate().migrations.stream().map(m -> m.version).toList();
  }
}
