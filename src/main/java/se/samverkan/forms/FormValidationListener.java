package se.samverkan.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Server-side validation of what a Camunda Form submits, referenced by every user task as the
 * {@code complete} task listener {@code ${formValidation}}. Tasklist validates in the browser
 * only, in English, and REST callers not at all; this checks the same rules the form declares
 * (required, types, lengths, options) and refuses the completion with a Swedish message.
 */
@Component("formValidation")
public class FormValidationListener implements TaskListener {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> formsByTaskDefinition = new ConcurrentHashMap<>();

  @Override
  public void notify(DelegateTask task) {
    JsonNode form = deployedFormOf(task);
    List<String> problems = new FormRules(form).check(task::getVariable);
    if (!problems.isEmpty()) {
      throw new FormValidationException(task.getName(), problems);
    }
  }

  /**
   * The task's deployed Camunda Form, read once per process definition and task; also used by the
   * completion guard ({@code se.samverkan.security.CompletionGuard}).
   */
  public JsonNode deployedFormOf(DelegateTask task) {
    return formsByTaskDefinition.computeIfAbsent(
        task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), key -> deployedForm(task));
  }

  private static JsonNode deployedForm(DelegateTask task) {
    try (InputStream in = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
