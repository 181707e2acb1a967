package se.samverkan.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Bearer tokens of the organisations' identity providers on /engine-rest: taken for an active user
 * of the provider's own source, as that user with that user's functions; refused (401, Swedish) for
 * an unknown user, a user of another source, a local account, an expired token, a token of an
 * unconfigured issuer or for another audience; HTTP Basic goes on working.
 */
class SingleSignOnIT {

  private static final String SAMORDNARE = "samordnare.lycksele";
  private static final String POLIS = "kommunpolis.sodra-lappland";
  private static SsoTestApplication app;
  private final HttpClient http = HttpClient.newHttpClient();
  private String taskId;

  @BeforeAll
  static void start() {
    app = new SsoTestApplication();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @BeforeEach
  void aTaskOfTheSamordnaresFunctionAndTheDirectoryRows() {
    app.directoryUser(SAMORDNARE, "lycksele-katalog");
    app.directoryUser(POLIS, "polisen-katalog");
    TaskService tasks = app.bean(TaskService.class);
    Task task = tasks.newTask();
    task.setName("Enkätsvar att läsa");
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), "samordnare-lycksele");
    taskId = task.getId();
  }

  @AfterEach
  void removeTheTask() {
    app.bean(TaskService.class).deleteTask(taskId, true);
  }

  @Test
  void shouldTakeATokenOfTheUsersOwnProviderAsThatUserWithThatUsersFunctions() throws Exception {
    HttpResponse<String> samordnare = get(rest("/task?candidateGroup=samordnare-lycksele"), bearer(lyckseleToken(SAMORDNARE)));
    assertThat(samordnare.statusCode()).isEqualTo(200);
    assertThat(samordnare.body()).contains(taskId);
    assertThat(get(rest("/task?candidateGroup=samordnare-lycksele"), basic(SAMORDNARE, "demo")).statusCode())
        .as("a directory user's password is their directory's, never Camunda's").isEqualTo(401);

    HttpResponse<String> polis = get(rest("/task/" + taskId), bearer(token(SsoTestApplication.POLISEN, POLIS)));
    assertThat(polis.statusCode()).as("the police officer is logged in, but has not the samordnare's function").isIn(403, 404);
    HttpResponse<String> own = get(rest("/task/" + taskId), bearer(lyckseleToken(SAMORDNARE)));
    assertThat(own.statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseATokenForAnUnknownUser() throws Exception {
    assertRefused(get(rest("/task"), bearer(lyckseleToken("okand.person"))), "hör inte till Lycksele kommun");
  }

  @Test
  void shouldRefuseATokenForAUserOfAnotherSource() throws Exception {
    assertRefused(get(rest("/task"), bearer(lyckseleToken(POLIS))), "hör inte till Lycksele kommun");
    assertRefused(get(rest("/task"), bearer(token(SsoTestApplication.POLISEN, SAMORDNARE))), "hör inte till Polisen");
  }

  @Test
  void shouldNeverLogInALocalAccountThroughAProvider() throws Exception {
    assertRefused(get(rest("/task"), bearer(lyckseleToken("admin"))), "hör inte till Lycksele kommun");
  }

  @Test
  void shouldRefuseATokenOfAnotherIssuerAnExpiredTokenAndATokenForAnotherAudience() throws Exception {
    assertRefused(get(rest("/task"), bearer(token("okand-utfardare", SAMORDNARE))), "Inloggningen godtas inte");
    String expired = app.provider.issueToken(SsoTestApplication.LYCKSELE, SAMORDNARE, SsoTestApplication.CLIENT_ID,
        Map.of("preferred_username", SAMORDNARE), -600).serialize();
    assertRefused(get(rest("/task"), bearer(expired)), "Inloggningen godtas inte");
    String otherAudience = app.provider.issueToken(SsoTestApplication.LYCKSELE, SAMORDNARE, "en-annan-tjanst",
        Map.of("preferred_username", SAMORDNARE), 3600).serialize();
    assertRefused(get(rest("/task"), bearer(otherAudience)), "Inloggningen godtas inte");
  }

  @Test
  void shouldRefuseALeaversTokenAtTheNextRequest() throws Exception {
    String token = lyckseleToken(SAMORDNARE);
    assertThat(get(rest("/task"), bearer(token)).statusCode()).isEqualTo(200);
    app.removeDirectoryUser(SAMORDNARE);
    assertRefused(get(rest("/task"), bearer(token)), "hör inte till Lycksele kommun");
  }

  @Test
  void shouldRefuseATokenOfAnAccountTheDirectoryDisabledAtTheNextRequest() throws Exception {
    String token = lyckseleToken(SAMORDNARE);
    assertThat(get(rest("/task"), bearer(token)).statusCode()).isEqualTo(200);
    app.setAccountState(SAMORDNARE, "DISABLED");
    try {
      assertRefused(get(rest("/task"), bearer(token)), "är inte längre aktivt i Lycksele kommuns katalog");
    } finally {
      app.setAccountState(SAMORDNARE, "ACTIVE");
    }
  }

  @Test
  void shouldKeepHttpBasicForServiceAndLocalAccounts() throws Exception {
    HttpResponse<String> adminTasks = get(rest("/task"), basic("admin", "demo"));
    assertThat(adminTasks.statusCode()).as(adminTasks.body()).isEqualTo(200);
    assertThat(get(rest("/task"), basic(SAMORDNARE, "fel")).statusCode()).isEqualTo(401);
    assertThat(get(rest("/task"), null).statusCode()).isEqualTo(401);
  }

  private void assertRefused(HttpResponse<String> response, String message) {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).contains(message);
  }

  private String lyckseleToken(String userId) {
    return token(SsoTestApplication.LYCKSELE, userId);
  }

  private String token(String issuerId, String userId) {
    return app.provider.issueToken(issuerId, userId, SsoTestApplication.CLIENT_ID,
        Map.of("preferred_username", userId), 3600).serialize();
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** The REST API of the test application's own engine (its name is not "default"). */
  private String rest(String path) {
    return "/engine-rest/engine/" + app.engineName + path;
  }

  private HttpResponse<String> get(String path, String authorization) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + app.port + path));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }
}
