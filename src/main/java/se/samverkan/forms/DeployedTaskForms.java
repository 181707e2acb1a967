package se.samverkan.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form of a user task as it was deployed (the engine resolves formRef and binding), read
 * once per process definition and task: a deployed definition never changes its form. The one cache
 * of task forms, shared by the server-side validation ({@link FormValidationListener}), the to-do
 * checklists ({@link ChecklistCompleteListener}) and the completion guard
 * ({@code se.samverkan.security.EngineGuard}).
 */
@Component
public class DeployedTaskForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> formsByTaskDefinition = new ConcurrentHashMap<>();

  public JsonNode of(DelegateTask task) {
    return formsByTaskDefinition.computeIfAbsent(
        task.getProcessDefinitionId() + "#" + task.getTaskDefinitionKey(), key -> read(task));
  }

  private static JsonNode read(DelegateTask task) {
    try (InputStream in = task.getProcessEngineServices().getFormService().getDeployedTaskForm(task.getId())) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
