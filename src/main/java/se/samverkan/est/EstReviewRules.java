package se.samverkan.est;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.process.JsonVariables;

/** The review closing the year needs its deeper yearly analysis. */
@Component("estReviewRules")
public class EstReviewRules implements TaskListener {

  static final String YEARLY_ANALYSIS = "arsanalys";

  @Override
  public void notify(DelegateTask task) {
    if (Boolean.TRUE.equals(task.getVariable(EstReviewProcess.YEARLY)) && JsonVariables.isBlank(task.getVariable(YEARLY_ANALYSIS))) {
      throw new FormValidationException(task.getName(),
          List.of("«Årlig fördjupad analys» måste fyllas i vid årets sista genomgång."));
    }
  }
}
