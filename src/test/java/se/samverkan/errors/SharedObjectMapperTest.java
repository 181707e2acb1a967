package se.samverkan.errors;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Providers;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.rest.mapper.JacksonConfigurator;
import org.camunda.bpm.engine.rest.util.ProvidersUtil;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.Test;

/**
 * Camunda's resources ask Jersey for an ObjectMapper with and without a media type (the filter's
 * query, the task's HAL, request bodies): every lookup, on every request, gets Samverkan's one
 * mapper, with its nesting limit, and not a new JacksonConfigurator mapper (issue 18).
 */
class SharedObjectMapperTest {

  static final Set<ObjectMapper> SEEN = ConcurrentHashMap.newKeySet();

  @Path("/probe")
  public static class Probe {
    @Context Providers providers;

    @GET
    public String probe() {
      ObjectMapper a = ProvidersUtil.resolveFromContext(providers, ObjectMapper.class);
      ObjectMapper b = providers.getContextResolver(ObjectMapper.class, MediaType.APPLICATION_JSON_TYPE).getContext(ObjectMapper.class);
      ObjectMapper c = providers.getContextResolver(ObjectMapper.class, MediaType.valueOf("application/hal+json")).getContext(ObjectMapper.class);
      SEEN.add(a);
      SEEN.add(b);
      SEEN.add(c);
      return "ok";
    }
  }

  @Test
  void everyLookupOnEveryRequestGetsTheOneMapper() throws Exception {
    ResourceConfig config = new ResourceConfig(Probe.class, JacksonConfigurator.class);
    config.property("contextConfig", new org.springframework.context.annotation.AnnotationConfigApplicationContext());
    ErrorMapping.PROVIDERS.forEach(config::register);
    ApplicationHandler app = new ApplicationHandler(config);
    for (int i = 0; i < 2; i++) {
      app.apply(new ContainerRequest(URI.create("http://x/"), URI.create("http://x/probe"), "GET", null,
          new org.glassfish.jersey.internal.MapPropertiesDelegate(), null)).get();
    }
    assertThat(SEEN).containsExactly(ErrorMapping.LimitedObjectMapper.MAPPER);
    assertThat(ErrorMapping.LimitedObjectMapper.MAPPER.getFactory().streamReadConstraints().getMaxNestingDepth())
        .isEqualTo(ErrorMapping.MAX_JSON_NESTING);
  }
}
