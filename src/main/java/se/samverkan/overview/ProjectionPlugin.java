package se.samverkan.overview;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import se.samverkan.engine.EveryUserTaskPlugin;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.CandidateGroups;

/**
 * Keeps Läget's read model ({@link TaskProjection}) current inside the engine's transaction: every
 * user task of every model gets built-in listeners (which {@code skipCustomListeners} does not skip)
 * on create, update, complete and delete, and each of its timeout listeners (the escalation) is
 * followed by the projection's, so a row records the escalation while the task is still open. Every
 * process gets built-in start and end listeners that keep its case row ({@link CaseProjection}).
 */
public class ProjectionPlugin extends AbstractProcessEnginePlugin {

  private final Organisation organisation;
  private final Listener listener;

  public ProjectionPlugin(Organisation organisation) {
    this.organisation = organisation;
    this.listener = new Listener(organisation);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element element, ProcessDefinitionEntity definition) {
        CaseListener cases = new CaseListener(organisation, definition.getKey());
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_START, cases);
        definition.addBuiltInListener(ExecutionListener.EVENTNAME_END, cases);
      }
    });
    EveryUserTaskPlugin.forEveryUserTask(configuration, (element, definition) -> {
      for (String event : List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
          TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE)) {
        definition.addBuiltInTaskListener(event, listener);
      }
      for (String timeoutId : timeoutIds(element)) {
        TaskListener own = definition.getTimeoutTaskListener(timeoutId);
        if (own != null) {
          definition.addTimeoutTaskListener(timeoutId, task -> {
            own.notify(task);
            listener.refresh(task, null, null);
          });
        }
      }
    });
  }

  private static List<String> timeoutIds(Element userTask) {
    List<String> ids = new ArrayList<>();
    Element extensions = userTask.element("extensionElements");
    if (extensions == null) {
      return ids;
    }
    for (Element taskListener : extensions.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "taskListener")) {
      String id = taskListener.attribute("id");
      if (TaskListener.EVENTNAME_TIMEOUT.equals(taskListener.attribute("event")) && id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  /** Writes the task's row on the engine's own connection, in the command's transaction. */
  static final class Listener implements TaskListener {

    private final Organisation organisation;

    Listener(Organisation organisation) {
      this.organisation = organisation;
    }

    @Override
    public void notify(DelegateTask task) {
      switch (task.getEventName()) {
        case EVENTNAME_CREATE -> create(task);
        case EVENTNAME_COMPLETE -> refresh(task, ClockUtil.getCurrentTime(), TaskProjection.COMPLETED);
        case EVENTNAME_DELETE -> refresh(task, ClockUtil.getCurrentTime(), TaskProjection.DELETED);
        default -> refresh(task, null, null);
      }
    }

    private void create(DelegateTask task) {
      if (task.getProcessInstanceId() == null) {
        return;
      }
      try {
        TaskProjection.insert(connection(), row(task, null, null));
      } catch (SQLException e) {
        throw TaskProjection.failure(e);
      }
    }

    void refresh(DelegateTask task, Date endedAt, String outcome) {
      if (task.getProcessInstanceId() == null) {
        return;
      }
      try {
        Connection connection = connection();
        if (!TaskProjection.update(connection, task.getId(), task.getDueDate(), escalated(task), endedAt, outcome)) {
          TaskProjection.insert(connection, row(task, endedAt, outcome));
        }
      } catch (SQLException e) {
        throw TaskProjection.failure(e);
      }
    }

    private TaskProjection.Row row(DelegateTask task, Date endedAt, String outcome) {
      DelegateExecution instance = task.getExecution().getProcessInstance();
      String funktion = CandidateGroups.of(task).stream().sorted().findFirst().orElse(null);
      TaskProjection.Place place = TaskProjection.Place.of(organisation, instance.getVariableLocal("kommun"),
          instance.getVariableLocal("lpo"), funktion);
      String processKey = task.getProcessEngineServices().getRepositoryService()
          .getProcessDefinition(task.getProcessDefinitionId()).getKey();
      FlowElement element = task.getBpmnModelElementInstance();
      String name = element != null && element.getName() != null ? element.getName() : task.getTaskDefinitionKey();
      return new TaskProjection.Row(task.getId(), task.getProcessInstanceId(), processKey, task.getTaskDefinitionKey(),
          name, place.kommun(), place.lpo(), funktion, task.getCreateTime(), task.getDueDate(), endedAt, outcome,
          escalated(task));
    }

    private static boolean escalated(DelegateTask task) {
      return task.getPriority() >= TaskProjection.ESCALATED_PRIORITY;
    }

    static Connection connection() {
      return Context.getCommandContext().getDbSqlSession().getSqlSession().getConnection();
    }
  }

  /**
   * Writes the case's row as the process instance starts (its variables are set by then: the
   * municipality and LPO it was started with) and marks it ended, on the engine's connection.
   */
  static final class CaseListener implements ExecutionListener {

    private final Organisation organisation;
    private final String processKey;

    CaseListener(Organisation organisation, String processKey) {
      this.organisation = organisation;
      this.processKey = processKey;
    }

    @Override
    public void notify(DelegateExecution execution) {
      try {
        if (EVENTNAME_START.equals(execution.getEventName())) {
          TaskProjection.Place place = TaskProjection.Place.of(organisation, execution.getVariableLocal("kommun"),
              execution.getVariableLocal("lpo"), null);
          CaseProjection.insert(Listener.connection(), new CaseProjection.Row(execution.getProcessInstanceId(),
              processKey, place.kommun(), place.lpo(), ClockUtil.getCurrentTime(), null));
        } else {
          // a case that started before the projection has no row: ProjectionRebuild adds it from history
          CaseProjection.end(Listener.connection(), execution.getProcessInstanceId(), ClockUtil.getCurrentTime());
        }
      } catch (SQLException e) {
        throw TaskProjection.failure(e);
      }
    }
  }
}
