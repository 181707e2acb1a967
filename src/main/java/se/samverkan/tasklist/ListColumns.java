package se.samverkan.tasklist;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Gives every new task its own copy of the values Tasklist's lists show as columns (the
 * municipality and the police area, {@link TasklistFilters#LIST_VARIABLES}). Tasklist reads a list's
 * variables under authorization, and a function may read its tasks but not their process instances,
 * so the process's own variables would leave the columns empty; the task's copies it may read.
 */
public class ListColumns implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    for (String name : TasklistFilters.LIST_VARIABLES.keySet()) {
      Object value = task.getVariable(name);
      if (value != null) {
        task.setVariableLocal(name, value);
      }
    }
  }
}
