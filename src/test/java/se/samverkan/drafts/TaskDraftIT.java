package se.samverkan.drafts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.WebappSession;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstTestCycles;
import se.samverkan.handover.FunctionReconciliation;

/**
 * A task's draft belongs to the task, for everyone who may work on it, as issue 17 asks: saved by
 * one holder of the function, seen by another, kept when the first leaves the function, and for
 * nobody outside the task's audience. Through both doors: Tasklist's session (with its CSRF token)
 * and /engine-rest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskDraftIT {

  private static final AtomicInteger MEETINGS = new AtomicInteger();
  private static final String FUNCTION = "socialtjanst-mala";
  private static final String HOLDER = "socialtjanst.mala";
  private static final String COLLEAGUE = "utkast.kollega";

  @Autowired TestRestTemplate rest;
  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired EstCycles estCycles;
  @Autowired FunctionReconciliation reconciliation;
  @Autowired TaskDraftService drafts;
  @Autowired JdbcTemplate jdbc;

  private final List<String> started = new ArrayList<>();

  @AfterEach
  void cleanUp() {
    started.forEach(id -> runtime.deleteProcessInstance(id, "test", true, true));
    if (identity.createUserQuery().userId(COLLEAGUE).count() > 0) {
      identity.deleteUser(COLLEAGUE);
    }
    reconciliation.run();
    drafts.removeOrphans();
  }

  @Test
  void shouldShowOneHoldersDraftToTheNextAndKeepItThroughTheHandover() {
    colleagueInTheFunction();
    Task report = estReport();

    assertThat(restAs(HOLDER, "GET", report.getId(), null).getBody()).containsEntry("finns", false);
    ResponseEntity<Map<String, Object>> saved = restAs(HOLDER, "PUT", report.getId(), Map.of("varden", Map.of(
        "platser", "Torget\nBusstationen", "handelsetyper", List.of("skadegorelse"), "oro", "Fyrverkerier vid skolan",
        "inteIFormularet", "smugglat", "ingetAttRapportera", false)));
    assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
    assertThat(String.valueOf(saved.getBody().get("meddelande"))).startsWith("Utkast sparat av ").contains(" kl. ");

    // the colleague in the same function, in Tasklist: the same draft, only the form's own fields
    WebappSession colleague = WebappSession.logIn(port, COLLEAGUE);
    WebappSession.Answer seen = colleague.app("GET", path(report.getId()), null, true);
    assertThat(seen.status()).as(seen.text()).isEqualTo(200);
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) seen.body().get("varden");
    assertThat(values).containsEntry("platser", "Torget\nBusstationen").containsEntry("oro", "Fyrverkerier vid skolan")
        .containsEntry("handelsetyper", List.of("skadegorelse")).doesNotContainKey("inteIFormularet");
    assertThat(seen.body()).containsEntry("sparatAv", HOLDER);

    // the colleague takes over: claims, saves from Tasklist (with the session's CSRF token), then leaves
    tasks.claim(report.getId(), COLLEAGUE);
    WebappSession.Answer forged = colleague.app("PUT", path(report.getId()), Map.of("varden", Map.of("oro", "förfalskad")), false);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(forged.text()).contains("Ladda om sidan");
    WebappSession.Answer broken = colleague.app("PUT", path(report.getId()), "{\"varden\": ", true);
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.text()).contains("inte giltig JSON");
    WebappSession.Answer own = colleague.app("PUT", path(report.getId()), Map.of("varden", Map.of("oro", "Oro vid busstationen",
        "platser", "Busstationen")), true);
    assertThat(own.status()).as(own.text()).isEqualTo(200);
    ResponseEntity<Map<String, Object>> claimedByOther = restAs(HOLDER, "PUT", report.getId(), Map.of("varden", Map.of("oro", "x")));
    assertThat(claimedByOther.getStatusCode().value()).isEqualTo(409);
    assertThat(String.valueOf(claimedByOther.getBody().get("message"))).contains("tagen av");
    assertThat(restAs(HOLDER, "GET", report.getId(), null).getBody().get("varden"))
        .as("a claimed task's draft is still readable by the function").isEqualTo(Map.of("oro", "Oro vid busstationen",
            "platser", "Busstationen"));

    identity.deleteMembership(COLLEAGUE, FUNCTION);
    reconciliation.run();
    assertThat(tasks.createTaskQuery().taskId(report.getId()).singleResult().getAssignee()).isNull();
    Map<String, Object> afterHandover = restAs(HOLDER, "GET", report.getId(), null).getBody();
    assertThat(afterHandover).containsEntry("sparatAv", COLLEAGUE);
    assertThat(String.valueOf(afterHandover.get("meddelande"))).contains("Utkast sparat av Utkast Kollega kl. ");
    assertThat(colleague.app("GET", path(report.getId()), null, true).status()).as("the leaver sees it no more")
        .isIn(401, 404);

    // completed: the draft is gone with the task
    tasks.complete(report.getId(), Map.of("ingetAttRapportera", true));
    assertThat(restAs(HOLDER, "GET", report.getId(), null).getStatusCode().value()).isEqualTo(404);
    drafts.removeOrphans();
    assertThat(jdbc.queryForObject("select count(*) from samverkan_task_draft where task_id = ?", Integer.class, report.getId()))
        .isZero();
  }

  @Test
  void shouldKeepDraftsFromEveryoneOutsideTheTasksAudience() {
    Task report = estReport();
    assertThat(restAs(HOLDER, "PUT", report.getId(), Map.of("varden", Map.of("oro", "Känsligt"))).getStatusCode().value())
        .isEqualTo(200);
    for (String outsider : List.of("socialtjanst.lycksele", "samordnare.lycksele", "kommunledning.mala")) {
      ResponseEntity<Map<String, Object>> read = restAs(outsider, "GET", report.getId(), null);
      assertThat(read.getStatusCode().value()).as(outsider).isEqualTo(404);
      assertThat(String.valueOf(read.getBody())).doesNotContain("Känsligt");
      assertThat(restAs(outsider, "PUT", report.getId(), Map.of("varden", Map.of("oro", "x"))).getStatusCode().value())
          .as(outsider).isIn(403, 404);
      assertThat(restAs(outsider, "DELETE", report.getId(), null).getStatusCode().value()).as(outsider).isIn(403, 404);
    }
    assertThat(restAs(HOLDER, "GET", report.getId(), null).getBody().get("varden")).isEqualTo(Map.of("oro", "Känsligt"));
    assertThat(restAs(HOLDER, "GET", "finns-inte", null).getStatusCode().value()).isEqualTo(404);
    assertThat(rest.exchange("/engine-rest/samverkan/uppgifter/" + report.getId() + "/utkast", HttpMethod.GET,
        new HttpEntity<>(new HttpHeaders()), String.class).getStatusCode().value()).isEqualTo(401);
    assertThat(WebappSession.anonymous(port).app("GET", path(report.getId()), null, true).status()).isEqualTo(401);
  }

  @Test
  void shouldRefuseATooLargeDraftInSwedishAndKeepTheLastOne() {
    Task report = estReport();
    assertThat(restAs(HOLDER, "PUT", report.getId(), Map.of("varden", Map.of("oro", "Första utkastet"))).getStatusCode().value())
        .isEqualTo(200);
    ResponseEntity<Map<String, Object>> tooLarge = restAs(HOLDER, "PUT", report.getId(),
        Map.of("varden", Map.of("oro", "å".repeat(200_001))));
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(String.valueOf(tooLarge.getBody().get("message"))).contains("för stort", "högst 200000");
    assertThat(restAs(HOLDER, "PUT", report.getId(), Map.of("varden", List.of(1, 2))).getStatusCode().value()).isEqualTo(400);
    assertThat(restAs(HOLDER, "GET", report.getId(), null).getBody().get("varden")).isEqualTo(Map.of("oro", "Första utkastet"));
    assertThat(restAs(HOLDER, "DELETE", report.getId(), null).getStatusCode().value()).isEqualTo(204);
    assertThat(restAs(HOLDER, "GET", report.getId(), null).getBody()).containsEntry("finns", false);
  }

  private void colleagueInTheFunction() {
    User user = identity.newUser(COLLEAGUE);
    user.setFirstName("Utkast");
    user.setLastName("Kollega");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(COLLEAGUE, FUNCTION);
  }

  private Task estReport() {
    ZonedDateTime meeting = ZonedDateTime.of(2032, 3, 2, 9, 0, 0, 0, ZoneId.of("Europe/Stockholm"))
        .plusWeeks(MEETINGS.incrementAndGet());
    ProcessInstance cycle = EstTestCycles.withOpenReports(estCycles, runtime, management, "mala", meeting);
    started.add(cycle.getId());
    return tasks.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(EstCycleProcess.SUBMIT_REPORT)
        .taskCandidateGroup(FUNCTION).singleResult();
  }

  private static String path(String taskId) {
    return "/samverkan/api/uppgifter/" + taskId + "/utkast";
  }

  private ResponseEntity<Map<String, Object>> restAs(String user, String method, String taskId, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setBasicAuth(user, "demo");
    headers.setContentType(MediaType.APPLICATION_JSON);
    return rest.exchange("/engine-rest/samverkan/uppgifter/" + taskId + "/utkast", HttpMethod.valueOf(method),
        new HttpEntity<>(body, headers), new ParameterizedTypeReference<>() {});
  }
}
