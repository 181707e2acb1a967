package se.samverkan.promise;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import se.samverkan.process.ProcessStarts;

/** Starts a medborgarlöfte by its start message; the business key names municipality, period and round. */
public final class PromiseStart {

  private PromiseStart() {}

  public static ProcessInstance start(RuntimeService runtime, VariableMap variables) {
    String businessKey = variables.get(PromiseProcess.MUNICIPALITY) + " " + variables.get(PromiseProcess.PERIOD)
        + " #" + variables.get(PromiseProcess.ROUND);
    return ProcessStarts.byMessage(runtime, PromiseProcess.START_MESSAGE, businessKey, variables);
  }
}
