package se.samverkan.est;

import static se.samverkan.est.EstCycleProcess.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;

/** Keeps what the responsible function reports on its intervention as {@code utfall_<id>} on the cycle. */
@Component("estInterventionOutcome")
public class EstInterventionOutcome implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    ObjectNode outcome = JsonVariables.newObject();
    outcome.put("utfall", String.valueOf(task.getVariable(OUTCOME)));
    Object effect = task.getVariable(EFFECT);
    outcome.put("effekt", effect == null ? "" : effect.toString());
    outcome.put("rapporterad", Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).toString());
    task.getExecution().getProcessInstance()
        .setVariableLocal(OUTCOME_PREFIX + task.getVariable(INTERVENTION_ID), JsonVariables.json(outcome));
  }
}
