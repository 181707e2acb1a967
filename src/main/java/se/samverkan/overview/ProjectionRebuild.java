package se.samverkan.overview;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import se.samverkan.organisation.Organisation;

/**
 * Fills Läget's read model (tasks and cases) from the engine's history, by the same rules as {@link ProjectionPlugin}:
 * at startup when the table is empty (an installation from before the projection), and on demand
 * ({@link #rebuild}). Reads the history tables in one streamed pass each (the cases'
 * {@code kommun} and {@code lpo}, the candidate groups, the tasks) and writes in batches: not one query
 * per task, and not pages by offset (which read the table again for every page).
 */
public class ProjectionRebuild {

  private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
  private static final int PAGE = 2000;

  private final ProcessEngine engine;
  private final Organisation organisation;
  private final DataSource dataSource;
  private final JdbcTemplate jdbc;

  public ProjectionRebuild(ProcessEngine engine, Organisation organisation, DataSource dataSource) {
    this.engine = engine;
    this.organisation = organisation;
    this.dataSource = dataSource;
    this.jdbc = new JdbcTemplate(dataSource);
  }

  /**
   * Adds the tasks and cases history has and the tables lack, for each table that has fewer rows than
   * history has tasks or process instances (an installation from before the projection); returns the
   * rows written. Safe beside the users and on several nodes: a row the plugin or another node wrote
   * meanwhile fails the run on its key, and the next run (AfterReady retries) skips it.
   */
  public int fillMissing() {
    Long taskRows = jdbc.queryForObject("select count(*) from " + TaskProjection.TABLE, Long.class);
    Long caseRows = jdbc.queryForObject("select count(*) from " + CaseProjection.TABLE, Long.class);
    boolean tasks = taskRows == null || taskRows < engine.getHistoryService().createHistoricTaskInstanceQuery().count();
    boolean cases = caseRows == null
        || caseRows < engine.getHistoryService().createHistoricProcessInstanceQuery().count();
    if (!tasks && !cases) {
      return 0;
    }
    int written = fill(true, tasks, cases);
    log.info("Läget: {} rader lästa från historiken in i {} och {}", written, TaskProjection.TABLE, CaseProjection.TABLE);
    return written;
  }

  /** Empties the tables and fills them anew from history; returns the rows written. */
  public int rebuild() {
    jdbc.update("delete from " + TaskProjection.TABLE);
    jdbc.update("delete from " + CaseProjection.TABLE);
    return fill(false, true, true);
  }

