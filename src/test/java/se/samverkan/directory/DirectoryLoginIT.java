package se.samverkan.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.HttpFromAddress;
import se.samverkan.operations.InPlaceOfTheSharedEngine;

/**
 * The demo profile as it runs: the embedded directory on (its own application, since the shared
 * test context has it off), the demo source as application-demo.yaml configures it. The test
 * writes what the directory sync ({@link DirectorySync}) would write for a few people (the Camunda
 * user without a password inside {@link DirectoryWrites}, its membership, the rows of
 * samverkan_directory_user and samverkan_directory_membership) and then logs them in, so that the
 * login is tested apart from the sync; the sync itself, end to end through its REST endpoint, is
 * {@link DemoDirectoryPersonLeavesIT}'s.
 */
class DirectoryLoginIT {

  private static final String COORDINATOR = "samordnare.lycksele";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ConfigurableApplicationContext context;
  private static HttpClient http;
  private static String base;
  private static int ldapPort;
  private static InPlaceOfTheSharedEngine application;

  @BeforeAll
  static void startTheDemoWithItsDirectory() throws Exception {
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      ldapPort = free.getLocalPort();
    }
    application = InPlaceOfTheSharedEngine.start(
        "--spring.profiles.active=demo",
        "--samverkan.directory.embedded.port=" + ldapPort,
        "--samverkan.scheduling.enabled=false",
        "--samverkan.startup.background=false",
        "--samverkan.est.scheduler-on-startup=false");
    context = application.context();
    base = application.base();
    http = application.http();
    for (String person : new String[] {COORDINATOR, "kommunledning.lycksele", "skola.lycksele", "fritid.lycksele"}) {
      syncedFromTheDirectory(person, person.replace('.', '-'));
    }
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
  }

  @Test
  void shouldLoadTheDemoOrganisationIntoTheEmbeddedDirectoryOnTheLoopbackOnly() throws Exception {
    EmbeddedDirectory directory = context.getBean(EmbeddedDirectory.class);
    assertThat(directory.port()).isEqualTo(ldapPort);
    assertThat(directory.server().getListenAddress().isLoopbackAddress()).isTrue();
    try (LDAPConnection connection = new LDAPConnection("127.0.0.1", ldapPort,
        "cn=samverkan,dc=samverkan,dc=example", "demo-katalog")) {
      SearchResultEntry person = connection.getEntry(EmbeddedDirectoryLdif.personDn(COORDINATOR));
      assertThat(person.getAttributeValue("sn")).isEqualTo("Brottsförebyggande samordnare, Lycksele");
      assertThat(connection.getEntry(EmbeddedDirectoryLdif.groupDn("samordnare-lycksele"))
          .getAttributeValues("member")).containsExactly(person.getDN());
      assertThat(directory.server().countEntries()).isEqualTo(3 + 2 * 41);
    }
    try (LDAPConnection anonymous = new LDAPConnection("127.0.0.1", ldapPort)) {
      assertThatThrownBy(() -> anonymous.getEntry(EmbeddedDirectoryLdif.personDn(COORDINATOR)))
          .isInstanceOf(LDAPException.class).hasMessageContaining("authenticated");
    }
    // what the directory holds comes from the sync: no demo person is created locally
    assertThat(context.getBean(IdentityService.class).createUserQuery().userId("samordnare.mala").count()).isZero();
    DirectorySettings.Source demo = context.getBean(DirectorySettings.class).sources().get("demo");
    assertThat(demo.ldap().url()).isEqualTo("ldap://127.0.0.1:" + ldapPort);
    assertThat(demo.functions()).hasSize(41).containsEntry("samordnare-lycksele", EmbeddedDirectoryLdif.groupDn("samordnare-lycksele"));
  }

  @Test
  void shouldLogADirectoryUserInWithTheDirectoryPasswordOnly() throws Exception {
    assertThat(rest("GET", "/engine-rest/user/" + COORDINATOR + "/profile", COORDINATOR, "demo", null).statusCode())
        .isEqualTo(200);
    assertThat(rest("GET", "/engine-rest/user/" + COORDINATOR + "/profile", COORDINATOR, "fel", null).statusCode())
        .isEqualTo(401);
    assertThat(rest("GET", "/engine-rest/user/" + COORDINATOR + "/profile", COORDINATOR, "", null).statusCode())
        .isEqualTo(401);
    assertThat(webappLogin(COORDINATOR, "demo")).isEqualTo(200);
    assertThat(webappLogin(COORDINATOR, "fel")).isEqualTo(401);
  }

  @Test
  void shouldStillLogTheLocalAdministratorInWithItsCamundaPassword() throws Exception {
    assertThat(rest("GET", "/engine-rest/user/admin/profile", "admin", "demo", null).statusCode()).isEqualTo(200);
    assertThat(webappLogin("admin", "demo")).isEqualTo(200);
    assertThat(rest("GET", "/engine-rest/user/admin/profile", "admin", "fel", null).statusCode()).isEqualTo(401);
  }

  @Test
  void shouldRefuseTheLoginOfAnAccountTheDirectoryNoLongerHoldsActive() throws Exception {
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    String person = "kommunledning.lycksele";
    assertThat(rest("GET", "/engine-rest/user/" + person + "/profile", person, "demo", null).statusCode()).isEqualTo(200);
    for (String state : new String[] {"DISABLED", "EXPIRED", "DELETED"}) {
      jdbc.update("UPDATE samverkan_directory_user SET account_state = ? WHERE user_id = ?", state, person);
      assertThat(rest("GET", "/engine-rest/user/" + person + "/profile", person, "demo", null).statusCode())
          .as(state).isEqualTo(401);
    }
    // the webapps' login form too (one more refused login; five would throttle this address)
    assertThat(webappLogin(person, "demo")).isEqualTo(401);
    jdbc.update("UPDATE samverkan_directory_user SET account_state = 'ACTIVE' WHERE user_id = ?", person);
    assertThat(rest("GET", "/engine-rest/user/" + person + "/profile", person, "demo", null).statusCode()).isEqualTo(200);
  }

  @Test
  void shouldRefuseTheLoginOfAPersonDisabledInTheDirectoryAtOnceAndLetOnlyTheAdministratorDoIt() throws Exception {
    String person = "skola.lycksele";
    String disable = "/api/demo-katalog/personer/" + person + "/inaktivera";
    HttpResponse<String> refused = rest("POST", disable, COORDINATOR, "demo", null);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(JSON.readTree(refused.body()).path("message").asText())
        .isEqualTo("Bara administratören kan ändra personer i demokatalogen.");
    assertThat(rest("DELETE", "/api/demo-katalog/personer/" + person, COORDINATOR, "demo", null).statusCode()).isEqualTo(403);
    assertThat(rest("GET", "/engine-rest/user/" + person + "/profile", person, "demo", null).statusCode()).isEqualTo(200);

    HttpResponse<String> disabled = rest("POST", disable, "admin", "demo", null);
    assertThat(disabled.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(disabled.body()).path("funktioner").toString()).isEqualTo("[\"skola-lycksele\"]");
    EmbeddedDirectory directory = context.getBean(EmbeddedDirectory.class);
    assertThat(directory.server().getEntry(EmbeddedDirectoryLdif.groupDn("skola-lycksele")).hasAttribute("member")).isFalse();
    assertThat(rest("GET", "/engine-rest/user/" + person + "/profile", person, "demo", null).statusCode()).isEqualTo(401);

    String removed = "fritid.lycksele";
    assertThat(rest("DELETE", "/api/demo-katalog/personer/" + removed, "admin", "demo", null).statusCode()).isEqualTo(200);
    assertThat(directory.server().getEntry(EmbeddedDirectoryLdif.personDn(removed))).isNull();
    assertThat(rest("GET", "/engine-rest/user/" + removed + "/profile", removed, "demo", null).statusCode()).isEqualTo(401);
    assertThat(rest("DELETE", "/api/demo-katalog/personer/" + removed, "admin", "demo", null).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldRefuseEditingADirectoryUserAndItsDirectoryMembershipsInSwedish() throws Exception {
    String user = "/engine-rest/user/" + COORDINATOR;
    assertRefused(rest("PUT", user + "/profile", "admin", "demo",
        "{\"id\":\"" + COORDINATOR + "\",\"firstName\":\"Ändrad\",\"lastName\":\"Namn\",\"email\":\"x@example.org\"}"),
        "Användaren 'samordnare.lycksele' hanteras av katalogen Demokatalogen (demo)");
    assertRefused(rest("PUT", user + "/credentials", "admin", "demo",
        "{\"password\":\"nytt-losenord\",\"authenticatedUserPassword\":\"demo\"}"), "hanteras av katalogen Demokatalogen");
    assertRefused(rest("DELETE", user, "admin", "demo", null), "hanteras av katalogen Demokatalogen");
    assertRefused(rest("DELETE", "/engine-rest/group/samordnare-lycksele/members/" + COORDINATOR, "admin", "demo", null),
        "Medlemskapet för 'samordnare.lycksele' i funktionen 'samordnare-lycksele' kommer från katalogen Demokatalogen");
    // the membership as the directory gave it again (e.g. after someone removed it in the database)
    assertRefused(rest("PUT", "/engine-rest/group/samordnare-lycksele/members/" + COORDINATOR, "admin", "demo", null),
        "kommer från katalogen Demokatalogen");
    User unchanged = context.getBean(IdentityService.class).createUserQuery().userId(COORDINATOR).singleResult();
    assertThat(unchanged.getFirstName()).isEqualTo("Demo");
    assertThat(context.getBean(IdentityService.class).createUserQuery().memberOfGroup("samordnare-lycksele")
        .userId(COORDINATOR).count()).isEqualTo(1);
    assertThat(rest("GET", user + "/profile", COORDINATOR, "demo", null).statusCode()).isEqualTo(200);

    // a membership given by hand to a directory user stays the administrator's
    assertThat(rest("PUT", "/engine-rest/group/processagare/members/" + COORDINATOR, "admin", "demo", null).statusCode())
        .isEqualTo(204);
    assertThat(rest("DELETE", "/engine-rest/group/processagare/members/" + COORDINATOR, "admin", "demo", null).statusCode())
        .isEqualTo(204);
  }

  @Test
  void shouldKeepALocalAccountEditable() throws Exception {
    String id = "tjanstekonto-" + System.nanoTime();
    assertThat(rest("POST", "/engine-rest/user/create", "admin", "demo",
        "{\"profile\":{\"id\":\"" + id + "\",\"firstName\":\"Tjänst\",\"lastName\":\"Konto\",\"email\":\"t@example.org\"},"
            + "\"credentials\":{\"password\":\"Hemligt-123!\"}}").statusCode()).isEqualTo(204);
    assertThat(rest("GET", "/engine-rest/user/" + id + "/profile", id, "Hemligt-123!", null).statusCode()).isEqualTo(200);
    assertThat(rest("PUT", "/engine-rest/user/" + id + "/profile", "admin", "demo",
        "{\"id\":\"" + id + "\",\"firstName\":\"Ändrad\",\"lastName\":\"Konto\",\"email\":\"t@example.org\"}").statusCode())
        .isEqualTo(204);
    assertThat(rest("PUT", "/engine-rest/user/" + id + "/credentials", "admin", "demo",
        "{\"password\":\"Annat-456!\",\"authenticatedUserPassword\":\"demo\"}").statusCode()).isEqualTo(204);
    assertThat(rest("GET", "/engine-rest/user/" + id + "/profile", id, "Annat-456!", null).statusCode()).isEqualTo(200);
    assertThat(rest("PUT", "/engine-rest/group/processagare/members/" + id, "admin", "demo", null).statusCode()).isEqualTo(204);
    assertThat(rest("DELETE", "/engine-rest/user/" + id, "admin", "demo", null).statusCode()).isEqualTo(204);
  }

  @Test
  void shouldThrottleWrongDirectoryPasswordsLikeAnyOther() throws Exception {
    int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    HttpFromAddress attacker = new HttpFromAddress(port, "127.0.0.9");
    String path = "/engine-rest/user/" + COORDINATOR + "/profile";
    for (int i = 0; i < 5; i++) {
      assertThat(attacker.basic("GET", path, COORDINATOR, "fel-" + i).status()).isEqualTo(401);
    }
    assertThat(attacker.basic("GET", path, COORDINATOR, "demo").status()).isEqualTo(429);
    assertThat(new HttpFromAddress(port, "127.0.0.10").basic("GET", path, COORDINATOR, "demo").status()).isEqualTo(200);
  }

  @Test
  void shouldTellAdminWhichDirectoryAUserComesFromAndOnlyAdmin() throws Exception {
    HttpClient admin = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    assertThat(webappLogin("admin", "demo", admin)).isEqualTo(200);
    JsonNode managed = JSON.readTree(admin.send(HttpRequest.newBuilder(
        URI.create(base + "/samverkan/katalog/anvandare/" + COORDINATOR)).build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(managed.path("hanterasAv").asText()).isEqualTo("Demokatalogen");
    assertThat(managed.path("medlemskap").toString()).isEqualTo("[\"samordnare-lycksele\"]");
    JsonNode local = JSON.readTree(admin.send(HttpRequest.newBuilder(
        URI.create(base + "/samverkan/katalog/anvandare/admin")).build(), HttpResponse.BodyHandlers.ofString()).body());
    assertThat(local.path("lokal").asBoolean()).isTrue();

    HttpClient coordinator = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    assertThat(webappLogin(COORDINATOR, "demo", coordinator)).isEqualTo(200);
    assertThat(coordinator.send(HttpRequest.newBuilder(URI.create(base + "/samverkan/katalog/anvandare/" + COORDINATOR))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
    assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/samverkan/katalog/anvandare/" + COORDINATOR))
        .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }

  private static void assertRefused(HttpResponse<String> response, String message) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("message").asText()).contains(message);
  }

  /** What the sync writes for a person of the demo directory. */
  private static void syncedFromTheDirectory(String userId, String groupId) {
    IdentityService identity = context.getBean(IdentityService.class);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO samverkan_directory_user (user_id, source, external_id, first_synced_at, last_synced_at, account_state)"
        + " VALUES (?, 'demo', ?, ?, ?, 'ACTIVE')", userId, EmbeddedDirectoryLdif.personDn(userId), now, now);
    jdbc.update("INSERT INTO samverkan_directory_membership (user_id, group_id, source) VALUES (?, ?, 'demo')",
        userId, groupId);
    DirectoryWrites.run(() -> {
      User user = identity.newUser(userId);
      user.setFirstName("Demo");
      user.setLastName(groupId);
      user.setEmail(userId + "@samverkan.example");
      identity.saveUser(user);
      identity.createMembership(userId, groupId);
    });
  }

  private static HttpResponse<String> rest(String method, String path, String user, String password, String json)
      throws Exception {
    return application.rest(method, path, user, password, json);
  }

  /** The webapps' login form as Tasklist's login page sends it: the page first (session, CSRF token), then the form. */
  private static int webappLogin(String user, String password) throws Exception {
    return webappLogin(user, password, HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).build());
  }

  private static int webappLogin(String user, String password, HttpClient browser) throws Exception {
    browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/admin/default/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    java.net.CookieManager cookies = (java.net.CookieManager) browser.cookieHandler().orElseThrow();
    String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
        .map(java.net.HttpCookie::getValue).findFirst().orElse("");
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
        + URLEncoder.encode(password, StandardCharsets.UTF_8);
    return browser.send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/admin/auth/user/"
            + InPlaceOfTheSharedEngine.ENGINE + "/login/tasklist"))
        .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }
}
