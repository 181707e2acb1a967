package se.samverkan.security;

import java.util.List;
import se.samverkan.forms.FormValidationException;

/**
 * A process start refused because of its input (e.g. an unknown municipality). A form validation
 * refusal, so the REST API and Tasklist answer 400 with the Swedish message and nothing is started.
 */
public class StartRefusedException extends FormValidationException {

  public StartRefusedException(String message) {
    super(List.of(message), "Processen kan inte startas: " + message);
  }
}
