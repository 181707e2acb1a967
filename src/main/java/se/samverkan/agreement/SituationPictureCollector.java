package se.samverkan.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.lawduty.LawDuties;
import se.samverkan.process.JsonVariables;

/**
 * A municipality's contribution to the lägesbild, in two steps that keep its audience:
 * <ul>
 *   <li>as the {@code complete} task listener of {@code kommunens-lagesbild}: the task's fields
 *   become that instance's {@code lagesbild} (the municipality's own instance);</li>
 *   <li>{@code ${situationPictureCollector.collect(execution)}}, the {@code end} listener of the
 *   multi-instance call activity in the police-only {@code gemensam-lagesbild}: the picture the
 *   call returned (local {@code lagesbild}) joins that instance's {@code lagesbilder}, keyed by the
 *   municipality, and its duty record ({@code kommunensLagkrav}) joins {@code lagkrav}.</li>
 * </ul>
 */
@Component("situationPictureCollector")
public class SituationPictureCollector implements TaskListener {

  static final String[] FIELDS = {"trygghet", "signaler", "brottslighet", "tidigareDialoger"};

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution root = task.getExecution().getProcessInstance();
    ObjectNode picture = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    picture.put("kommun", JsonVariables.string(task, MunicipalSituationPictureProcess.MUNICIPALITY));
    picture.put("kommunNamn", JsonVariables.string(task, MunicipalSituationPictureProcess.MUNICIPALITY_NAME));
    for (String field : FIELDS) {
      picture.put(field, JsonVariables.string(task, field));
    }
    picture.put("datum", JsonVariables.now());
    JsonVariables.write(root, MunicipalSituationPictureProcess.SITUATION_PICTURE, picture);
  }

  public void collect(DelegateExecution execution) {
    Object returned = execution.getVariableLocal(JointSituationPictureProcess.MUNICIPAL_SITUATION_PICTURE);
    if (returned == null) {
      return; // not an instance of the call activity (nothing came back)
    }
    JsonNode picture = JsonVariables.toJson(returned);
    String kommun = picture.path("kommun").asText(JsonVariables.string(execution, "kommun"));
    DelegateExecution root = execution.getProcessInstance();
    ObjectNode pictures = JsonVariables.object(root, JointSituationPictureProcess.SITUATION_PICTURES);
    pictures.set(kommun, picture);
    JsonVariables.write(root, JointSituationPictureProcess.SITUATION_PICTURES, pictures);
    LawDuties.merge(root, JsonVariables.read(execution, JointSituationPictureProcess.MUNICIPAL_LAW_DUTIES));
  }
}
