package se.samverkan.forms;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  private final DeployedTaskForms forms;

  public ChecklistCompleteListener(DeployedTaskForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    List<JsonNode> checklists = checklistsOf(forms.of(task));
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

  /** The form's to-do checklists with fixed points that the person fills in (walked as {@link FormRules#walk}). */
  static List<JsonNode> checklistsOf(JsonNode form) {
    List<JsonNode> result = new ArrayList<>();
    FormRules.walk(form.path("components"), false, new FormRules.ComponentVisitor() {
      @Override
      public void field(JsonNode field, String type, boolean optional) {
        if (!optional && isTodo(field) && field.path("values").isArray() && !field.get("values").isEmpty()) {
          result.add(field);
        }
      }

      @Override
      public FormRules.ComponentVisitor group(JsonNode group, String path, boolean optional) {
        return path == null && !optional ? this : null; // a group with a path keeps its values apart
      }

      @Override
      public void list(JsonNode list, String path, boolean optional) {
        // the rows of a dynamic list are no fixed checklist of the step
      }
    });
    return result;
  }

  /** Whether a form component is a checklist the form marks as a to-do list. */
  public static boolean isTodo(JsonNode component) {
    return "checklist".equals(component.path("type").asText())
        && "true".equals(component.path("properties").path(TODO_PROPERTY).asText());
  }
}
