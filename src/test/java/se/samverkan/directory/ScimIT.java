package se.samverkan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstTestCycles;
import se.samverkan.handover.Overlamning;
import se.samverkan.operations.InPlaceOfTheSharedEngine;

/**
 * SCIM 2.0 provisioning from outside, as Entra ID's provisioning service and an attacker call it:
 * two SCIM sources (Lycksele's and Malå's Entra ID tenants, each with its own token) in an
 * application of their own (the shared test context has no directory source). The provider's
 * calls are the ones Entra ID makes (look up by filter, create, PATCH with capitalised ops and
 * "False" as a string, add and remove members); what they push is applied by the directory sync,
 * called as an operator calls it (POST /engine-rest/samverkan/katalog/synkronisera as admin).
 */
class ScimIT {

  private static final String LYCKSELE = "itest-entra-lycksele";
  private static final String MALA = "itest-entra-mala";
  private static final String LYCKSELE_TOKEN = "lycksele-scim-9f2c4a7e1b3d5f7092a4c6e8b0d2f4a6";
  private static final String MALA_TOKEN = "mala-scim-0a1b2c3d4e5f60718293a4b5c6d7e8f9aabb";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ConfigurableApplicationContext context;
  private static HttpClient http;
  private static String base;
  private static InPlaceOfTheSharedEngine application;

  @BeforeAll
  static void start() {
    application = InPlaceOfTheSharedEngine.start(
        "--spring.profiles.active=test",
        "--samverkan.scheduling.enabled=false",
        "--samverkan.startup.background=false",
        "--samverkan.est.scheduler-on-startup=false",
        "--samverkan.directory.sources." + LYCKSELE + ".kind=SCIM",
        "--samverkan.directory.sources." + LYCKSELE + ".name=Lycksele kommuns Entra ID",
        "--samverkan.directory.sources." + LYCKSELE + ".municipalities=lycksele",
        "--samverkan.directory.sources." + LYCKSELE + ".scim.token=" + LYCKSELE_TOKEN,
        "--samverkan.directory.sources." + LYCKSELE + ".functions.samordnare-lycksele=Samverkan Samordnare",
        "--samverkan.directory.sources." + LYCKSELE + ".functions.socialtjanst-lycksele=Samverkan Socialtjänst",
        "--samverkan.directory.sources." + MALA + ".kind=SCIM",
        "--samverkan.directory.sources." + MALA + ".name=Malå kommuns Entra ID",
        "--samverkan.directory.sources." + MALA + ".municipalities=mala",
        "--samverkan.directory.sources." + MALA + ".scim.token=" + MALA_TOKEN,
        "--samverkan.directory.sources." + MALA + ".functions.samordnare-mala=Samverkan Samordnare",
        "--samverkan.directory.sources." + MALA + ".functions.skola-mala=Samverkan Skola");
    context = application.context();
    base = application.base();
    http = application.http();
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
  }

