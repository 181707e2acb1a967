package se.samverkan.process;

import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.VariableMap;

/** Starting one process from another, by its start message, so the models show the hand-over. */
public final class ProcessStarts {

  /**
   * The processes Samverkan starts by itself and nobody starts by hand: överlämning (a person
   * left a function), medborgarlöfte (the agreement was signed), the EST cycle and the styrgrupp's
   * review (the municipality's EST schedule). A function user's own start of one of them is refused
   * (security/StartValidation), the organisation file cannot list them under {@code starts}, and
   * their models say {@code camunda:isStartableInTasklist="false"}.
   */
  public static final Set<String> STARTED_BY_SAMVERKAN =
      Set.of("overlamning", "medborgarlofte", "est-cykel", "est-styrgrupp");

  private ProcessStarts() {}

  public static ProcessInstance byMessage(RuntimeService runtime, String message, String businessKey,
      VariableMap variables) {
    return runtime.createMessageCorrelation(message)
        .processInstanceBusinessKey(businessKey)
        .setVariables(variables)
        .correlateStartMessage();
  }
}
