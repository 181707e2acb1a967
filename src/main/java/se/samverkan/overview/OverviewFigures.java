package se.samverkan.overview;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The counts and cases of Läget from the read model ({@link TaskProjection}, {@link CaseProjection}):
 * grouped SQL on the indexed columns kommun and lpo, nothing read per task, no search of history by
 * variable.
 */
class OverviewFigures {

  /** Tasks of one group: open, of them overdue and escalated, completed, of them late. */
  record Counts(int open, int overdue, int escalated, int completed, int completedLate, int deleted) {
    static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

    Counts plus(Counts other) {
      return new Counts(open + other.open, overdue + other.overdue, escalated + other.escalated,
          completed + other.completed, completedLate + other.completedLate, deleted + other.deleted);
    }
  }

  /** A process instance of the read model: when it started and, once it has, ended. */
  record Case(String id, Date startedAt, Date endedAt) {
    boolean running() {
      return endedAt == null;
    }
  }

  /** One quarter of a municipality's work. */
  record Quarter(String quarter, int created, int completed, int completedLate, int reportsIn, int reportsMissing) {}

  private static final String COUNTS = "sum(case when outcome is null then 1 else 0 end),"
      + " sum(case when outcome is null and due_at < :now then 1 else 0 end),"
      + " sum(case when outcome is null and escalated then 1 else 0 end),"
      + " sum(case when outcome = 'completed' then 1 else 0 end),"
      + " sum(case when outcome = 'completed' and due_at < ended_at then 1 else 0 end),"
      + " sum(case when outcome = 'deleted' then 1 else 0 end)";

  private final NamedParameterJdbcTemplate jdbc;

  OverviewFigures(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(new JdbcTemplate(dataSource));
  }

  /** Per function, the municipality's tasks (LPO-wide steps have no municipality and are not among them). */
  Map<String, Counts> byFunction(String kommun, Date now) {
    Map<String, Counts> result = new TreeMap<>();
    jdbc.query("select funktion, " + COUNTS + " from " + TaskProjection.TABLE + " where kommun = :kommun group by funktion",
        params(now).addValue("kommun", kommun),
        rs -> { result.put(rs.getString(1) == null ? "" : rs.getString(1), counts(rs, 2)); });
    return result;
  }

  /** Per process instance of the given cases, then step key, then function (by the instance index, not all the municipality's tasks). */
  Map<String, Map<String, Map<String, Counts>>> byInstanceStepFunction(Collection<String> instanceIds, Date now) {
    Map<String, Map<String, Map<String, Counts>>> result = new LinkedHashMap<>();
    if (instanceIds.isEmpty()) {
      return result;
    }
    jdbc.query("select process_instance_id, task_key, funktion, " + COUNTS + " from " + TaskProjection.TABLE
            + " where process_instance_id in (:ids) group by process_instance_id, task_key, funktion",
        params(now).addValue("ids", instanceIds),
        rs -> {
          result.computeIfAbsent(rs.getString(1), i -> new LinkedHashMap<>())
              .computeIfAbsent(rs.getString(2), s -> new TreeMap<>())
              .put(rs.getString(3) == null ? "" : rs.getString(3), counts(rs, 4));
        });
    return result;
  }

  /** The earliest due date of an open task per process instance of the municipality's cases of one process. */
  Map<String, Date> nextDue(String kommun, String processKey) {
    Map<String, Date> result = new LinkedHashMap<>();
    jdbc.query("select process_instance_id, min(due_at) from " + TaskProjection.TABLE
            + " where kommun = :kommun and process_key = :process and outcome is null and due_at is not null"
            + " group by process_instance_id",
        new MapSqlParameterSource("kommun", kommun).addValue("process", processKey),
        rs -> { result.put(rs.getString(1), rs.getTimestamp(2)); });
    return result;
  }

