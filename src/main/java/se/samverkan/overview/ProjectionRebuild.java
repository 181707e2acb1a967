package se.samverkan.overview;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import se.samverkan.organisation.Organisation;

/**
 * Fills Läget's read model from the engine's history, by the same rules as {@link ProjectionPlugin}:
 * at startup when the table is empty (an installation from before the projection), and on demand
 * ({@link #rebuild}). Reads history in pages with four streams (tasks, candidate groups, the cases'
 * {@code kommun} and {@code lpo}), not one query per task.
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
   * Adds the tasks history has and the table lacks, when it has fewer rows than history has tasks
   * (an installation from before the projection); returns the rows written. Safe beside the users
   * and on several nodes: a row the plugin or another node wrote meanwhile fails the run on its key,
   * and the next run (AfterReady retries) skips it.
   */
  public int fillMissing() {
    Long rows = jdbc.queryForObject("select count(*) from " + TaskProjection.TABLE, Long.class);
    long tasks = engine.getHistoryService().createHistoricTaskInstanceQuery().count();
    if (rows != null && rows >= tasks) {
      return 0;
    }
    int written = fill(true);
    log.info("Läget: {} uppgifter lästa från historiken in i {}", written, TaskProjection.TABLE);
    return written;
  }

  /** Empties the table and fills it anew from history; returns the rows written. */
  public int rebuild() {
    jdbc.update("delete from " + TaskProjection.TABLE);
    return fill(false);
  }

  private int fill(boolean skipExisting) {
    HistoryService history = engine.getHistoryService();
    Map<String, Object> kommunByCase = caseVariables(history, "kommun");
    Map<String, Object> lpoByCase = caseVariables(history, "lpo");
    Map<String, List<Addition>> additionsByTask = candidateAdditions(history);
    Map<String, BpmnModelInstance> models = new HashMap<>();
    RepositoryService repository = engine.getRepositoryService();
    int written = 0;
    Connection connection = DataSourceUtils.getConnection(dataSource);
    try {
      for (int first = 0; ; first += PAGE) {
        List<HistoricTaskInstance> page = history.createHistoricTaskInstanceQuery()
            .orderByHistoricActivityInstanceStartTime().asc().orderByTaskId().asc().listPage(first, PAGE);
        java.util.Set<String> existing = skipExisting ? existing(page) : java.util.Set.of();
        for (HistoricTaskInstance task : page) {
          if (task.getProcessInstanceId() == null || existing.contains(task.getId())) {
            continue;
          }
          String funktion = functionOf(task, additionsByTask.get(task.getId()));
          TaskProjection.Place place = TaskProjection.Place.of(organisation, kommunByCase.get(task.getProcessInstanceId()),
              lpoByCase.get(task.getProcessInstanceId()), funktion);
          BpmnModelInstance model = models.computeIfAbsent(task.getProcessDefinitionId(), repository::getBpmnModelInstance);
          FlowElement element = model == null ? null : model.getModelElementById(task.getTaskDefinitionKey());
          String name = element != null && element.getName() != null ? element.getName() : task.getTaskDefinitionKey();
          Date ended = task.getEndTime();
          String outcome = ended == null ? null
              : "completed".equals(task.getDeleteReason()) ? TaskProjection.COMPLETED : TaskProjection.DELETED;
          TaskProjection.insert(connection, new TaskProjection.Row(task.getId(), task.getProcessInstanceId(),
              task.getProcessDefinitionKey(), task.getTaskDefinitionKey(), name, place.kommun(), place.lpo(), funktion,
              task.getStartTime(), task.getDueDate(), ended, outcome, task.getPriority() >= TaskProjection.ESCALATED_PRIORITY));
          written++;
        }
        if (page.size() < PAGE) {
          return written;
        }
      }
    } catch (SQLException e) {
      throw TaskProjection.failure(e);
    } finally {
      DataSourceUtils.releaseConnection(connection, dataSource);
    }
  }

  private java.util.Set<String> existing(List<HistoricTaskInstance> page) {
    if (page.isEmpty()) {
      return java.util.Set.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(page.size(), "?"));
    return new java.util.HashSet<>(jdbc.queryForList("select task_id from " + TaskProjection.TABLE
        + " where task_id in (" + marks + ")", String.class, page.stream().map(HistoricTaskInstance::getId).toArray()));
  }

  /** The variable of each case's own scope (the process instance, not a step inside it). */
  private static Map<String, Object> caseVariables(HistoryService history, String name) {
    Map<String, Object> values = new HashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<HistoricVariableInstance> page = history.createHistoricVariableInstanceQuery().variableName(name)
          .disableCustomObjectDeserialization().orderByVariableName().asc().listPage(first, PAGE);
      for (HistoricVariableInstance variable : page) {
        if (variable.getProcessInstanceId() != null && variable.getProcessInstanceId().equals(variable.getExecutionId())) {
          values.put(variable.getProcessInstanceId(), variable.getValue());
        }
      }
      if (page.size() < PAGE) {
        return values;
      }
    }
  }

  /** A candidate group's addition to a task. */
  private record Addition(Date time, String group) {}

  /** Per task every addition of a candidate group, from history. */
  private static Map<String, List<Addition>> candidateAdditions(HistoryService history) {
    Map<String, List<Addition>> additions = new HashMap<>();
    for (int first = 0; ; first += PAGE) {
      List<HistoricIdentityLinkLog> page = history.createHistoricIdentityLinkLogQuery().type(IdentityLinkType.CANDIDATE)
          .operationType("add").orderByTime().asc().listPage(first, PAGE);
      for (HistoricIdentityLinkLog link : page) {
        if (link.getTaskId() != null && link.getGroupId() != null) {
          additions.computeIfAbsent(link.getTaskId(), t -> new java.util.ArrayList<>())
              .add(new Addition(link.getTime(), link.getGroupId()));
        }
      }
      if (page.size() < PAGE) {
        return additions;
      }
    }
  }

  /**
   * The function of the task as the plugin takes it: the first by name of the candidate groups it was
   * created with, i.e. added before history recorded its start (the engine adds a task's candidates
   * before it records it; escalation and vacancies add theirs later).
   */
  private static String functionOf(HistoricTaskInstance task, List<Addition> additions) {
    if (additions == null || additions.isEmpty()) {
      return null;
    }
    TreeSet<String> atCreation = new TreeSet<>();
    additions.stream().filter(a -> !a.time().after(task.getStartTime())).forEach(a -> atCreation.add(a.group()));
    if (atCreation.isEmpty()) {
      Date earliest = additions.stream().map(Addition::time).min(Date::compareTo).orElseThrow();
      additions.stream().filter(a -> a.time().equals(earliest)).forEach(a -> atCreation.add(a.group()));
    }
    return atCreation.first();
  }
}
