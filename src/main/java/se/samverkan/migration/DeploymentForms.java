package se.samverkan.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;

/** The Camunda Form with a given id from one deployment: what a deployment-bound formRef shows. */
final class DeploymentForms {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeploymentForms() {}

  static Optional<JsonNode> find(RepositoryService repository, String deploymentId, String formId) {
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
}
