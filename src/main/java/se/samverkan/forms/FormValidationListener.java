package se.samverkan.forms;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Server-side validation of what a Camunda Form submits, added by the engine to every user task as
 * a complete listener ({@code se.samverkan.modelrules.EngineAddedListeners}). Tasklist validates in
 * the browser only, in English, and REST callers not at all; this checks the same rules the form
 * declares (required, types, lengths, options) and refuses the completion with a Swedish message.
 */
@Component("formValidation")
public class FormValidationListener implements TaskListener {

  private final DeployedTaskForms forms;

  public FormValidationListener(DeployedTaskForms forms) {
    this.forms = forms;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new FormRules(forms.of(task)).check(task::getVariable);
    if (!problems.isEmpty()) {
      throw new FormValidationException(task.getName(), problems);
    }
  }
}
