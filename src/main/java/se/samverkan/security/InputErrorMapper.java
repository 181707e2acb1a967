package se.samverkan.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda's REST API answers "500 Cannot instantiate process definition" when a start is refused by
 * a form validation (only submit-form answers 400). Bad input is the caller's mistake: 400 with the
 * Swedish message alone. Everything else is answered exactly as Camunda would.
 */
@Provider
@Priority(Priorities.USER - 100)
public class InputErrorMapper implements ExceptionMapper<RestException> {

  @Override
  public Response toResponse(RestException exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (cause instanceof FormFieldValidationException validation) {
        return Response.status(Response.Status.BAD_REQUEST)
            .type(MediaType.APPLICATION_JSON_TYPE)
            .entity(Map.of("type", "ValidationException", "message", validation.getMessage()))
            .build();
      }
    }
    return ExceptionHandlerHelper.getInstance().getResponse(exception);
  }
}
