package se.samverkan.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Gives every new task its own copy of the values Tasklist's lists show as columns (the
 * municipality and the police area, {@link TasklistFilters#LIST_COLUMNS}), under the columns' own
 * names. Tasklist reads a list's variables under authorization, and a function may read its tasks but
 * not their process instances, so the process's own variables would leave the columns empty; the
 * task's copies it may read.
 */
public class ListColumns implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> columns = columns(task::getVariable);
    if (!columns.isEmpty()) {
      task.setVariablesLocal(columns);
    }
  }

  /**
   * The columns of a task, column variable to value, those whose case variable is set ({@code variable}:
   * the case variables the task sees, name to value).
   */
  static Map<String, Object> columns(Function<String, Object> variable) {
    Map<String, Object> columns = new LinkedHashMap<>();
    for (TasklistFilters.ListColumn column : TasklistFilters.LIST_COLUMNS) {
      Object value = variable.apply(column.source());
      if (value != null) {
        columns.put(column.variable(), value);
      }
    }
    return columns;
  }

  /** The case variables the columns copy. */
  static List<String> sources() {
    return TasklistFilters.LIST_COLUMNS.stream().map(TasklistFilters.ListColumn::source).toList();
  }
}
