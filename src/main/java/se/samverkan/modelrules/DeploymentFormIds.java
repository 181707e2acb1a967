package se.samverkan.modelrules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/** The ids of the Camunda Forms that travel in one deployment (a task's deployed form: forms.DeployedTaskForms). */
final class DeploymentFormIds {

  private static final ObjectMapper JSON = new ObjectMapper();

  private DeploymentFormIds() {}

  static Set<String> of(DeploymentEntity deployment) {
    Set<String> ids = new HashSet<>();
    if (deployment.getResources() == null) {
      return ids;
    }
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (resource.getName() != null && resource.getName().endsWith(".form") && resource.getBytes() != null) {
        try {
          JsonNode id = JSON.readTree(resource.getBytes()).get("id");
          if (id != null && id.isTextual()) {
            ids.add(id.asText());
          }
        } catch (IOException unreadableForm) {
          // The engine reports unreadable forms itself when Tasklist asks for them.
        }
      }
    }
    return ids;
  }
}
