package se.samverkan.operations;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Samverkan started a second time ({@link SeparateApplication}) whose engine is "default" while it
 * runs, for tests that call its REST API: Camunda's REST finds the engine by name in a JVM-wide
 * registry, and /api knows only "default". The shared test context's engine gets the name back when
 * this one is closed (the integration tests run one after the other), also when the start fails.
 */
public final class InPlaceOfTheSharedEngine implements AutoCloseable {

  public static final String ENGINE = "default";

  private final ProcessEngine sharedContextsEngine;
  private final ConfigurableApplicationContext context;
  private final String base;
  private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  private InPlaceOfTheSharedEngine(ProcessEngine sharedContextsEngine, ConfigurableApplicationContext context) {
    this.sharedContextsEngine = sharedContextsEngine;
    this.context = context;
    this.base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
  }

  /** Starts the application on its own in-memory H2 database with these command-line arguments. */
  public static InPlaceOfTheSharedEngine start(String... args) {
    ProcessEngine shared = ProcessEngines.getProcessEngines().get(ENGINE);
    try {
      return new InPlaceOfTheSharedEngine(shared, SeparateApplication.start(ENGINE, SeparateApplication.newH2Url(), args));
    } catch (RuntimeException refused) {
      giveBack(shared);
      throw refused;
    }
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  /** http://localhost:&lt;its port&gt; */
  public String base() {
    return base;
  }

  /** A client that follows no redirects, so that a test sees each answer as it is. */
  public HttpClient http() {
    return http;
  }

  /** A JSON request to this application with HTTP Basic, as a script or Modeler sends it. */
  public HttpResponse<String> rest(String method, String path, String user, String password, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "application/json")
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Override
  public void close() {
    try {
      SeparateApplication.close(context);
    } finally {
      giveBack(sharedContextsEngine);
    }
  }

  private static void giveBack(ProcessEngine shared) {
    if (shared != null) {
      ProcessEngines.registerProcessEngine(shared);
    }
  }
}
