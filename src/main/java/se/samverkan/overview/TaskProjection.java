package se.samverkan.overview;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import se.samverkan.engine.SwedishTime;
import se.samverkan.organisation.FunctionScope;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * The read model of Läget: one row per user task in {@code samverkan_overview_task} (db/migration
 * V11). The same rules decide a row's municipality, LPO and function whether it is written by
 * {@link ProjectionPlugin} as the task lives or by {@link ProjectionRebuild} from history, so both
 * give the same row.
 */
final class TaskProjection {

  static final String TABLE = "samverkan_overview_task";
  static final String COMPLETED = "completed";
  static final String DELETED = "deleted";
  /** Escalation raises a task's priority to at least this (tasklist/TasklistFilters.ESCALATED_PRIORITY). */
  static final int ESCALATED_PRIORITY = se.samverkan.tasklist.TasklistFilters.ESCALATED_PRIORITY;

  record Row(String taskId, String processInstanceId, String processKey, String taskKey, String taskName,
      String kommun, String lpo, String funktion, Date createdAt, Date dueAt, Date endedAt, String outcome,
      boolean escalated) {

    String createdQuarter() {
      return quarterOf(createdAt);
    }

    String endedQuarter() {
      return endedAt == null ? null : quarterOf(endedAt);
    }
  }

  /** Where a task belongs: its case's municipality (or none for an LPO-wide step) and LPO. */
  record Place(String kommun, String lpo) {

    /**
     * From the case's own (process instance level) {@code kommun} and {@code lpo} and the task's
     * function: the case's municipality if it names one, else the municipality of a municipal
     * function; the LPO of that municipality, else the case's LPO, else the LPO of a police function.
     */
    static Place of(Organisation organisation, Object caseKommun, Object caseLpo, String funktion) {
      Optional<OrganisationFunction> function = Optional.ofNullable(funktion).flatMap(organisation::function);
      String kommun = caseKommun instanceof String k && organisation.municipality(k).isPresent() ? k
          : function.filter(f -> organisation.scopeOf(f) == FunctionScope.kommun).map(OrganisationFunction::scopeSlug)
              .orElse(null);
      String lpo = kommun != null ? organisation.lpoOf(kommun).map(l -> l.slug()).orElse(null)
          : caseLpo instanceof String l && organisation.lpo(l).isPresent() ? l
          : function.filter(f -> organisation.scopeOf(f) == FunctionScope.lpo).map(OrganisationFunction::scopeSlug)
              .orElse(null);
      return new Place(kommun, lpo);
    }
  }

  private TaskProjection() {}

  /** "2027-K2": the quarter in Swedish time. */
  static String quarterOf(Date time) {
    ZonedDateTime swedish = time.toInstant().atZone(SwedishTime.ZONE);
    return swedish.getYear() + "-K" + ((swedish.getMonthValue() - 1) / 3 + 1);
  }

  private static final String INSERT = "insert into " + TABLE
      + " (task_id, process_instance_id, process_key, task_key, task_name, kommun, lpo, funktion, created_at,"
      + " due_at, ended_at, outcome, escalated, created_quarter, ended_quarter)"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  static void insert(Connection connection, Row row) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      bind(insert, row);
      insert.executeUpdate();
    }
  }

  /** Many rows in one batch (the rebuild from history). */
  static void insertAll(Connection connection, List<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Row row : rows) {
        bind(insert, row);
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void bind(PreparedStatement insert, Row row) throws SQLException {
    insert.setString(1, row.taskId());
    insert.setString(2, row.processInstanceId());
    insert.setString(3, row.processKey());
    insert.setString(4, row.taskKey());
    insert.setString(5, truncated(row.taskName()));
    insert.setString(6, row.kommun());
    insert.setString(7, row.lpo());
    insert.setString(8, row.funktion());
    insert.setTimestamp(9, timestamp(row.createdAt()));
    setTimestamp(insert, 10, row.dueAt());
    setTimestamp(insert, 11, row.endedAt());
    insert.setString(12, row.outcome());
    insert.setBoolean(13, row.escalated());
    insert.setString(14, row.createdQuarter());
    insert.setString(15, row.endedQuarter());
  }

  /** The task's current state; false when the task has no row (it was created before the projection). */
  static boolean update(Connection connection, String taskId, Date dueAt, boolean escalated, Date endedAt,
      String outcome) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("update " + TABLE
        + " set due_at = ?, escalated = ?, ended_at = ?, outcome = ?, ended_quarter = ? where task_id = ?")) {
      setTimestamp(update, 1, dueAt);
      update.setBoolean(2, escalated);
      setTimestamp(update, 3, endedAt);
      update.setString(4, outcome);
      update.setString(5, endedAt == null ? null : quarterOf(endedAt));
      update.setString(6, taskId);
      return update.executeUpdate() > 0;
    }
  }

  static ProcessEngineException failure(SQLException e) {
    return new ProcessEngineException("Lägets läsmodell kunde inte skrivas: " + e.getMessage(), e);
  }

  private static String truncated(String name) {
    return name == null || name.length() <= 255 ? name : name.substring(0, 255);
  }

  private static Timestamp timestamp(Date date) {
    return new Timestamp(date.getTime());
  }

  private static void setTimestamp(PreparedStatement statement, int index, Date date) throws SQLException {
    if (date == null) {
      statement.setNull(index, Types.TIMESTAMP);
    } else {
      statement.setTimestamp(index, timestamp(date));
    }
  }
}
