package se.samverkan.modelrules;

import java.util.List;
import java.util.Optional;
import se.samverkan.forms.FormValidationException;

/**
 * A user task was about to go to something that is not a function of its case (see
 * {@link TaskRecipientCheck}). Thrown while the task is created, so the transaction that would
 * create it fails and nothing of it is kept. A refusal like a form's: the engine wraps it, the REST
 * API and Tasklist find it in the causes and answer 400 with the Swedish message.
 */
public class TaskRecipientRefusedException extends FormValidationException {

  public TaskRecipientRefusedException(String message) {
    super(List.of(message), message);
  }

  /** The refusal in what the engine threw, if it is one. */
  public static Optional<TaskRecipientRefusedException> findRefusalIn(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof TaskRecipientRefusedException refusal) {
        return Optional.of(refusal);
      }
    }
    return Optional.empty();
  }
}
