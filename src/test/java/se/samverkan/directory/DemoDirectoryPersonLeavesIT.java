package se.samverkan.directory;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.net.ServerSocket;
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
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstTestCycles;
import se.samverkan.handover.Overlamning;
import se.samverkan.handover.VacancyMonitor;
import se.samverkan.operations.InPlaceOfTheSharedEngine;
import se.samverkan.process.CandidateGroups;
import se.samverkan.process.JsonVariables;

/**
 * "A person leaves" end to end, the way the walk-through in docs/directory-demo-and-login.md does it
 * by hand, with nothing written to the tables: the demo with its embedded directory in its own
 * application (as {@link DirectoryLoginIT}), the directory sync triggered as an operator would
 * ({@code POST /engine-rest/samverkan/katalog/synkronisera} as the administrator), the EST actor
 * socialtjanst.lycksele logging in with her directory password and claiming her function's EST
 * report, then leaving through the demo's endpoint ({@code inaktivera}) and the sync run again.
 *
 * <p>What the product promises then (DirectorySync, MembershipReconciler, VacancyMonitor): the
 * report goes back to socialtjanst-lycksele unassigned with a comment, she loses the membership and
 * her grant on the task, her login is refused (the password went with the entry), one
 * {@code overlamning} "Ta över funktionens arbete" starts for the function with her comment as
 * handover note, and since nobody else holds the function its vacancy goes to the samordnare of
 * Lycksele, who becomes a candidate of the report. The demo directory is plain LDAP without a
 * disabled bit: the sync records MEMBERSHIP_REMOVED and keeps the account ACTIVE (no USER_DISABLED);
 * the refused bind is what keeps her out.
 */
class DemoDirectoryPersonLeavesIT {

  /** Camunda's REST finds the engine by name; see {@link DirectoryLoginIT} for the handover of "default". */
  private static final String LEAVER = "socialtjanst.lycksele";
  private static final String FUNCTION = "socialtjanst-lycksele";
  private static final String SAMORDNARE = "samordnare-lycksele";
  private static final String NOTE = "Familjen Nilsson är kontaktad, uppföljning bokad till torsdag.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ConfigurableApplicationContext context;
  private static HttpClient http;
  private static String base;
  private static InPlaceOfTheSharedEngine application;

  @BeforeAll
  static void startTheDemoWithItsDirectory() throws Exception {
    int ldapPort;
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
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
  }

  @Test
  void shouldGiveTheWorkBackHandItOverAndEscalateTheVacancyWhenAPersonLeavesTheDemoDirectory() throws Exception {
    IdentityService identity = context.getBean(IdentityService.class);
    RuntimeService runtime = context.getBean(RuntimeService.class);
    TaskService tasks = context.getBean(TaskService.class);
    AuthorizationService authorizations = context.getBean(AuthorizationService.class);
    JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);

    // nobody from the directory before the first sync; only the administrator may run it
    assertThat(identity.createUserQuery().userId(LEAVER).count()).isZero();
    assertThat(rest("GET", "/engine-rest/user/" + LEAVER + "/profile", LEAVER, "demo", null).statusCode()).isEqualTo(401);
    assertThat(rest("POST", "/engine-rest/samverkan/katalog/synkronisera", "admin", "fel", null).statusCode())
        .isEqualTo(401);

    JsonNode first = sync();
    assertThat(first.path("synkroniserad").asBoolean()).isTrue();
    assertThat(first.path("avstamningKord").asBoolean()).as("memberships given: the reconciliation ran").isTrue();
    JsonNode demo = first.path("kallor").get(0);
    assertThat(demo.path("kalla").asText()).isEqualTo("demo");
    assertThat(demo.path("status").asText()).isEqualTo("SYNKRONISERAD");
    assertThat(demo.path("nyaAnvandare").asInt()).isEqualTo(41);
    assertThat(demo.path("givnaFunktioner").asInt()).isEqualTo(41);
    assertThat(demo.path("tagnaFunktioner").asInt()).isZero();

