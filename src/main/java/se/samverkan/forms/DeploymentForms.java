package se.samverkan.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;

/** The Camunda Form with a given id from one deployment: what a deployment-bound formRef shows. */
public final class DeploymentForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeploymentForms() {}

  public static Optional<JsonNode> find(RepositoryService repository, String deploymentId, String formId) {
    if (formId == null) {
      return Optional.empty();
    }
    for (String resource : repository.getDeploymentResourceNames(deploymentId)) {
      if (!resource.endsWith(".form")) {
        continue;
      }
      try (InputStream in = repository.getResourceAsStream(deploymentId, resource)) {
        JsonNode form = JSON.readTree(in);
        if (formId.equals(form.path("id").asText())) {
          return Optional.of(form);
        }
      } catch (IOException unreadable) {
        // ModelRules refused unreadable forms at deployment; one that is unreadable here shows nothing
      }
    }
    return Optional.empty();
  }

  /**
   * The labels of a choice field's options (checklist, radio, select with static values), by value,
   * wherever the field with that key sits in the form (groups and lists included).
   */
  public static Map<String, String> optionLabels(JsonNode form, String key) {
    Map<String, String> labels = new LinkedHashMap<>();
    collectOptionLabels(form.path("components"), key, labels);
    return labels;
  }

  private static void collectOptionLabels(JsonNode components, String key, Map<String, String> labels) {
    for (JsonNode component : components) {
      if (key.equals(component.path("key").asText())) {
        component.path("values").forEach(option -> labels.put(option.path("value").asText(), option.path("label").asText()));
      }
      collectOptionLabels(component.path("components"), key, labels);
    }
  }
}
