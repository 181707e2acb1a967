package se.samverkan.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevelFull;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * History level {@value #NAME} (issue 18, docs/operations.md "History level"): everything of
 * {@code full} that a process owner and Samverkan itself read, without the bulk nobody reads.
 * <ul>
 *   <li>Kept: process, activity and task instances, identity links (handover reads them), every
 *       variable's value (ACT_HI_VARINST, which Samverkan reads), the user operation log (who completed,
 *       claimed, assigned), incidents, job failures and successes, and in ACT_HI_DETAIL <b>every change a
 *       person's completion or form submission made</b>: the fields they sent, with time and step, which
 *       with the operation log's entry is the audit of who changed which field when.</li>
 *   <li>Left out: ACT_HI_DETAIL rows of variables the engine and the models' beans set by themselves
 *       (collections, routing, copies for the next step) and the copies of their JSON values in
 *       ACT_GE_BYTEARRAY; any history of the engine's multi-instance counters and of the tasks' copies
 *       of the case's list columns; the job log's creation and deletion of each timer (two timers per
 *       task: reminder and escalation).</li>
 * </ul>
 * A person's fields are known from the command the call into the engine began with
 * ({@link SubmittedFields}, set for every caller). Camunda refuses to start when the level configured
 * differs from the one the database was created with; docs/operations.md says how to change it.
 */
public final class LeanHistoryLevel extends HistoryLevelFull {

  public static final String NAME = "samverkan-lean";
  /** Stored in ACT_GE_PROPERTY (historyLevel); Camunda's own levels are 0 to 3. */
  public static final int ID = 31;

  private static final Set<HistoryEventType> TIMER_LOG = Set.of(HistoryEventTypes.JOB_CREATE, HistoryEventTypes.JOB_DELETE);
  /** The engine's multi-instance counters: bookkeeping of the running loop, read by nobody afterwards. */
  static final Set<String> LOOP_COUNTERS = Set.of("loopCounter", "nrOfInstances", "nrOfActiveInstances",
      "nrOfCompletedInstances");
  private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
      HistoryEventTypes.VARIABLE_INSTANCE_UPDATE, HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
      HistoryEventTypes.VARIABLE_INSTANCE_DELETE, HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL);

  private final Set<String> taskCopies;

  /**
   * {@code taskCopies}: names of task-local variables that only copy a variable of the case for
   * display (Tasklist's list columns); their history is the case variable's, so they get none.
   */
  public LeanHistoryLevel(Set<String> taskCopies) {
    this.taskCopies = Set.copyOf(taskCopies);
  }

  @Override
  public int getId() {
    return ID;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    if (TIMER_LOG.contains(eventType)) {
      return false;
    }
    if (VARIABLE_EVENTS.contains(eventType)) {
      String name = entity instanceof VariableInstanceEntity variable ? variable.getName()
          : entity instanceof HistoricVariableUpdateEventEntity update ? update.getVariableName() : null;
      String taskId = entity instanceof VariableInstanceEntity variable ? variable.getTaskId()
          : entity instanceof HistoricVariableUpdateEventEntity update ? update.getTaskId() : null;
      if (name != null && (LOOP_COUNTERS.contains(name) || taskId != null && taskCopies.contains(name))) {
        return false; // none of its events, or an update would write the row its creation did not
      }
      if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
        return name != null && SubmittedFields.includes(name);
      }
    }
    return true;
  }
}
