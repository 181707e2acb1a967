package se.samverkan.directory;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The record of what the directory sync did or held back ({@code samverkan_directory_change},
 * migration V6): which source, which user and function, what, on which node, when.
 */
public class DirectoryChanges {

  /** The kinds of change (column change_kind). */
  public enum Kind {
    USER_CREATED, USER_UPDATED, USER_ENABLED, USER_DISABLED, USER_EXPIRED, USER_DELETED,
    MEMBERSHIP_ADDED, MEMBERSHIP_REMOVED, COLLISION, REFUSED_USER, REFUSED_FUNCTION, SYNC_HELD, SYNC_FAILED
  }

  /** One recorded change, newest first when listed. */
  public record Change(String id, Timestamp changedAt, String source, String userId, String groupId, String kind,
      String detail, String node) {}

  private final JdbcTemplate jdbc;
  private final String node;

  public DirectoryChanges(JdbcTemplate jdbc, String node) {
    this.jdbc = jdbc;
    this.node = node;
  }

  public String node() {
    return node;
  }

  void record(String source, String userId, String groupId, Kind kind, String detail) {
    jdbc.update("insert into samverkan_directory_change (id, changed_at, source, user_id, group_id, change_kind, detail, node) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), now(), source, userId, groupId, kind.name(),
        truncate(detail, 2000), truncate(node, 255));
  }

  /**
   * Records a finding that a sync makes every minute (a collision, a refused entry) once: only when
   * the same source, user, kind and detail is not recorded yet.
   */
  void recordOnce(String source, String userId, Kind kind, String detail) {
    String text = truncate(detail, 2000);
    Integer seen = userId == null
        ? jdbc.queryForObject("select count(*) from samverkan_directory_change where source = ? and user_id is null "
            + "and change_kind = ? and detail = ?", Integer.class, source, kind.name(), text)
        : jdbc.queryForObject("select count(*) from samverkan_directory_change where source = ? and user_id = ? "
            + "and change_kind = ? and detail = ?", Integer.class, source, userId, kind.name(), text);
    if (seen == null || seen == 0) {
      record(source, userId, null, kind, text);
    }
  }

  /** The latest changes, newest first; optionally of one source or one user. */
  public List<Change> latest(int limit, String source, String userId) {
    StringBuilder sql = new StringBuilder("select id, changed_at, source, user_id, group_id, change_kind, detail, node "
        + "from samverkan_directory_change where 1 = 1");
    List<Object> args = new java.util.ArrayList<>();
    if (source != null) {
      sql.append(" and source = ?");
      args.add(source);
    }
    if (userId != null) {
      sql.append(" and user_id = ?");
      args.add(userId);
    }
    sql.append(" order by changed_at desc, id");
    List<Change> all = jdbc.query(con -> {
      var statement = con.prepareStatement(sql.toString());
      statement.setMaxRows(Math.max(1, limit));
      for (int i = 0; i < args.size(); i++) {
        statement.setObject(i + 1, args.get(i));
      }
      return statement;
    }, (rs, i) -> new Change(rs.getString(1), rs.getTimestamp(2), rs.getString(3), rs.getString(4), rs.getString(5),
        rs.getString(6), rs.getString(7), rs.getString(8)));
    return all;
  }

  /** Each source's last sync: status (OK, FAILED, HELD), detail, when. */
  public List<Map<String, Object>> sourceStates() {
    return jdbc.queryForList("select source, status, detail, last_attempt_at, last_success_at "
        + "from samverkan_directory_source_state order by source");
  }

  /** The status of a source's last sync, or null before its first. */
  String lastStatus(String source) {
    List<String> status = jdbc.queryForList("select status || '|' || coalesce(detail, '') from samverkan_directory_source_state "
        + "where source = ?", String.class, source);
    return status.isEmpty() ? null : status.get(0);
  }

  void sourceState(String source, String status, String detail) {
    Timestamp now = now();
    int updated = jdbc.update("update samverkan_directory_source_state set status = ?, detail = ?, last_attempt_at = ?"
        + ("OK".equals(status) ? ", last_success_at = ?" : "") + " where source = ?",
        "OK".equals(status) ? new Object[] {status, truncate(detail, 2000), now, now, source}
            : new Object[] {status, truncate(detail, 2000), now, source});
    if (updated == 0) {
      jdbc.update("insert into samverkan_directory_source_state (source, status, detail, last_attempt_at, last_success_at) "
          + "values (?, ?, ?, ?, ?)", source, status, truncate(detail, 2000), now, "OK".equals(status) ? now : null);
    }
  }

  static Timestamp now() {
    return new Timestamp(ClockUtil.getCurrentTime().getTime());
  }

  static String truncate(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
