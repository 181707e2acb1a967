package se.samverkan.promise;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.process.JsonVariables;

/** A follow-up that decides to adjust the promises says what needs adjusting. */
@Component("followUpRules")
public class FollowUpRules implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if ("ja".equals(JsonVariables.string(task, PromiseProcess.ADJUST))
        && JsonVariables.string(task, PromiseProcess.ADJUSTMENT_NEED).isBlank()) {
      throw new FormValidationException(task.getName(),
          List.of("«Vad behöver justeras?» måste fyllas i när löftena ska justeras."));
    }
  }
}
