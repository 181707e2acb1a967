package se.samverkan.forms;

import java.util.List;

/**
 * A process start refused because of its input (e.g. an unknown municipality, a start form field
 * against its rules). A form validation refusal, so the REST API and Tasklist answer 400 with the
 * Swedish message and nothing is started. "Not allowed" is an AuthorizationException (403) instead.
 */
public class StartRefusedException extends FormValidationException {

  public StartRefusedException(String message) {
    this(List.of(message));
  }

  public StartRefusedException(List<String> problems) {
    super(problems, "Processen kan inte startas: " + String.join(" ", problems));
  }
}