  @Test
  void shouldOpenOnlyWithTheSourcesOwnToken() throws Exception {
    HttpResponse<String> config = scim("GET", LYCKSELE, LYCKSELE_TOKEN, "/ServiceProviderConfig", null);
    assertThat(config.statusCode()).isEqualTo(200);
    assertThat(config.headers().firstValue("Content-Type").orElse("")).startsWith("application/scim+json");
    assertThat(JSON.readTree(config.body()).path("patch").path("supported").asBoolean()).isTrue();

    for (String[] attempt : new String[][] {{LYCKSELE, null}, {LYCKSELE, "fel"}, {LYCKSELE, MALA_TOKEN},
        {LYCKSELE, LYCKSELE_TOKEN + "x"}, {"finns-inte", LYCKSELE_TOKEN}, {"demo", LYCKSELE_TOKEN}}) {
      HttpResponse<String> refused = scim("GET", attempt[0], attempt[1], "/Users", null);
      assertThat(refused.statusCode()).as("%s with %s", attempt[0], attempt[1]).isEqualTo(401);
      assertThat(refused.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
      JsonNode error = JSON.readTree(refused.body());
      assertThat(error.path("schemas").get(0).asText()).isEqualTo(ScimResources.ERROR_SCHEMA);
      assertThat(error.path("status").asText()).isEqualTo("401");
      assertThat(error.path("detail").asText()).contains("Ingen giltig token");
    }
    // a SCIM token is nobody's login: it opens neither the REST API nor the webapps
    HttpResponse<String> rest = http.send(HttpRequest.newBuilder(URI.create(base + "/engine-rest/user"))
        .header("Authorization", "Bearer " + LYCKSELE_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(rest.statusCode()).isEqualTo(401);
    assertThat(scim("GET", "", LYCKSELE_TOKEN, "", null).statusCode()).isEqualTo(404);
  }

  @Test
  void shouldProvisionAUserIntoTheFunctionHerGroupGivesAsEntraIdPushesIt() throws Exception {
    // Entra ID looks the user up first, then creates her with its default attribute mapping
    JsonNode none = json(scim("GET", LYCKSELE, LYCKSELE_TOKEN, "/Users?filter=" + query("userName eq \"anna.scim\""), null), 200);
    assertThat(none.path("totalResults").asInt()).isZero();
    HttpResponse<String> created = scim("POST", LYCKSELE, LYCKSELE_TOKEN, "/Users", """
        {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
         "externalId":"7c1f-anna","userName":"anna.scim","active":true,"displayName":"Anna Berg",
         "name":{"formatted":"Anna Berg","givenName":"Anna","familyName":"Berg"},
         "emails":[{"primary":true,"type":"work","value":"anna.berg@lycksele.example"}],
         "title":"Brottsförebyggande samordnare",
         "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"department":"Kommunledningskontoret"}}""");
    JsonNode anna = json(created, 201);
    String annaId = anna.path("id").asText();
    assertThat(created.headers().firstValue("Location").orElse("")).endsWith("/scim/v2/" + LYCKSELE + "/Users/" + annaId);
    assertThat(anna.path("userName").asText()).isEqualTo("anna.scim");
    assertThat(anna.path("emails").get(0).path("value").asText()).isEqualTo("anna.berg@lycksele.example");
    assertThat(json(scim("GET", LYCKSELE, LYCKSELE_TOKEN, "/Users?filter=" + query("userName eq \"ANNA.SCIM\""), null), 200)
        .path("Resources").get(0).path("id").asText()).as("userName is found regardless of case").isEqualTo(annaId);
    assertThat(scim("POST", LYCKSELE, LYCKSELE_TOKEN, "/Users", "{\"userName\":\"Anna.Scim\"}").statusCode())
        .as("the same userName twice in a source").isEqualTo(409);

    JsonNode group = json(scim("POST", LYCKSELE, LYCKSELE_TOKEN, "/Groups",
        "{\"displayName\":\"Samverkan Samordnare\",\"externalId\":\"g-1\",\"members\":[]}"), 201);
    String groupId = group.path("id").asText();
    assertThat(scim("PATCH", LYCKSELE, LYCKSELE_TOKEN, "/Groups/" + groupId, """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations":[{"op":"Add","path":"members","value":[{"value":"%s"}]}]}""".formatted(annaId)).statusCode())
        .isEqualTo(204);
    JsonNode found = json(scim("GET", LYCKSELE, LYCKSELE_TOKEN, "/Groups?excludedAttributes=members&filter="
        + query("displayName eq \"Samverkan Samordnare\""), null), 200);
    assertThat(found.path("totalResults").asInt()).isEqualTo(1);
    assertThat(found.path("Resources").get(0).has("members")).isFalse();
    assertThat(json(scim("GET", LYCKSELE, LYCKSELE_TOKEN, "/Groups?filter=" + query("id eq \"" + groupId
        + "\" and members eq \"" + annaId + "\""), null), 200).path("totalResults").asInt()).isEqualTo(1);

    IdentityService identity = context.getBean(IdentityService.class);
    assertThat(identity.createUserQuery().userId("anna.scim").count()).as("nothing before the sync applies it").isZero();
    sync();
    User account = identity.createUserQuery().userId("anna.scim").singleResult();
    assertThat(account.getFirstName()).isEqualTo("Anna");
    assertThat(account.getLastName()).isEqualTo("Berg");
    assertThat(account.getEmail()).isEqualTo("anna.berg@lycksele.example");
    assertThat(groupsOf("anna.scim")).containsExactly("samordnare-lycksele");
    assertThat(context.getBean(UserSources.class).sourceOf("anna.scim")).contains(LYCKSELE);
    // directory-managed: Admin (the identity service for anyone else) cannot change her
    assertThat(rest("PUT", "/engine-rest/user/anna.scim/profile", "admin", "demo",
        "{\"id\":\"anna.scim\",\"firstName\":\"Mallory\",\"lastName\":\"Berg\",\"email\":\"x@example.org\"}").statusCode())
        .isGreaterThanOrEqualTo(400);
    assertThat(identity.createUserQuery().userId("anna.scim").singleResult().getFirstName()).isEqualTo("Anna");

    // a rename of the group in Entra ID: the function follows the name it is mapped to
    assertThat(scim("PATCH", LYCKSELE, LYCKSELE_TOKEN, "/Groups/" + groupId,
        "{\"Operations\":[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Samverkan Samordnare (gammal)\"}]}")
        .statusCode()).isEqualTo(204);
    sync();
    assertThat(groupsOf("anna.scim")).isEmpty();
    assertThat(scim("PATCH", LYCKSELE, LYCKSELE_TOKEN, "/Groups/" + groupId,
        "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"displayName\":\"Samverkan Samordnare\"}}]}").statusCode())
        .isEqualTo(204);
    sync();
    assertThat(groupsOf("anna.scim")).containsExactly("samordnare-lycksele");
  }

  @Test
  void shouldGiveTheWorkBackToTheFunctionWhenEntraIdDeactivatesHer() throws Exception {
    String bodilId = json(scim("POST", LYCKSELE, LYCKSELE_TOKEN, "/Users",
        "{\"userName\":\"bodil.scim\",\"name\":{\"givenName\":\"Bodil\",\"familyName\":\"Ek\"},\"active\":true}"), 201)
        .path("id").asText();
    String groupId = json(scim("POST", LYCKSELE, LYCKSELE_TOKEN, "/Groups",
        "{\"displayName\":\"Samverkan Socialtjänst\",\"members\":[{\"value\":\"" + bodilId + "\"}]}"), 201).path("id").asText();
    sync();
    assertThat(groupsOf("bodil.scim")).containsExactly("socialtjanst-lycksele");

    // her function's EST report, claimed by her
    RuntimeService runtime = context.getBean(RuntimeService.class);
    TaskService tasks = context.getBean(TaskService.class);
    ProcessInstance cycle = EstTestCycles.withOpenReports(context.getBean(EstCycles.class), runtime,
        context.getBean(ManagementService.class), "lycksele", ZonedDateTime.of(2031, 5, 6, 9, 0, 0, 0, ZoneId.of("Europe/Stockholm")));
    Task report = tasks.createTaskQuery().processInstanceId(cycle.getId()).taskCandidateGroup("socialtjanst-lycksele")
        .singleResult();
    tasks.claim(report.getId(), "bodil.scim");

    // Entra ID's soft delete: active "False" as a string, capitalised op
    JsonNode patched = json(scim("PATCH", LYCKSELE, LYCKSELE_TOKEN, "/Users/" + bodilId, """
        {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
         "Operations":[{"op":"Replace","path":"active","value":"False"}]}"""), 200);
    assertThat(patched.path("active").asBoolean()).isFalse();
    assertThat(tasks.createTaskQuery().taskId(report.getId()).singleResult().getAssignee())
        .as("kept until the sync applies it").isEqualTo("bodil.scim");
    JsonNode outcome = sync();
    assertThat(outcome.path("avstamningKord").asBoolean()).isTrue();

    assertThat(groupsOf("bodil.scim")).isEmpty();
    assertThat(context.getBean(JdbcTemplate.class).queryForObject(
        "select account_state from samverkan_directory_user where user_id = ?", String.class, "bodil.scim")).isEqualTo("DISABLED");
    Task returned = tasks.createTaskQuery().taskId(report.getId()).singleResult();
    assertThat(returned.getAssignee()).as("back with the function").isNull();
    assertThat(tasks.getIdentityLinksForTask(report.getId())).anyMatch(l -> "socialtjanst-lycksele".equals(l.getGroupId()));
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.personLeftKey("socialtjanst-lycksele", "bodil.scim")).count()).isEqualTo(1);
    List<String> kinds = new ArrayList<>();
    json(rest("GET", "/engine-rest/samverkan/katalog/andringar?kalla=" + LYCKSELE + "&anvandare=bodil.scim", "admin", "demo",
        null), 200).path("andringar").forEach(c -> kinds.add(c.path("slag").asText()));
    assertThat(String.join(",", kinds)).contains("USER_DISABLED").contains("MEMBERSHIP_REMOVED");

    // deleted in Entra ID: gone from the source, the account kept for the history's names
    assertThat(scim("DELETE", LYCKSELE, LYCKSELE_TOKEN, "/Users/" + bodilId, null).statusCode()).isEqualTo(204);
    assertThat(scim("GET", LYCKSELE, LYCKSELE_TOKEN, "/Users/" + bodilId, null).statusCode()).isEqualTo(404);
    assertThat(json(scim("GET", LYCKSELE, LYCKSELE_TOKEN, "/Groups/" + groupId, null), 200).path("members")).isEmpty();
    sync();
    assertThat(context.getBean(JdbcTemplate.class).queryForObject(
        "select account_state from samverkan_directory_user where user_id = ?", String.class, "bodil.scim")).isEqualTo("DELETED");
    assertThat(context.getBean(IdentityService.class).createUserQuery().userId("bodil.scim").count()).isEqualTo(1);
  }

  @Test
  void shouldKeepEachSourceToItsOwnUsersAndFunctions() throws Exception {
    // Malå's tenant sees nothing of Lycksele's, although both have a group "Samverkan Samordnare"
    String carlId = json(scim("POST", MALA, MALA_TOKEN, "/Users", "{\"userName\":\"carl.scim\"}"), 201).path("id").asText();
    String lyckseleUser = json(scim("POST", LYCKSELE, LYCKSELE_TOKEN, "/Users", "{\"userName\":\"dora.scim\"}"), 201)
        .path("id").asText();
    assertThat(scim("GET", MALA, MALA_TOKEN, "/Users/" + lyckseleUser, null).statusCode()).isEqualTo(404);
    assertThat(json(scim("GET", MALA, MALA_TOKEN, "/Users?filter=" + query("userName eq \"dora.scim\""), null), 200)
        .path("totalResults").asInt()).isZero();
    assertThat(scim("PATCH", MALA, MALA_TOKEN, "/Users/" + lyckseleUser,
        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}").statusCode()).isEqualTo(404);
    assertThat(scim("DELETE", MALA, MALA_TOKEN, "/Users/" + lyckseleUser, null).statusCode()).isEqualTo(404);
    // Lycksele's user as a member of Malå's group: refused, not an unknown id stored
    HttpResponse<String> foreignMember = scim("POST", MALA, MALA_TOKEN, "/Groups",
        "{\"displayName\":\"Samverkan Samordnare\",\"members\":[{\"value\":\"" + carlId + "\"},{\"value\":\"" + lyckseleUser + "\"}]}");
    assertThat(foreignMember.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(foreignMember.body()).path("detail").asText()).contains(lyckseleUser).doesNotContain(carlId);
    json(scim("POST", MALA, MALA_TOKEN, "/Groups",
        "{\"displayName\":\"samverkan samordnare\",\"members\":[{\"value\":\"" + carlId + "\"}]}"), 201);
    // the same user id in a second source, and a local account's id: refused, never merged
    assertThat(scim("POST", MALA, MALA_TOKEN, "/Users", "{\"userName\":\"dora.scim\"}").statusCode()).isEqualTo(409);
    HttpResponse<String> local = scim("POST", LYCKSELE, LYCKSELE_TOKEN, "/Users", "{\"userName\":\"samordnare.lycksele\"}");
    assertThat(local.statusCode()).isEqualTo(409);
    assertThat(JSON.readTree(local.body()).path("detail").asText()).contains("lokalt konto");
    assertThat(scim("POST", LYCKSELE, LYCKSELE_TOKEN, "/Users", "{\"userName\":\"admin\"}").statusCode()).isEqualTo(409);
    sync();
    assertThat(groupsOf("carl.scim")).containsExactly("samordnare-mala");
    assertThat(groupsOf("dora.scim")).isEmpty();
    assertThat(context.getBean(UserSources.class).sourceOf("dora.scim")).contains(LYCKSELE);
    assertThat(groupsOf("samordnare.lycksele")).contains("samordnare-lycksele");
  }

  @Test
  void shouldRefuseBadInputInSwedishAndKeepNothingOfIt() throws Exception {
    record Case(String method, String path, String body, int status, String scimType, String detail) {}
    String longName = "a".repeat(65);
    List<Case> cases = List.of(
        new Case("POST", "/Users", "{\"userName\":\"" + longName + "\"}", 400, "invalidValue", "motorn tar högst 64"),
        new Case("POST", "/Users", "{\"userName\":\"eva lind\"}", 400, "invalidValue", "andra tecken"),
        new Case("POST", "/Users", "{\"displayName\":\"Eva\"}", 400, "invalidValue", "userName saknas"),
        new Case("POST", "/Users", "{\"userName\":\"eva.scim\",\"name\":{\"givenName\":\"" + "E".repeat(256) + "\"}}", 400,
            "invalidValue", "högst 255"),
        new Case("POST", "/Users", "{\"userName\":\"eva.scim\",\"active\":\"kanske\"}", 400, "invalidValue", "true eller false"),
        new Case("POST", "/Users", "{\"userName\":", 400, "invalidSyntax", "inte giltig JSON"),
        new Case("POST", "/Users", "", 400, "invalidSyntax", "saknar innehåll"),
        new Case("POST", "/Users", "[1,2]", 400, "invalidSyntax", "JSON-objekt"),
        new Case("GET", "/Users?filter=" + query("userName co \"eva\""), null, 400, "invalidFilter", "bara eq"),
        new Case("GET", "/Users?filter=" + query("password eq \"x\""), null, 400, "invalidFilter", "kan inte filtreras"),
        new Case("GET", "/Users?filter=" + query("userName eq \"x\" or id eq \"y\""), null, 400, "invalidFilter", "and"),
        new Case("GET", "/Users?filter=" + query("userName eq \"x"), null, 400, "invalidFilter", "stängs aldrig"),
        new Case("POST", "/Groups", "{\"displayName\":\"\"}", 400, "invalidValue", "displayName saknas"),
        new Case("GET", "/Users/finns-inte", null, 404, null, "finns inte"),
        new Case("PATCH", "/Groups/finns-inte", "{\"Operations\":[{\"op\":\"add\",\"path\":\"members\",\"value\":[]}]}", 404,
            null, "finns inte"));
    for (Case c : cases) {
      HttpResponse<String> answer = scim(c.method(), LYCKSELE, LYCKSELE_TOKEN, c.path(), c.body());
      assertThat(answer.statusCode()).as("%s %s %s: %s", c.method(), c.path(), c.body(), answer.body()).isEqualTo(c.status());
      JsonNode error = JSON.readTree(answer.body());
      assertThat(error.path("status").asText()).isEqualTo(String.valueOf(c.status()));
      if (c.scimType() != null) {
        assertThat(error.path("scimType").asText()).as(answer.body()).isEqualTo(c.scimType());
      }
      assertThat(error.path("detail").asText()).as(answer.body()).contains(c.detail());
    }
    // a value that tries to be SQL is a value
    assertThat(json(scim("GET", LYCKSELE, LYCKSELE_TOKEN, "/Users?filter=" + query("userName eq \"x' or '1'='1\""), null), 200)
        .path("totalResults").asInt()).isZero();
    assertThat(json(scim("GET", LYCKSELE, LYCKSELE_TOKEN, "/Users?filter=" + query("userName eq \"eva.scim\""), null), 200)
        .path("totalResults").asInt()).as("nothing of the refused requests was kept").isZero();
  }

  @Test
  void shouldHoldAMassDeactivationInsteadOfApplyingIt() throws Exception {
    List<String> ids = new ArrayList<>();
    StringBuilder members = new StringBuilder();
    for (int i = 1; i <= 8; i++) {
      String id = json(scim("POST", MALA, MALA_TOKEN, "/Users", "{\"userName\":\"skola" + i + ".scim\"}"), 201).path("id").asText();
      ids.add(id);
      members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
    }
    json(scim("POST", MALA, MALA_TOKEN, "/Groups", "{\"displayName\":\"Samverkan Skola\",\"members\":[" + members + "]}"), 201);
    sync();
    assertThat(context.getBean(IdentityService.class).createUserQuery().memberOfGroup("skola-mala").list())
        .extracting(User::getId).contains("skola1.scim", "skola8.scim");
    for (String id : ids.subList(0, 7)) {
      assertThat(scim("PATCH", MALA, MALA_TOKEN, "/Users/" + id,
          "{\"Operations\":[{\"op\":\"replace\",\"value\":{\"active\":false}}]}").statusCode()).isEqualTo(200);
    }
    JsonNode held = sync();
    JsonNode mala = null;
    for (JsonNode source : held.path("kallor")) {
      if (MALA.equals(source.path("kalla").asText())) {
        mala = source;
      }
    }
    assertThat(mala).isNotNull();
    assertThat(mala.path("status").asText()).as(held.toString()).isEqualTo("INNEHALLEN");
    assertThat(mala.path("meddelande").asText()).contains("hölls inne");
    assertThat(groupsOf("skola1.scim")).as("held: nobody treated as leaving").containsExactly("skola-mala");
    JsonNode released = json(rest("POST", "/engine-rest/samverkan/katalog/synkronisera?slappIgenom=" + MALA, "admin", "demo",
        null), 200);
    assertThat(released.toString()).contains(MALA);
    assertThat(groupsOf("skola1.scim")).isEmpty();
    assertThat(groupsOf("skola8.scim")).containsExactly("skola-mala");
  }

  private static List<String> groupsOf(String userId) {
    return context.getBean(IdentityService.class).createGroupQuery().groupMember(userId).list().stream()
        .map(g -> g.getId()).sorted().toList();
  }

  private static JsonNode sync() throws Exception {
    return json(rest("POST", "/engine-rest/samverkan/katalog/synkronisera", "admin", "demo", null), 200);
  }

  private static JsonNode json(HttpResponse<String> answer, int status) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return JSON.readTree(answer.body());
  }

  private static String query(String filter) {
    return URLEncoder.encode(filter, StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> scim(String method, String source, String token, String path, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/scim/v2/" + source + path))
        .header("Content-Type", "application/scim+json")
        .header("Accept", "application/scim+json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> rest(String method, String path, String user, String password, String json)
      throws Exception {
    return application.rest(method, path, user, password, json);
  }
}
