package se.samverkan.overview;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Date;
import java.util.List;

/**
 * The cases of Läget's read model: one row per process instance in {@code samverkan_overview_case}
 * (db/migration V12), its process, municipality and LPO (by {@link TaskProjection.Place}, the rules
 * of the task rows), start and end. Written by {@link ProjectionPlugin} as the instance starts and
 * ends, and by {@link ProjectionRebuild} from history, so both give the same row.
 */
final class CaseProjection {

  static final String TABLE = "samverkan_overview_case";

  record Row(String processInstanceId, String processKey, String kommun, String lpo, Date startedAt, Date endedAt) {}

  private static final String INSERT = "insert into " + TABLE
      + " (process_instance_id, process_key, kommun, lpo, started_at, ended_at) values (?, ?, ?, ?, ?, ?)";

  private CaseProjection() {}

  static void insert(Connection connection, Row row) throws SQLException {
    insertAll(connection, List.of(row));
  }

  static void insertAll(Connection connection, List<Row> rows) throws SQLException {
    if (rows.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (Row row : rows) {
        insert.setString(1, row.processInstanceId());
        insert.setString(2, row.processKey());
        insert.setString(3, row.kommun());
        insert.setString(4, row.lpo());
        insert.setTimestamp(5, new Timestamp(row.startedAt().getTime()));
        if (row.endedAt() == null) {
          insert.setNull(6, Types.TIMESTAMP);
        } else {
          insert.setTimestamp(6, new Timestamp(row.endedAt().getTime()));
        }
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The case has ended; false when it has no row (it started before the projection). */
  static boolean end(Connection connection, String processInstanceId, Date endedAt) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("update " + TABLE
        + " set ended_at = ? where process_instance_id = ?")) {
      update.setTimestamp(1, new Timestamp(endedAt.getTime()));
      update.setString(2, processInstanceId);
      return update.executeUpdate() > 0;
    }
  }
}
