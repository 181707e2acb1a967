package se.samverkan.errors;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.VariableValueDto;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.hal.Hal;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.variable.Variables.SerializationDataFormats;

/**
 * The JAX-RS providers that give both REST APIs (/engine-rest and the webapps' engine API) the same
 * error answers ({@link SwedishErrorMessages}) and the same checks of what a client sends. Jersey
 * picks the exception mapper of the closest exception type, and among equals the lowest priority
 * number: these mappers cover exactly the types Camunda maps itself (CamundaRestResources) with
 * priority 1, so they always win.
 */
public final class ErrorMapping {

  /** Deepest JSON nesting a REST body may have; Camunda's request bodies need fewer than ten levels. */
  public static final int MAX_JSON_NESTING = 100;
  /** ACT_RU_VARIABLE.NAME_ and ACT_HI_VARINST.NAME_ are varchar(255) on every database Camunda supports. */
  public static final int MAX_VARIABLE_NAME_LENGTH = 255;

  /** Registered in both applications, by class (the webapp's through Jersey's provider class names). */
  public static final List<Class<?>> PROVIDERS = List.of(
      SwedishErrorMessages.class,
      ThrowableMapper.class, ProcessEngineExceptionMapper.class, RestExceptionMapper.class,
      JsonParseExceptionMapper.class, JsonMappingExceptionMapper.class,
      LimitedObjectMapper.class, VariableCheck.class, VariableNameInPathCheck.class);

  private ErrorMapping() {}

  public static String providerClassNames() {
    return PROVIDERS.stream().map(Class::getName).collect(Collectors.joining(","));
  }

  @Provider
  @Priority(1)
  public static class ThrowableMapper implements ExceptionMapper<Throwable> {
    @Context UriInfo request;

    @Override
    public Response toResponse(Throwable exception) {
      return SwedishErrorMessages.toResponse(exception, request);
    }
  }

  @Provider
  @Priority(1)
  public static class ProcessEngineExceptionMapper implements ExceptionMapper<ProcessEngineException> {
    @Context UriInfo request;

    @Override
    public Response toResponse(ProcessEngineException exception) {
      return SwedishErrorMessages.toResponse(exception, request);
    }
  }

  /** The REST resources wrap what the engine throws, e.g. "Cannot submit task form …" as a 500. */
  @Provider
  @Priority(1)
  public static class RestExceptionMapper implements ExceptionMapper<RestException> {
    @Context UriInfo request;

    @Override
    public Response toResponse(RestException exception) {
      return SwedishErrorMessages.toResponse(exception, request);
    }
  }

  @Provider
  @Priority(1)
  public static class JsonParseExceptionMapper implements ExceptionMapper<JsonParseException> {
    @Context UriInfo request;

    @Override
    public Response toResponse(JsonParseException exception) {
      return SwedishErrorMessages.toResponse(exception, request);
    }
  }

  @Provider
  @Priority(1)
  public static class JsonMappingExceptionMapper implements ExceptionMapper<JsonMappingException> {
    @Context UriInfo request;

    @Override
    public Response toResponse(JsonMappingException exception) {
      return SwedishErrorMessages.toResponse(exception, request);
    }
  }

  /**
   * Camunda's ObjectMapper (JacksonConfigurator's settings) with a nesting limit: a deeper body is a
   * 400 before anything recurses into it. One for the application: JacksonConfigurator makes a new
   * ObjectMapper on every call, so Jackson built its serializers and deserializers again on every
   * request (6 % of the CPU of Tasklist's requests, docs/benchmark.md, issue 18). Declared for JSON and
   * HAL as JacksonConfigurator is, so that Jersey asks this one first for those media types as well
   * (priority 1), not only for lookups without a media type.
   */
  @Provider
  @Priority(1)
  @Produces({MediaType.APPLICATION_JSON, Hal.APPLICATION_HAL_JSON, MediaType.WILDCARD})
  public static class LimitedObjectMapper implements ContextResolver<ObjectMapper> {
    static final ObjectMapper MAPPER = JacksonConfigurator.configureObjectMapper(new ObjectMapper(
        JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_NESTING).build())
            .build()));

    @Override
    public ObjectMapper getContext(Class<?> type) {
      return MAPPER;
    }
  }

  /**
   * Variables in a request body (complete, submit-form, start, modify, correlate …): every name
   * present and short enough for the engine's column, no Java-serialized object. Checked on the
   * read body, so every endpoint with a variables map is covered, and before the engine sees it.
   */
  @Provider
  @Priority(Priorities.USER)
  public static class VariableCheck implements ReaderInterceptor {
    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
      Object body = context.proceed();
      check(body, 0);
      return body;
    }

    static void check(Object value, int depth) {
      if (value == null || depth > 4) {
        return;
      }
      if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
          if (entry.getValue() instanceof VariableValueDto variable) {
            checkName(String.valueOf(entry.getKey()));
            checkValue(variable);
          } else {
            check(entry.getValue(), depth + 1);
          }
        }
      } else if (value instanceof Collection<?> items) {
        items.forEach(item -> check(item, depth + 1));
      } else if (value instanceof VariableValueDto variable) {
        checkValue(variable);
      } else if (value.getClass().getName().startsWith("org.camunda.bpm.engine.rest.dto.")) {
        for (Method getter : value.getClass().getMethods()) {
          if (getter.getParameterCount() == 0 && getter.getName().startsWith("get")
              && !Modifier.isStatic(getter.getModifiers())
              && (Map.class.isAssignableFrom(getter.getReturnType())
                  || Collection.class.isAssignableFrom(getter.getReturnType())
                  || getter.getReturnType().getName().startsWith("org.camunda.bpm.engine.rest.dto."))) {
            try {
              check(getter.invoke(value), depth + 1);
            } catch (ReflectiveOperationException e) {
              // a getter that cannot be read holds nothing a client sent
            }
          }
        }
      }
    }

    static void checkName(String name) {
      if (name.isBlank()) {
        throw new InvalidInputException(SwedishErrorMessages.VARIABLE_NAME_EMPTY);
      }
      if (name.length() > MAX_VARIABLE_NAME_LENGTH) {
        throw new InvalidInputException(String.format(SwedishErrorMessages.VARIABLE_NAME_TOO_LONG,
            MAX_VARIABLE_NAME_LENGTH));
      }
    }

    static void checkValue(VariableValueDto variable) {
      if (!"Object".equalsIgnoreCase(String.valueOf(variable.getType()))) {
        return;
      }
      Object format = variable.getValueInfo() == null ? null : variable.getValueInfo().get("serializationDataFormat");
      // Without a format the engine would use its default, Java serialization.
      if (!SerializationDataFormats.JSON.getName().equals(format) && !SerializationDataFormats.XML.getName().equals(format)) {
        throw new InvalidInputException(SwedishErrorMessages.JAVA_OBJECT);
      }
    }
  }

  /** PUT/POST …/variables/{varId} (VariableResource): the name in the path, as long as the engine's column allows. */
  @Provider
  @Priority(Priorities.USER)
  public static class VariableNameInPathCheck implements ContainerRequestFilter {
    @Override
    public void filter(ContainerRequestContext request) {
      String name = request.getUriInfo().getPathParameters().getFirst("varId");
      if (name != null && !"GET".equals(request.getMethod())) {
        VariableCheck.checkName(name);
      }
    }
  }
}
