package se.samverkan.agreement;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;

/**
 * The agreement period is over: the next cycle starts as a new samverkansprocess for the same LPO
 * (one instance per LPO and period), from a fresh lägesbild, linked to this one by {@code foregaendeCykel}.
 * When someone has started that period already, it runs: this cycle ends without a second one.
 */
@Component("nextAgreementCycle")
public class NextAgreementCycle implements JavaDelegate {

  private static final Logger log = LoggerFactory.getLogger(NextAgreementCycle.class);

  @Override
  public void execute(DelegateExecution execution) {
    String lpo = JsonVariables.string(execution, AgreementProcess.LPO);
    String period = JsonVariables.string(execution, AgreementProcess.NEXT_PERIOD);
    if (AgreementPeriods.isClaimed(lpo, period)) {
      log.info("Samverkansprocessen för {} {} finns redan; ingen ny cykel startas från {}", lpo, period,
          execution.getProcessInstanceId());
      return;
    }
    execution.getProcessEngineServices().getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY,
        Variables.createVariables()
            .putValue(AgreementProcess.LPO, lpo)
            .putValue(AgreementProcess.PERIOD, period)
            .putValue(AgreementProcess.PREVIOUS_CYCLE, execution.getProcessInstanceId()));
  }
}