    assertThat(identity.createUserQuery().userId(LEAVER).singleResult().getEmail())
        .isEqualTo("socialtjanst.lycksele@samverkan.example");
    assertThat(identity.createUserQuery().memberOfGroup(FUNCTION).list()).extracting(u -> u.getId())
        .containsExactly(LEAVER);
    assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(Overlamning.vacancyKey(FUNCTION))
        .count()).as("the startup's vacancy closed once she holds the function").isZero();
    assertThat(rest("GET", "/engine-rest/user/" + LEAVER + "/profile", LEAVER, "demo", null).statusCode()).isEqualTo(200);
    assertThat(rest("GET", "/engine-rest/task?candidateGroup=" + FUNCTION, LEAVER, "demo", null).statusCode())
        .isEqualTo(200);
    assertThat(rest("GET", "/engine-rest/task?candidateGroup=" + FUNCTION, LEAVER, "fel", null).statusCode())
        .isEqualTo(401);

    // her function's EST report: Lycksele's cycle with its reports open
    ProcessInstance cycle = EstTestCycles.withOpenReports(context.getBean(EstCycles.class), runtime,
        context.getBean(ManagementService.class), "lycksele", ZonedDateTime.of(2031, 3, 4, 9, 0, 0, 0, ZoneId.of("Europe/Stockholm")));
    HttpResponse<String> offered = rest("GET", "/engine-rest/task?processInstanceId=" + cycle.getId()
        + "&candidateGroup=" + FUNCTION, LEAVER, "demo", null);
    assertThat(offered.statusCode()).isEqualTo(200);
    JsonNode offeredTasks = JSON.readTree(offered.body());
    assertThat(offeredTasks).hasSize(1);
    String report = offeredTasks.get(0).path("id").asText();
    assertThat(offeredTasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(EstCycleProcess.SUBMIT_REPORT);

    HttpResponse<String> claimed = rest("POST", "/engine-rest/task/" + report + "/claim", LEAVER, "demo",
        "{\"userId\":\"" + LEAVER + "\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    HttpResponse<String> commented = rest("POST", "/engine-rest/task/" + report + "/comment/create", LEAVER, "demo",
        JSON.writeValueAsString(java.util.Map.of("message", NOTE)));
    assertThat(commented.statusCode()).as(commented.body()).isEqualTo(200);
    assertThat(tasks.createTaskQuery().taskId(report).singleResult().getAssignee()).isEqualTo(LEAVER);
    assertThat(taskGrants(authorizations, LEAVER, report)).as("the engine's grant from the claim").isPositive();

    // she leaves: HR takes her out of the directory (the demo's endpoint), the next sync sees it
    HttpResponse<String> disabled = rest("POST", "/api/demo-katalog/personer/" + LEAVER + "/inaktivera", "admin",
        "demo", null);
    assertThat(disabled.statusCode()).as(disabled.body()).isEqualTo(200);
    JsonNode left = JSON.readTree(disabled.body());
    assertThat(left.path("person").asText()).isEqualTo(LEAVER);
    assertThat(left.path("borttagen").asBoolean()).isFalse();
    assertThat(left.path("funktioner").toString()).isEqualTo("[\"" + FUNCTION + "\"]");
    assertThat(rest("GET", "/engine-rest/user/" + LEAVER + "/profile", LEAVER, "demo", null).statusCode())
        .as("the password went with the directory entry: refused at once").isEqualTo(401);
    assertThat(tasks.createTaskQuery().taskId(report).singleResult().getAssignee())
        .as("nothing moves before the sync").isEqualTo(LEAVER);

    JsonNode second = sync();
    assertThat(second.path("avstamningKord").asBoolean()).isTrue();
    JsonNode demoAgain = second.path("kallor").get(0);
    assertThat(demoAgain.path("status").asText()).isEqualTo("SYNKRONISERAD");
    assertThat(demoAgain.path("tagnaFunktioner").asInt()).isEqualTo(1);
    assertThat(demoAgain.path("givnaFunktioner").asInt()).isZero();
    assertThat(demoAgain.path("avstangdaKonton").asInt()).as("plain LDAP: no disabled bit").isZero();

    // the report is back with the function, unassigned, with a comment saying why
    Task returned = tasks.createTaskQuery().taskId(report).singleResult();
    assertThat(returned.getAssignee()).as("back with the function").isNull();
    assertThat(CandidateGroups.of(tasks, report)).contains(FUNCTION);
    assertThat(tasks.getTaskComments(report)).extracting(Comment::getFullMessage)
        .contains(NOTE, "Återlämnad till funktionen: " + LEAVER + " innehar inte längre funktionen.");
    assertThat(taskGrants(authorizations, LEAVER, report)).as("her grant from the claim is gone").isZero();

    // she no longer holds the function and cannot log in; the account stays for the history's names
    assertThat(identity.createUserQuery().memberOfGroup(FUNCTION).count()).isZero();
    assertThat(identity.createGroupQuery().groupMember(LEAVER).count()).isZero();
    assertThat(identity.createUserQuery().userId(LEAVER).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select account_state from samverkan_directory_user where user_id = ?",
        String.class, LEAVER)).isEqualTo("ACTIVE");
    assertThat(rest("GET", "/engine-rest/user/" + LEAVER + "/profile", LEAVER, "demo", null).statusCode()).isEqualTo(401);
    assertThat(rest("GET", "/engine-rest/task?candidateGroup=" + FUNCTION, LEAVER, "demo", null).statusCode())
        .isEqualTo(401);

    // one handover for the function, with the open work and her comment as handover note
    ProcessInstance handover = runtime.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.personLeftKey(FUNCTION, LEAVER)).singleResult();
    assertThat(handover).as("handover started").isNotNull();
    assertThat(runtime.getVariable(handover.getId(), Overlamning.REASON)).isEqualTo(Overlamning.REASON_PERSON_LEFT);
    assertThat(runtime.getVariable(handover.getId(), Overlamning.LEAVER)).isEqualTo(LEAVER);
    assertThat(JsonVariables.textOf(runtime.getVariable(handover.getId(), Overlamning.OPEN_WORK)))
        .contains(returned.getName(), "#/?task=" + report);
    assertThat(JsonVariables.textOf(runtime.getVariable(handover.getId(), Overlamning.LEAVER_NOTE))).contains(NOTE);
    Task takeOver = tasks.createTaskQuery().processInstanceId(handover.getId()).singleResult();
    assertThat(takeOver.getTaskDefinitionKey()).isEqualTo(Overlamning.TASK_TAKE_OVER_WORK);
    assertThat(takeOver.getName()).as("named for the function handed over")
        .isEqualTo("Ta över funktionens arbete – Socialtjänst, Lycksele");
    assertThat(CandidateGroups.of(tasks, takeOver.getId())).contains(FUNCTION);

    // nobody else holds socialtjanst-lycksele: the vacancy goes up the chain to the samordnare
    ProcessInstance vacancy = runtime.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.vacancyKey(FUNCTION)).singleResult();
    assertThat(vacancy).as("vacancy escalated").isNotNull();
    assertThat(runtime.getVariable(vacancy.getId(), Overlamning.REASON)).isEqualTo(Overlamning.REASON_VACANT);
    assertThat(runtime.getVariable(vacancy.getId(), Overlamning.ESCALATION_TARGET)).isEqualTo(SAMORDNARE);
    Task staff = tasks.createTaskQuery().processInstanceId(vacancy.getId()).singleResult();
    assertThat(staff.getTaskDefinitionKey()).isEqualTo(Overlamning.TASK_STAFF_FUNCTION);
    assertThat(staff.getName()).isEqualTo("Funktionen Socialtjänst, Lycksele saknar bemanning");
    assertThat(runtime.getVariable(vacancy.getId(), Overlamning.ESCALATION_TARGET_NAME))
        .isEqualTo("Brottsförebyggande samordnare, Lycksele");
    assertThat(CandidateGroups.of(tasks, staff.getId())).containsExactly(SAMORDNARE);
    assertThat(CandidateGroups.of(tasks, report)).containsExactlyInAnyOrder(FUNCTION, SAMORDNARE);
    assertThat(tasks.getVariableLocal(report, VacancyMonitor.VACANCY_CANDIDATE)).isEqualTo(SAMORDNARE);
    assertThat(tasks.getVariableLocal(report, VacancyMonitor.VACANCY_FUNCTION)).isEqualTo(FUNCTION);
    // and the samordnare of Lycksele, logging in with her own directory password, sees both
    JsonNode seenBySamordnare = JSON.readTree(rest("GET", "/engine-rest/task?candidateGroup=" + SAMORDNARE,
        "samordnare.lycksele", "demo", null).body());
    List<String> seen = new ArrayList<>();
    seenBySamordnare.forEach(t -> seen.add(t.path("id").asText()));
    assertThat(seen).contains(report, staff.getId());

    // the directory's change record, as the administrator reads it
    HttpResponse<String> changes = rest("GET", "/engine-rest/samverkan/katalog/andringar?kalla=demo&anvandare="
        + URLEncoder.encode(LEAVER, StandardCharsets.UTF_8), "admin", "demo", null);
    assertThat(changes.statusCode()).isEqualTo(200);
    List<String> kinds = new ArrayList<>();
    JsonNode removal = null;
    for (JsonNode change : JSON.readTree(changes.body()).path("andringar")) {
      assertThat(change.path("anvandare").asText()).isEqualTo(LEAVER);
      kinds.add(change.path("slag").asText());
      if ("MEMBERSHIP_REMOVED".equals(change.path("slag").asText())) {
        removal = change;
      }
    }
    assertThat(kinds).containsExactlyInAnyOrder("USER_CREATED", "MEMBERSHIP_ADDED", "MEMBERSHIP_REMOVED");
    assertThat(kinds.get(0)).as("newest first").isEqualTo("MEMBERSHIP_REMOVED");
    assertThat(removal.path("funktion").asText()).isEqualTo(FUNCTION);
    assertThat(removal.path("detalj").asText())
        .isEqualTo("inte längre medlem i " + EmbeddedDirectoryLdif.groupDn(FUNCTION));
    assertThat(rest("GET", "/engine-rest/samverkan/katalog/andringar", "samordnare.lycksele", "demo", null)
        .statusCode()).as("administrators only").isEqualTo(403);

    // another sync changes nothing and starts nothing twice
    JsonNode third = sync();
    assertThat(third.path("avstamningKord").asBoolean()).isFalse();
    assertThat(third.path("kallor").get(0).path("tagnaFunktioner").asInt()).isZero();
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.personLeftKey(FUNCTION, LEAVER)).count()).isEqualTo(1);
    assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(Overlamning.PROCESS_KEY)
        .processInstanceBusinessKey(Overlamning.vacancyKey(FUNCTION)).count()).isEqualTo(1);
  }

  /** The sync as an operator triggers it: the administrator over REST. */
  private static JsonNode sync() throws Exception {
    HttpResponse<String> answer = rest("POST", "/engine-rest/samverkan/katalog/synkronisera", "admin", "demo", null);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  /** The user-level grants a person has on a task (the engine's, from a claim). */
  private static long taskGrants(AuthorizationService authorizations, String userId, String taskId) {
    return authorizations.createAuthorizationQuery().userIdIn(userId).resourceType(Resources.TASK)
        .resourceId(taskId).count();
  }

  private static HttpResponse<String> rest(String method, String path, String user, String password, String json)
      throws Exception {
    return application.rest(method, path, user, password, json);
  }
}
