package se.samverkan.tasklist;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
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
    Map<String, Object> columns = columns(task::getVariable);
    if (!columns.isEmpty()) {
      task.setVariablesLocal(columns);
    }
  }

  /** The columns' values a task sees ({@code variable}: name to value), those that are set. */
  static Map<String, Object> columns(Function<String, Object> variable) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (String name : TasklistFilters.LIST_VARIABLES.keySet()) {
      Object value = variable.apply(name);
      if (value != null) {
        columns.put(name, value);
      }
    }
    return columns;
  }
}
