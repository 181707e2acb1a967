package se.samverkan.handover;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.value.TypedValue;
import se.samverkan.notification.TaskLinks;
import se.samverkan.process.Markdown;

/**
 * The open work of a function as text a person reads: per open task its process, step, due date,
 * who has it, what the checklists of its process say, and a link to it.
 */
public class OpenWorkReport {

  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final RepositoryService repositoryService;
  private final TaskLinks links;
  private final ZoneId zone;

  public OpenWorkReport(TaskService taskService, RuntimeService runtimeService, RepositoryService repositoryService,
      TaskLinks links, ZoneId zone) {
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.repositoryService = repositoryService;
    this.links = links;
    this.zone = zone;
  }

  public List<Task> openTasks(String groupId) {
    return taskService.createTaskQuery().taskCandidateGroup(groupId).includeAssignedTasks()
        .orderByDueDate().asc().list();
  }

  /**
   * The open work as markdown for the handover forms' text ({{oppetArbete}}): one list item per
   * task with its link. Grows with the work (a samordnare holds 13–29 open tasks at national scale),
   * so it is kept as a JSON string variable, never as a String variable (4,000 characters).
   */
  public String describe(String groupId) {
    List<Task> tasks = openTasks(groupId);
    if (tasks.isEmpty()) {
      return "Funktionen har inga öppna uppgifter just nu.";
    }
    Map<String, String> processNames = new HashMap<>();
    StringBuilder text = new StringBuilder();
    text.append(tasks.size() == 1 ? "1 öppen uppgift" : tasks.size() + " öppna uppgifter").append(":\n\n");
    for (Task task : tasks) {
      String process = task.getProcessDefinitionId() == null ? "(fristående uppgift)"
          : processNames.computeIfAbsent(task.getProcessDefinitionId(), this::processName);
      text.append("- **").append(Markdown.cell(process + " – " + task.getName())).append("**  \n")
          .append("  Förfaller: ").append(task.getDueDate() == null ? "inget datum"
              : DATE.format(task.getDueDate().toInstant().atZone(zone)))
          .append(" · Tagen av: ").append(task.getAssignee() == null ? "ingen (ligger hos funktionen)" : task.getAssignee())
          .append("  \n");
      String checklists = checklists(task);
      if (!checklists.isEmpty()) {
        text.append("  Checklista: ").append(Markdown.cell(checklists)).append("  \n");
      }
      text.append("  [Öppna uppgiften](").append(links.task(task.getId())).append(")\n");
    }
    return text.toString().trim();
  }

  private String processName(String processDefinitionId) {
    ProcessDefinition definition = repositoryService.getProcessDefinition(processDefinitionId);
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  /** Checklist, taglist and dynamic-list answers arrive as JSON or lists: show them as they are. */
  private String checklists(Task task) {
    if (task.getExecutionId() == null) {
      return "";
    }
    VariableMap variables = runtimeService.getVariablesTyped(task.getExecutionId(), true);
    return variables.keySet().stream()
        .filter(name -> isChecklist(variables.getValueTyped(name)))
        .map(name -> name + " = " + variables.get(name))
        .collect(Collectors.joining("; "));
  }

  private static boolean isChecklist(TypedValue value) {
    return value != null && value.getValue() != null
        && ("json".equalsIgnoreCase(value.getType() == null ? "" : value.getType().getName())
            || value.getValue() instanceof Collection<?>);
  }
}