  private int fill(boolean skipExisting, boolean tasks, boolean cases) {
    Map<String, String> kommunByCase = new HashMap<>();
    Map<String, String> lpoByCase = new HashMap<>();
    Map<String, List<Addition>> additionsByTask = new HashMap<>();
    Map<String, BpmnModelInstance> models = new HashMap<>();
    RepositoryService repository = engine.getRepositoryService();
    int[] written = {0};
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      // the cases' own kommun and lpo (the process instance's scope, not a step inside it)
      stream("select PROC_INST_ID_, NAME_, TEXT_ from ACT_HI_VARINST where NAME_ in ('kommun', 'lpo')"
          + " and PROC_INST_ID_ = EXECUTION_ID_", rows -> {
        (("kommun".equals(rows.getString(2))) ? kommunByCase : lpoByCase).put(rows.getString(1), rows.getString(3));
      });
      if (cases) {
        List<CaseProjection.Row> batch = new java.util.ArrayList<>();
        stream("select ID_, PROC_DEF_KEY_, START_TIME_, END_TIME_ from ACT_HI_PROCINST order by START_TIME_, ID_", rows -> {
          String id = rows.getString(1);
          TaskProjection.Place place = TaskProjection.Place.of(organisation, kommunByCase.get(id), lpoByCase.get(id), null);
          batch.add(new CaseProjection.Row(id, rows.getString(2), place.kommun(), place.lpo(), rows.getTimestamp(3),
              rows.getTimestamp(4)));
          if (batch.size() == PAGE) {
            written[0] += writeCases(connection, batch, skipExisting);
          }
        });
        written[0] += writeCases(connection, batch, skipExisting);
      }
      if (!tasks) {
        return written[0];
      }
      // every addition of a candidate group to a task
      stream("select TASK_ID_, GROUP_ID_, TIMESTAMP_ from ACT_HI_IDENTITYLINK where TYPE_ = 'candidate'"
          + " and OPERATION_TYPE_ = 'add' and TASK_ID_ is not null and GROUP_ID_ is not null", rows -> additionsByTask
          .computeIfAbsent(rows.getString(1), t -> new java.util.ArrayList<>())
          .add(new Addition(rows.getTimestamp(3), rows.getString(2))));
      List<TaskProjection.Row> batch = new java.util.ArrayList<>();
      stream("select ID_, PROC_INST_ID_, PROC_DEF_ID_, PROC_DEF_KEY_, TASK_DEF_KEY_, START_TIME_, DUE_DATE_, END_TIME_,"
          + " DELETE_REASON_, PRIORITY_ from ACT_HI_TASKINST where PROC_INST_ID_ is not null order by START_TIME_, ID_", rows -> {
        String taskId = rows.getString(1);
        String processInstanceId = rows.getString(2);
        Date started = rows.getTimestamp(6);
        String funktion = functionOf(started, additionsByTask.get(taskId));
        TaskProjection.Place place = TaskProjection.Place.of(organisation, kommunByCase.get(processInstanceId),
            lpoByCase.get(processInstanceId), funktion);
        String definitionId = rows.getString(3);
        String taskKey = rows.getString(5);
        BpmnModelInstance model = definitionId == null ? null : models.computeIfAbsent(definitionId, repository::getBpmnModelInstance);
        FlowElement element = model == null ? null : model.getModelElementById(taskKey);
        String name = element != null && element.getName() != null ? element.getName() : taskKey;
        Date ended = rows.getTimestamp(8);
        String outcome = ended == null ? null
            : "completed".equals(rows.getString(9)) ? TaskProjection.COMPLETED : TaskProjection.DELETED;
        batch.add(new TaskProjection.Row(taskId, processInstanceId, rows.getString(4), taskKey, name, place.kommun(),
            place.lpo(), funktion, started, rows.getTimestamp(7), ended, outcome,
            rows.getInt(10) >= TaskProjection.ESCALATED_PRIORITY));
        if (batch.size() == PAGE) {
          written[0] += write(connection, batch, skipExisting);
        }
      });
      written[0] += write(connection, batch, skipExisting);
      return written[0];
    } catch (SQLException e) {
      throw TaskProjection.failure(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  /** Writes the batch of cases (without those the table has, when asked) and empties it; returns the rows written. */
  private int writeCases(Connection connection, List<CaseProjection.Row> batch, boolean skipExisting) throws SQLException {
    java.util.Set<String> existing = skipExisting ? existing(CaseProjection.TABLE, "process_instance_id",
        batch.stream().map(CaseProjection.Row::processInstanceId).toList()) : java.util.Set.of();
    List<CaseProjection.Row> missing = batch.stream().filter(row -> !existing.contains(row.processInstanceId())).toList();
    CaseProjection.insertAll(connection, missing);
    batch.clear();
    return missing.size();
  }

  /** Writes the batch (without the rows the table has, when asked) and empties it; returns the rows written. */
  private int write(Connection connection, List<TaskProjection.Row> batch, boolean skipExisting) throws SQLException {
    java.util.Set<String> existing = skipExisting
        ? existing(TaskProjection.TABLE, "task_id", batch.stream().map(TaskProjection.Row::taskId).toList())
        : java.util.Set.of();
    List<TaskProjection.Row> missing = batch.stream().filter(row -> !existing.contains(row.taskId())).toList();
    TaskProjection.insertAll(connection, missing);
    batch.clear();
    return missing.size();
  }

  /** Which of the keys the table has already. */
  private java.util.Set<String> existing(String table, String key, List<String> keys) {
    if (keys.isEmpty()) {
      return java.util.Set.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(keys.size(), "?"));
    return new java.util.HashSet<>(jdbc.queryForList("select " + key + " from " + table
        + " where " + key + " in (" + marks + ")", String.class, keys.toArray()));
  }

  /** One row of a streamed history query. */
  @FunctionalInterface
  private interface RowHandler {
    void handle(ResultSet rows) throws SQLException;
  }

  /**
   * Reads the engine's history table in one pass, {@value #PAGE} rows at a time from the server (a
   * cursor in a read-only transaction of its own: PostgreSQL streams only outside autocommit), instead
   * of pages by offset, which read the table again for every page (quadratic at a million tasks).
   */
  private void stream(String sql, RowHandler handler) throws SQLException {
    try (Connection read = dataSource.getConnection()) {
      boolean autoCommit = read.getAutoCommit();
      read.setAutoCommit(false);
      read.setReadOnly(true);
      try (PreparedStatement statement = read.prepareStatement(sql)) {
        statement.setFetchSize(PAGE);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            handler.handle(rows);
          }
        }
      } finally {
        read.rollback();
        read.setReadOnly(false);
        read.setAutoCommit(autoCommit);
      }
    }
  }

  /** A candidate group's addition to a task. */
  private record Addition(Date time, String group) {}

  /**
   * The function of the task as the plugin takes it: the first by name of the candidate groups it was
   * created with, i.e. added before history recorded its start (the engine adds a task's candidates
   * before it records it; escalation and vacancies add theirs later).
   */
  private static String functionOf(Date taskStart, List<Addition> additions) {
    if (additions == null || additions.isEmpty()) {
      return null;
    }
    TreeSet<String> atCreation = new TreeSet<>();
    additions.stream().filter(a -> !a.time().after(taskStart)).forEach(a -> atCreation.add(a.group()));
    if (atCreation.isEmpty()) {
      Date earliest = additions.stream().map(Addition::time).min(Date::compareTo).orElseThrow();
      additions.stream().filter(a -> a.time().equals(earliest)).forEach(a -> atCreation.add(a.group()));
    }
    return atCreation.first();
  }
}
