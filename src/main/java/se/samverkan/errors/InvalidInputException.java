package se.samverkan.errors;

import java.util.List;
import se.samverkan.forms.FormValidationException;

/** A request refused at the REST boundary because of its input (400, Swedish message, nothing changes). */
public class InvalidInputException extends FormValidationException {

  public InvalidInputException(String message) {
    super(List.of(message), message);
  }
}
