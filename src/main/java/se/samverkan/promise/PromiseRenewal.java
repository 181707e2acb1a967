package se.samverkan.promise;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/**
 * Renewal after the final evaluation: a new medborgarlöfte for the same municipality (next round),
 * with the final evaluation as the start of its lägesbild.
 */
@Component("promiseRenewal")
public class PromiseRenewal implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    Object round = execution.getVariable(PromiseProcess.ROUND);
    int next = (round instanceof Number n ? n.intValue() : 1) + 1;
    VariableMap variables = Variables.createVariables()
        .putValue(PromiseProcess.MUNICIPALITY, JsonVariables.string(execution, PromiseProcess.MUNICIPALITY))
        .putValue(PromiseProcess.LPO, JsonVariables.string(execution, PromiseProcess.LPO))
        .putValue(PromiseProcess.PERIOD, JsonVariables.string(execution, PromiseProcess.PERIOD))
        .putValue(PromiseProcess.ROUND, next)
        .putValue(PromiseProcess.PREVIOUS_PROMISE, execution.getProcessInstanceId())
        .putValue(PromiseProcess.AGREEMENT_INSTANCE, execution.getVariable(PromiseProcess.AGREEMENT_INSTANCE))
        .putValueTyped(PromiseProcess.SITUATION_PICTURE, JsonVariables.longText("#### Slututvärdering av föregående medborgarlöfte\n\n"
            + Markdown.block(JsonVariables.string(execution, PromiseProcess.FINAL_EVALUATION))
            + "\n\n" + JsonVariables.string(execution, PromiseProcess.SITUATION_PICTURE)))
        .putValueTyped(PromiseProcess.DIALOG_TEXT, JsonVariables.longText(JsonVariables.string(execution, PromiseProcess.DIALOG_TEXT)))
        .putValueTyped(PromiseProcess.AGREEMENT_TEXT, JsonVariables.longText(JsonVariables.string(execution, PromiseProcess.AGREEMENT_TEXT)));
    PromiseStart.start(execution.getProcessEngineServices().getRuntimeService(), variables);
  }
}
