package se.samverkan.est;

import static se.samverkan.est.EstCycleProcess.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.process.JsonVariables;

/** An EST report says something, or says explicitly that there is nothing to report. */
@Component("estReportRules")
public class EstReportRules implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    boolean nothing = Boolean.TRUE.equals(task.getVariable(NOTHING_TO_REPORT));
    boolean something = !blank(task.getVariable(PLACES)) || !blank(task.getVariable(WORRIES))
        || !blank(task.getVariable(TIMES)) || !blank(task.getVariable(GROUPS))
        || !blank(task.getVariable(INCIDENT_KINDS));
    List<String> problems = new ArrayList<>();
    if (!nothing && !something) {
      problems.add("Fyll i platser, tider, händelsetyper, grupper eller oro – eller kryssa i «Inget att rapportera».");
    }
    if (nothing && (!blank(task.getVariable(PLACES)) || !blank(task.getVariable(WORRIES)))) {
      problems.add("Du har kryssat i «Inget att rapportera» men också fyllt i platser eller oro: ta bort det ena.");
    }
    if (!problems.isEmpty()) {
      throw new FormValidationException(task.getName(), problems);
    }
  }

  private static boolean blank(Object value) {
    return JsonVariables.isBlank(value);
  }
}
