package se.samverkan.agreement;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;

/**
 * Keeps each municipality's contribution to the lägesbild (fields local to its task) in the
 * instance's {@code lagesbilder}, keyed by the municipality.
 */
@Component("situationPictureCollector")
public class SituationPictureCollector implements TaskListener {

  static final String[] FIELDS = {"trygghet", "signaler", "brottslighet", "tidigareDialoger"};

  @Override
  public void notify(DelegateTask task) {
    String kommun = JsonVariables.string(task, "kommun");
    DelegateExecution root = task.getExecution().getProcessInstance();
    ObjectNode pictures = JsonVariables.object(root, AgreementProcess.SITUATION_PICTURES);
    ObjectNode picture = pictures.putObject(kommun);
    picture.put("kommunNamn", JsonVariables.string(task, "kommunNamn"));
    for (String field : FIELDS) {
      picture.put(field, JsonVariables.string(task, field));
    }
    picture.put("datum", JsonVariables.now());
    JsonVariables.write(root, AgreementProcess.SITUATION_PICTURES, pictures);
  }
}
