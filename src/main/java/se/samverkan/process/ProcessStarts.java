package se.samverkan.process;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/** Starting one process from another, by its start message, so the models show the hand-over. */
public final class ProcessStarts {

  private ProcessStarts() {}

  public static ProcessInstance byMessage(RuntimeService runtime, String message, String businessKey,
      VariableMap variables) {
    return runtime.createMessageCorrelation(message)
        .processInstanceBusinessKey(businessKey)
        .setVariables(variables)
        .correlateStartMessage();
  }
}
