package se.samverkan.security;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A process start refused because of its input (e.g. an unknown municipality). A form validation
 * exception, so the REST API and Tasklist answer 400 with the Swedish message.
 */
public class StartRefusedException extends FormFieldValidationException {

  public StartRefusedException(String field, String message) {
    super(field, message);
  }
}
