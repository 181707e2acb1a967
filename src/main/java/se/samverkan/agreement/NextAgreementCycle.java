package se.samverkan.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;

/**
 * The agreement period is over: the next cycle starts as a new samverkansprocess for the same LPO
 * (one instance per LPO and period), from a fresh lägesbild, linked to this one by {@code foregaendeCykel}.
 */
@Component("nextAgreementCycle")
public class NextAgreementCycle implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY,
        Variables.createVariables()
            .putValue(AgreementProcess.LPO, JsonVariables.string(execution, AgreementProcess.LPO))
            .putValue(AgreementProcess.PERIOD, JsonVariables.string(execution, AgreementProcess.NEXT_PERIOD))
            .putValue(AgreementProcess.PREVIOUS_CYCLE, execution.getProcessInstanceId()));
  }
}
