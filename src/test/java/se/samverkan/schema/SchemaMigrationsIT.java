package se.samverkan.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SchemaMigrationsIT {

  @Autowired Flyway flyway;
  @Autowired DataSource dataSource;
  @Autowired JdbcTemplate jdbc;

  @Test
  void shouldHaveAppliedEveryMigrationAfterTheEngineCreatedItsTables() {
    MigrationInfo[] applied = flyway.info().applied();
    List<String> versions = new ArrayList<>();
    for (MigrationInfo migration : applied) {
      if (migration.getState() != MigrationState.BASELINE) {
        assertThat(migration.getState()).as(migration.getScript()).isEqualTo(MigrationState.SUCCESS);
        versions.add(migration.getVersion().getVersion());
      }
    }
    assertThat(versions).contains("1", "2", "3", "4", "5");
    assertThat(flyway.info().pending()).isEmpty();
  }

  @Test
  void shouldIndexTheAuthorizationsByUser() throws Exception {
    assertThat(indexedColumns("act_ru_authorization")).contains("samverkan_idx_auth_user_id:user_id_");
  }

  @Test
  void shouldIndexTheTasksByParentTask() throws Exception {
    assertThat(indexedColumns("act_ru_task")).contains("samverkan_idx_task_parent:parent_task_id_");
  }

  @Test
  void shouldIndexTheGroupsRuntimeAuthorizationsOnPostgresqlOnly() throws Exception {
    boolean postgresql;
    try (Connection c = dataSource.getConnection()) {
      postgresql = c.getMetaData().getDatabaseProductName().equals("PostgreSQL");
    }
    if (postgresql) {
      assertThat(indexedColumns("act_ru_authorization")).contains("samverkan_idx_auth_group_runtime:group_id_");
    } else {
      // H2 has no partial indexes: its V3 takes the version and changes nothing
      assertThat(indexedColumns("act_ru_authorization")).noneMatch(index -> index.startsWith("samverkan_idx_auth_group_runtime"));
    }
  }

  @Test
  void shouldKeepLagetsCasesByInstanceIndexedByMunicipalityAndLpo() throws Exception {
    assertThat(primaryKey("samverkan_overview_case")).containsExactly("process_instance_id");
    assertThat(indexedColumns("samverkan_overview_case")).contains("samverkan_overview_case_kommun:kommun",
        "samverkan_overview_case_kommun:process_key", "samverkan_overview_case_lpo:lpo");
  }

  @Test
  void shouldKeyTheAgreementPeriodsByLpoAndPeriod() throws Exception {
    assertThat(primaryKey("samverkan_agreement_period")).containsExactlyInAnyOrder("lpo", "period");
  }

  @Test
  void shouldCreateTheMailOutboxWithItsClaims() throws Exception {
    assertThat(primaryKey("samverkan_mail_outbox")).containsExactly("id");
    assertThat(columns("samverkan_mail_outbox")).contains("kind", "recipient_email", "next_attempt_at", "sent_at",
        "claim_token");
  }

  @Test
  void shouldKeyTheFunctionHoldersByFunctionAndPerson() throws Exception {
    assertThat(primaryKey("samverkan_function_holder")).containsExactlyInAnyOrder("group_id", "user_id");
  }

  @Test
  void shouldCreateTheReconciliationLockWithItsOneRow() throws Exception {
    assertThat(primaryKey("samverkan_reconciliation_lock")).containsExactly("id");
    assertThat(jdbc.queryForList("select id from samverkan_reconciliation_lock", Integer.class)).containsExactly(1);
  }

  private List<String> primaryKey(String table) throws Exception {
    List<String> key = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
      try (ResultSet rows = meta.getPrimaryKeys(null, null, name)) {
        while (rows.next()) {
          key.add(rows.getString("COLUMN_NAME").toLowerCase());
        }
      }
    }
    return key;
  }

  private List<String> columns(String table) throws Exception {
    List<String> columns = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
      try (ResultSet rows = meta.getColumns(null, null, name, null)) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME").toLowerCase());
        }
      }
    }
    return columns;
  }

  private List<String> indexedColumns(String table) throws Exception {
    List<String> columns = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      // H2 keeps unquoted names in upper case, PostgreSQL in lower case
      String name = meta.storesUpperCaseIdentifiers() ? table.toUpperCase() : table;
      try (ResultSet rows = meta.getIndexInfo(null, null, name, false, false)) {
        while (rows.next()) {
          if (rows.getString("INDEX_NAME") != null) {
            columns.add((rows.getString("INDEX_NAME") + ":" + rows.getString("COLUMN_NAME")).toLowerCase());
          }
        }
      }
    }
    return columns;
  }
}
