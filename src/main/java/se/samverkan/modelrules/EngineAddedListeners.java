package se.samverkan.modelrules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import se.samverkan.engine.EveryUserTaskPlugin;
import se.samverkan.organisation.Organisation;

/**
 * What the engine adds to every user task, so that no model has to carry it ({@link ModelRules}
 * lists what a model must carry), in this order: when the task is created, first who it goes to
 * ({@link TaskRecipientCheck}), after the model's own create listeners the notification of the
 * function and the columns of Tasklist's lists; before the model's own complete listeners, the
 * server-side validation of the form, then the to-do checklists. The engine's plugins are assembled
 * in {@code se.samverkan.startup.EngineWiring}.
 */
public final class EngineAddedListeners {

  public static final String FORM_VALIDATION = "formValidation";
  public static final String CHECKLIST_COMPLETE = "checklistComplete";

  private EngineAddedListeners() {}

  /** Every new task goes to functions of its case, to no person. */
  public static EveryUserTaskPlugin recipientCheck(Organisation organisation) {
    return EveryUserTaskPlugin.checkEveryCreation(new TaskRecipientCheck(organisation));
  }

  /** The two complete listeners in their order. */
  public static EveryUserTaskPlugin completionChecks(TaskListener formValidation, TaskListener checklistComplete) {
    Map<String, TaskListener> listeners = new LinkedHashMap<>();
    listeners.put(FORM_VALIDATION, formValidation);
    listeners.put(CHECKLIST_COMPLETE, checklistComplete);
    return EveryUserTaskPlugin.beforeEveryCompletion(listeners);
  }
}
