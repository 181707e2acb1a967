package se.samverkan.tasklist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;
import se.samverkan.security.FunctionAuthorizations;

/**
 * The shared Tasklist filters every user sees. Filters are looked up by name, so a restart
 * updates their query and keeps their id (and any bookmarks to it).
 *
 * <p>Tasklist lists filters by their {@code priority} property, lowest first, and opens the first
 * one after login: that is {@link #FUNCTION_TASKS}, the work waiting for the user's functions, so
 * that a new user, who has claimed nothing yet, does not land on an empty "Mina uppgifter (0)".
 */
@Component
public class TasklistFilters {

  public static final String MY_TASKS = "Mina uppgifter";
  public static final String FUNCTION_TASKS = "Min funktions uppgifter";
  public static final String OVERDUE = "Försenade";
  public static final String ESCALATED = "Eskalerade";

  /**
   * The columns every list shows, in order. Each task gets its own copy of the case's value under the
   * column's name (ListColumns): a function may read its tasks but not always their cases. The name is
   * one no case variable has: Camunda's list asks for the columns' names in each task's own scope, its
   * execution's and its process instance's, and checks every row it finds against the user's grants, so
   * a copy named like the case variable doubled the rows checked (issue 18).
   */
  public static final List<ListColumn> LIST_COLUMNS = List.of(
      new ListColumn("kolumnKommun", "kommunNamn", "Kommun"),
      new ListColumn("kolumnLpo", "lpoNamn", "Lokalpolisområde"));

  /** A list column: the task variable Tasklist shows, the case variable it copies, its label. */
  public record ListColumn(String variable, String source, String label) {}

  /** The task variable of the list's municipality column (Tasklist's "Kommun" search criterion). */
  public static final String MUNICIPALITY_COLUMN = LIST_COLUMNS.get(0).variable();

  /** The tasks' column variables. */
  public static Set<String> listColumnVariables() {
    Set<String> names = new LinkedHashSet<>();
    LIST_COLUMNS.forEach(column -> names.add(column.variable()));
    return names;
  }

  /** The lowest filter priority: Tasklist opens this filter ({@link #FUNCTION_TASKS}) after login. */
  public static final int FUNCTION_TASKS_PRIORITY = -10;

  /** Task priority from which a task counts as escalated; Camunda's default priority is 50. */
  public static final int ESCALATED_PRIORITY = 75;

  private final FilterService filterService;
  private final TaskService taskService;
  private final FunctionAuthorizations authorizations;

  public TasklistFilters(FilterService filterService, TaskService taskService, FunctionAuthorizations authorizations) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.authorizations = authorizations;
  }

  public void createOrUpdate() {
    save(FUNCTION_TASKS, FUNCTION_TASKS_PRIORITY, "Allt som väntar på dina funktioner, taget eller inte", "#3c763d",
        functionTasks());
    save(MY_TASKS, 0, "Uppgifter som du har tagit", "#2e6da4",
        taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
    save(OVERDUE, 10, "Dina funktioners uppgifter som passerat sitt förfallodatum", "#a94442",
        functionTasks().dueBeforeExpression("${now()}"));
    save(ESCALATED, 20, "Uppgifter som stannat av och eskalerats till dig eller din funktion", "#8a6d3b",
        functionTasks().taskMinPriority(ESCALATED_PRIORITY));
  }

  private TaskQuery functionTasks() {
    return taskService.createTaskQuery()
        .taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks();
  }

  private void save(String name, int priority, String description, String color, TaskQuery query) {
    Filter filter = filterService.createFilterQuery().filterName(name).singleResult();
    if (filter == null) {
      filter = filterService.newTaskFilter(name);
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("priority", priority);
    properties.put("description", description);
    properties.put("color", color);
    properties.put("refresh", true);
    List<Map<String, String>> columns = new ArrayList<>();
    LIST_COLUMNS.forEach(column -> columns.add(Map.of("name", column.variable(), "label", column.label())));
    properties.put("variables", columns);
    filter.setOwner(null);
    filter.setProperties(properties);
    filter.setQuery(query.orderByDueDate().asc());
    filterService.saveFilter(filter);
    authorizations.grantToEveryone(Resources.FILTER, filter.getId(), Permissions.READ);
  }
}
