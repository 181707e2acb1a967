package se.samverkan.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.actuate.health.HealthEndpointGroups;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import se.samverkan.handover.FunctionReconciliation;

/**
 * Starts Samverkan with the production profile (on its own H2 database whose schema is created by
 * the documented step, since prod never touches the schema) and checks what an operator relies on.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProductionProfileIT {

  private static final String ENGINE = "prodprofile";
  private static final String ADMIN_PASSWORD = "Prod-Test-1234!";
  private static final String PUBLIC_URL = "https://samverkan.lycksele.example";

  private static ConfigurableApplicationContext context;
  private static HttpClient http;
  private static String base;

  @BeforeAll
  static void startWithProdProfile() throws Exception {
    String url = SeparateApplication.newH2Url();
    SeparateApplication.createCamundaSchema(url);
    context = SeparateApplication.start(ENGINE, url,
        "--spring.profiles.active=prod",
        "--camunda.bpm.admin-user.id=driftadmin",
        "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
        "--samverkan.public-url=" + PUBLIC_URL);
    base = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @AfterAll
  static void stop() {
    if (context != null) {
      SeparateApplication.close(context);
    }
  }

  @Test
  void shouldCreateNoDemoUsersAndOnlyTheAdminFromTheEnvironment() {
    Environment environment = context.getEnvironment();
    assertThat(environment.getActiveProfiles()).contains("prod").doesNotContain("demo", "test");
    List<String> users = context.getBean(IdentityService.class).createUserQuery().list().stream()
        .map(User::getId).toList();
    assertThat(users).containsExactly("driftadmin");
    assertThat(context.getBean(IdentityService.class).checkPassword("driftadmin", ADMIN_PASSWORD)).isTrue();
  }

  @Test
  void shouldRefuseToStartTheProductionProfileWithTheDemoProfile() {
    // "test" is a group that includes demo: both ways of bringing the demo users into prod are refused
    for (String profiles : List.of("prod,demo", "demo,prod", "prod,test")) {
      assertThatThrownBy(() -> SeparateApplication.start(ENGINE + "demo", SeparateApplication.newH2Url(),
              "--spring.profiles.active=" + profiles,
              "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD))
          .as(profiles)
          .hasStackTraceContaining("profilen 'prod' får inte köras tillsammans med 'demo'");
    }
  }

  @Test
  void shouldLinkMailsToTheConfiguredPublicAddressAndRefuseToStartWithoutOne() throws Exception {
    assertThat(context.getBean(se.samverkan.notification.TaskLinks.class).task("t-1"))
        .isEqualTo(PUBLIC_URL + "/camunda/app/tasklist/default/#/?task=t-1");
    // not set, plain http, this machine: a link in a mail must reach the reader, over TLS
    for (String address : List.of("", "http://samverkan.lycksele.example", "https://localhost:8443")) {
      List<String> arguments = new java.util.ArrayList<>(List.of("--spring.profiles.active=prod",
          "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD));
      if (!address.isEmpty()) {
        arguments.add("--samverkan.public-url=" + address);
      }
      String url = SeparateApplication.newH2Url();
      SeparateApplication.createCamundaSchema(url);
      assertThatThrownBy(() -> SeparateApplication.start(ENGINE + "nourl", url, arguments.toArray(String[]::new)))
          .as(address).hasStackTraceContaining("länkarna i e-posten behöver Samverkans adress")
          .hasStackTraceContaining("SAMVERKAN_PUBLIC_URL");
    }
  }

  @Test
  void shouldNeverChangeTheSchemaInProduction() {
    assertThat(engineConfiguration().getDatabaseSchemaUpdate()).isEqualTo("false");
  }

  @Test
  void shouldSendHstsAndSecurityHeadersFromTheWebapps() throws Exception {
    HttpResponse<String> page = get("/camunda/app/welcome/" + ENGINE + "/", Map.of());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Strict-Transport-Security"))
        .contains("max-age=31536000; includeSubDomains");
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void shouldRefuseAModifyingWebappRequestWithoutCsrfToken() throws Exception {
    HttpResponse<String> login = post("/camunda/api/admin/auth/user/" + ENGINE + "/login/welcome",
        "username=driftadmin&password=" + ADMIN_PASSWORD, Map.of());

    assertThat(login.statusCode()).isEqualTo(403);
    assertThat(login.headers().firstValue("X-XSRF-TOKEN")).contains("Required");
  }

  @Test
  void shouldLogInWithCsrfTokenAndSetSecureSameSiteCookies() throws Exception {
    HttpResponse<String> page = get("/camunda/app/welcome/" + ENGINE + "/", Map.of());
    String csrfCookie = cookie(page, "XSRF-TOKEN").orElseThrow();
    assertThat(csrfCookie).contains("Secure").contains("SameSite=Strict");
    String token = cookieValue(csrfCookie);
    String session = cookieValue(cookie(page, "JSESSIONID").orElseThrow());

    HttpResponse<String> login = post("/camunda/api/admin/auth/user/" + ENGINE + "/login/welcome",
        "username=driftadmin&password=" + ADMIN_PASSWORD,
        Map.of("X-XSRF-TOKEN", token, "Cookie", "XSRF-TOKEN=" + token + "; JSESSIONID=" + session));

    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    String sessionCookie = cookie(login, "JSESSIONID").orElseThrow();
    assertThat(sessionCookie).contains("Secure").contains("HttpOnly").contains("SameSite=Strict");
  }

  @Test
  void shouldEndIdleSessionsAfterHalfAnHour() {
    assertThat(context.getBean(ServerProperties.class).getServlet().getSession().getTimeout())
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void shouldRefuseWeakPasswords() {
    IdentityService identity = context.getBean(IdentityService.class);
    assertThat(engineConfiguration().isEnablePasswordPolicy()).isTrue();
    assertThat(identity.checkPasswordAgainstPolicy("demo").isValid()).isFalse();

    User user = identity.newUser("svag.anvandare");
    user.setPassword("demo");
    assertThatThrownBy(() -> identity.saveUser(user)).isInstanceOf(ProcessEngineException.class);
    assertThat(identity.createUserQuery().userId("svag.anvandare").count()).isZero();
  }

  @Test
  void shouldNeverLetTheEngineLockAnAccountSinceSamverkanThrottlesLoginsItself() {
    IdentityService identity = context.getBean(IdentityService.class);
    User user = identity.newUser("throttle.test");
    user.setPassword("Ratt-Losen-123!");
    identity.saveUser(user);

    for (int i = 0; i < 15; i++) {
      assertThat(identity.checkPassword("throttle.test", "fel-losenord")).isFalse();
    }
    // Camunda would refuse the right password now (its delay) and lock for good at login-max-attempts.
    assertThat(identity.checkPassword("throttle.test", "Ratt-Losen-123!")).isTrue();
    assertThat(engineConfiguration().getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(engineConfiguration().getLoginDelayMaxTime()).isZero();
    assertThat(context.getEnvironment().getProperty("samverkan.login.lock-duration")).isEqualTo("PT15M");
    identity.deleteUser("throttle.test");
  }

  @Test
  void shouldAnswerLivenessAndReadinessIncludingTheDatabase() throws Exception {
    HttpResponse<String> liveness = get("/actuator/health/liveness", Map.of());
    HttpResponse<String> readiness = get("/actuator/health/readiness", Map.of());

    assertThat(liveness.statusCode()).isEqualTo(200);
    assertThat(liveness.body()).contains("\"status\":\"UP\"");
    assertThat(readiness.statusCode()).isEqualTo(200);
    assertThat(readiness.body()).contains("\"status\":\"UP\"");
    assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("db")).isTrue();
  }

  @Test
  void shouldExposeNoActuatorEndpointButHealth() throws Exception {
    assertThat(get("/actuator/env", Map.of()).statusCode()).isEqualTo(404);
    assertThat(get("/actuator/beans", Map.of()).statusCode()).isEqualTo(404);
    assertThat(get("/actuator/health", Map.of()).body()).doesNotContain("details", "components");
  }

  @Test
  void shouldNotLogTheContentsOfFreeTextFields(CapturedOutput output) {
    // prod starts without users, so every function is vacant and the vacancy check (every
    // reconcile-interval) adds a candidate to their open tasks: that would race the completion
    // below. Somebody holds samordnare-lycksele, and a reconciliation has seen it, before the task exists.
    IdentityService identity = context.getBean(IdentityService.class);
    User holder = identity.newUser("prodlog.samordnare");
    identity.saveUser(holder);
    identity.createMembership(holder.getId(), "samordnare-lycksele");
    try {
      context.getBean(FunctionReconciliation.class).run();
      completeATaskWithFreeText(output);
    } finally {
      identity.deleteUser(holder.getId());
    }
  }

  private void completeATaskWithFreeText(CapturedOutput output) {
    String secret = "HEMLIG-FRITEXT-" + System.nanoTime();
    context.getBean(RepositoryService.class).createDeployment()
        .addClasspathResource("test-processes/visibility-test.bpmn")
        .addClasspathResource("test-processes/visibility-test.form").name("prod-log-test").deploy();
    RuntimeService runtime = context.getBean(RuntimeService.class);
    TaskService tasks = context.getBean(TaskService.class);
    String instance = runtime.startProcessInstanceByKey("visibility-test",
        Map.of("kommun", "lycksele", "beskrivning", secret)).getId();
    String task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    tasks.complete(task, Map.of("kommentar", secret + "-svar"));

    assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    assertThat(output.getAll()).doesNotContain(secret);
  }

  private static ProcessEngineConfigurationImpl engineConfiguration() {
    return (ProcessEngineConfigurationImpl) context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
  }

  private static HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String path, String form, Map<String, String> headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    headers.forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static Optional<String> cookie(HttpResponse<?> response, String name) {
    return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst();
  }

  private static String cookieValue(String setCookie) {
    return setCookie.substring(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));
  }
}
