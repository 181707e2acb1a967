package se.samverkan.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine wraps a refusal from a task listener in a generic exception, which its REST API
 * would answer with 500 and an English prefix. This mapping answers 400 with our Swedish message,
 * which Tasklist shows to the person; every other exception keeps Camunda's own mapping.
 */
@Configuration(proxyBeanMethods = false)
class FormValidationRestMapping {

  @Bean
  ResourceConfigCustomizer formValidationExceptionMapper() {
    return config -> {
      config.register(EngineRefusalMapper.class);
      config.register(RestRefusalMapper.class);
    };
  }

  /** Exceptions the REST resources let through unchanged. */
  @Priority(1)
  public static class EngineRefusalMapper implements ExceptionMapper<ProcessEngineException> {

    private final ProcessEngineExceptionHandler camunda = new ProcessEngineExceptionHandler();

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return FormValidationException.findIn(exception)
          .map(FormValidationRestMapping::badRequest)
          .orElseGet(() -> camunda.toResponse(exception));
    }
  }

  /** Exceptions the REST resources wrap themselves, e.g. "Cannot complete task" as a 500. */
  @Priority(1)
  public static class RestRefusalMapper implements ExceptionMapper<RestException> {

    private final RestExceptionHandler camunda = new RestExceptionHandler();

    @Override
    public Response toResponse(RestException exception) {
      return FormValidationException.findIn(exception)
          .map(FormValidationRestMapping::badRequest)
          .orElseGet(() -> camunda.toResponse(exception));
    }
  }

  private static Response badRequest(FormValidationException refusal) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", FormValidationException.class.getSimpleName());
    body.put("message", refusal.getMessage());
    body.put("code", null);
    body.put("problems", refusal.problems());
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }
}
