package se.samverkan.forms;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A form submission was refused. The REST API answers 400 with the message, which Tasklist shows
 * to the person; the task stays open and nothing of the submission is kept.
 */
public class FormValidationException extends BadUserRequestException {

  private final List<String> problems;

  public FormValidationException(String taskName, List<String> problems) {
    super("Uppgiften \"" + taskName + "\" kan inte slutföras: " + String.join(" ", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  /**
   * The engine wraps what a task listener throws in its own exceptions; this finds ours again.
   */
  public static Optional<FormValidationException> findIn(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FormValidationException refusal) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }
}