  /** The step names of the open tasks per process instance (the model's names, not the cases'). */
  Map<String, List<String>> openSteps(String kommun, String processKey) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    jdbc.query("select distinct process_instance_id, task_name from " + TaskProjection.TABLE
            + " where kommun = :kommun and process_key = :process and outcome is null order by task_name",
        new MapSqlParameterSource("kommun", kommun).addValue("process", processKey),
        rs -> { result.computeIfAbsent(rs.getString(1), i -> new ArrayList<>()).add(rs.getString(2)); });
    return result;
  }

  /** Per municipality of the LPO, then process key, then step key: the counts. */
  Map<String, Map<String, Map<String, Counts>>> byMunicipalityProcessStep(String lpo, Date now) {
    Map<String, Map<String, Map<String, Counts>>> result = new TreeMap<>();
    jdbc.query("select kommun, process_key, task_key, " + COUNTS + " from " + TaskProjection.TABLE
            + " where lpo = :lpo and kommun is not null group by kommun, process_key, task_key",
        params(now).addValue("lpo", lpo),
        rs -> {
          result.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
              .computeIfAbsent(rs.getString(2), p -> new TreeMap<>())
              .put(rs.getString(3), counts(rs, 4));
        });
    return result;
  }

  /** Per quarter: tasks created, completed (of them late), EST reports sent and missing; the last {@code quarters}. */
  List<Quarter> quarters(String kommun, int quarters) {
    Map<String, int[]> byQuarter = new TreeMap<>();
    MapSqlParameterSource params = new MapSqlParameterSource("kommun", kommun)
        .addValue("report", se.samverkan.est.EstCycleProcess.SUBMIT_REPORT);
    jdbc.query("select created_quarter, count(*) from " + TaskProjection.TABLE + " where kommun = :kommun"
        + " group by created_quarter", params, rs -> { row(byQuarter, rs.getString(1))[0] = rs.getInt(2); });
    jdbc.query("select ended_quarter, sum(case when outcome = 'completed' then 1 else 0 end),"
            + " sum(case when outcome = 'completed' and due_at < ended_at then 1 else 0 end),"
            + " sum(case when outcome = 'completed' and task_key = :report then 1 else 0 end),"
            + " sum(case when outcome = 'deleted' and task_key = :report then 1 else 0 end)"
            + " from " + TaskProjection.TABLE + " where kommun = :kommun and ended_quarter is not null group by ended_quarter",
        params, rs -> {
          int[] row = row(byQuarter, rs.getString(1));
          row[1] = rs.getInt(2);
          row[2] = rs.getInt(3);
          row[3] = rs.getInt(4);
          row[4] = rs.getInt(5);
        });
    List<Quarter> all = byQuarter.entrySet().stream()
        .map(e -> new Quarter(e.getKey(), e.getValue()[0], e.getValue()[1], e.getValue()[2], e.getValue()[3], e.getValue()[4]))
        .collect(Collectors.toCollection(ArrayList::new));
    return all.subList(Math.max(0, all.size() - quarters), all.size());
  }

  /** The municipality's latest {@code limit} cases of one process, latest first. */
  List<Case> latestCases(String kommun, String processKey, int limit) {
    return cases("kommun = :place", kommun, processKey, limit);
  }

  /** The LPO's latest {@code limit} LPO-wide cases of one process (e.g. its agreements), latest first. */
  List<Case> latestLpoCases(String lpo, String processKey, int limit) {
    return cases("lpo = :place and kommun is null", lpo, processKey, limit);
  }

  private List<Case> cases(String where, String place, String processKey, int limit) {
    return jdbc.query("select process_instance_id, started_at, ended_at from " + CaseProjection.TABLE + " where "
            + where + " and process_key = :process order by started_at desc, process_instance_id desc limit " + limit,
        new MapSqlParameterSource("place", place).addValue("process", processKey),
        (rs, n) -> new Case(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3)));
  }

  /** Per municipality of the LPO, its running cases of one process. */
  Map<String, Integer> running(String lpo, String processKey) {
    Map<String, Integer> result = new TreeMap<>();
    jdbc.query("select kommun, count(*) from " + CaseProjection.TABLE + " where lpo = :lpo and kommun is not null"
            + " and process_key = :process and ended_at is null group by kommun",
        new MapSqlParameterSource("lpo", lpo).addValue("process", processKey),
        rs -> { result.put(rs.getString(1), rs.getInt(2)); });
    return result;
  }

  /**
   * The cases that keep a record of lag (2023:196) ({@code variable}, e.g. {@code lagkrav}) for the
   * municipalities: their own cases and their LPO's LPO-wide ones (a case records the duties of the
   * municipalities it is for), not every instance of the country.
   */
  List<String> recordKeepers(Collection<String> municipalities, String lpo, String variable) {
    return jdbc.queryForList("select c.process_instance_id from " + CaseProjection.TABLE + " c"
            + " join ACT_HI_VARINST v on v.PROC_INST_ID_ = c.process_instance_id and v.NAME_ = :variable"
            + " where c.kommun in (:municipalities) or (c.kommun is null and c.lpo = :lpo)",
        new MapSqlParameterSource("variable", variable).addValue("municipalities", municipalities).addValue("lpo", lpo),
        String.class);
  }

  /** When each of the cases passed the activity (its first time), e.g. an agreement's coming into force. */
  Map<String, Date> reached(Collection<String> instanceIds, String activityId) {
    Map<String, Date> result = new LinkedHashMap<>();
    if (instanceIds.isEmpty()) {
      return result;
    }
    jdbc.query("select PROC_INST_ID_, min(START_TIME_) from ACT_HI_ACTINST where PROC_INST_ID_ in (:ids)"
            + " and ACT_ID_ = :activity group by PROC_INST_ID_",
        new MapSqlParameterSource("ids", instanceIds).addValue("activity", activityId),
        rs -> { result.put(rs.getString(1), rs.getTimestamp(2)); });
    return result;
  }

  /** Open tasks per process instance, for the given instances (e.g. which EST cycles are still planned). */
  Map<String, Map<String, Counts>> byInstanceStep(Collection<String> instanceIds, Date now) {
    Map<String, Map<String, Counts>> result = new LinkedHashMap<>();
    if (instanceIds.isEmpty()) {
      return result;
    }
    jdbc.query("select process_instance_id, task_key, " + COUNTS + " from " + TaskProjection.TABLE
            + " where process_instance_id in (:ids) group by process_instance_id, task_key",
        params(now).addValue("ids", instanceIds),
        rs -> { result.computeIfAbsent(rs.getString(1), i -> new TreeMap<>()).put(rs.getString(2), counts(rs, 3)); });
    return result;
  }

  private static int[] row(Map<String, int[]> byQuarter, String quarter) {
    return byQuarter.computeIfAbsent(quarter, q -> new int[5]);
  }

  private static MapSqlParameterSource params(Date now) {
    return new MapSqlParameterSource("now", new Timestamp(now.getTime()));
  }

  private static Counts counts(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
    return new Counts(rs.getInt(first), rs.getInt(first + 1), rs.getInt(first + 2), rs.getInt(first + 3),
        rs.getInt(first + 4), rs.getInt(first + 5));
  }
}
