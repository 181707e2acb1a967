package se.samverkan.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;

/**
 * A step's to-do list is done when every point is ticked: a complete listener the engine adds to
 * every user task ({@code se.samverkan.modelrules.EngineAddedListeners}) refuses a completion while
 * a to-do checklist has a point left open. The form marks which checklists are to-dos, with the
 * custom property {@value #TODO_PROPERTY} = {@code "true"} on the checklist component (in Modeler's
 * form editor: the checklist's "Custom properties"); a checklist without it is a choice (the kinds
 * of incidents, the municipalities that hold a dialogue) and may be ticked in part. A to-do has
 * fixed points; one that is conditional, read-only or inside a dynamic list is not checked here.
 */
@Component("checklistComplete")
public class ChecklistCompleteListener implements TaskListener {

  /** The custom property of a checklist component that makes it a to-do list. */
  public static final String TODO_PROPERTY = "samverkan.todo";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, List<JsonNode>> checklistsByTaskDefinition = new ConcurrentHashMap<>();

  @Override
  public void notify(DelegateTask task) {
    List<JsonNode> checklists = checklistsByTaskDefinition.computeIfAbsent(
        task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), key -> checklistsOf(deployedForm(task)));
    List<String> problems = new ArrayList<>();
    for (JsonNode checklist : checklists) {
      Set<String> ticked = new HashSet<>();
      JsonVariables.read(task, checklist.get("key").asText()).forEach(value -> ticked.add(value.asText()));
      List<String> open = new ArrayList<>();
      checklist.get("values").forEach(option -> {
        if (!ticked.contains(option.path("value").asText())) {
          open.add(option.path("label").asText());
        }
      });
      if (!open.isEmpty()) {
        problems.add("«" + checklist.path("label").asText(checklist.get("key").asText())
            + "»: bocka i alla punkter när de är gjorda (kvar: " + String.join("; ", open) + ").");
      }
    }
    if (!problems.isEmpty()) {
      throw new FormValidationException(task.getName(), problems);
    }
  }

  static List<JsonNode> checklistsOf(JsonNode form) {
    List<JsonNode> result = new ArrayList<>();
    collect(form.path("components"), result);
    return result;
  }

  private static void collect(JsonNode components, List<JsonNode> result) {
    for (JsonNode component : components) {
      if (component.hasNonNull("conditional") || component.path("readonly").asBoolean(false)
          || component.path("disabled").asBoolean(false)) {
        continue;
      }
      switch (component.path("type").asText()) {
        case "group" -> {
          if (!component.hasNonNull("path")) {
            collect(component.path("components"), result);
          }
        }
        case "checklist" -> {
          if (isTodo(component) && component.hasNonNull("key") && component.path("values").isArray() && !component.get("values").isEmpty()) {
            result.add(component);
          }
        }
        default -> {
          // dynamic lists and everything else: no fixed checklist of the step
        }
      }
    }
  }

  /** Whether a form component is a checklist the form marks as a to-do list. */
  public static boolean isTodo(JsonNode component) {
    return "checklist".equals(component.path("type").asText())
        && "true".equals(component.path("properties").path(TODO_PROPERTY).asText());
  }

  private static JsonNode deployedForm(DelegateTask task) {
    try (InputStream in = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
