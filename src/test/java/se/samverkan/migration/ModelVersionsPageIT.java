package se.samverkan.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.EscalationTestProcess;
import se.samverkan.WebappSession;
import se.samverkan.WebappSession.Answer;

/**
 * The process owner's page through HTTP, logged in through Cockpit as a person is: the counts, the
 * Swedish plan, the run and its result; and as an attacker: another function's login, no login, a
 * POST without the session's token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelVersionsPageIT {

  static final String PAGE = "/samverkan/modellversioner";
  static final String RENAMED = "Sammanställ lägesbild före mötet (test)";

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;

  ProcessDefinition first;
  List<String> deployments = new java.util.ArrayList<>();

  @BeforeEach
  void twoRunningOnTheFirstVersionThenASecond() {
    first = deploy(EscalationTestProcess.model());
    for (int i = 0; i < 2; i++) {
      runtimeService.startProcessInstanceById(first.getId(), Map.of(EscalationTestProcess.FUNCTION, "skola-lycksele"));
    }
    deploy(EscalationTestProcess.model().replace("name=\"" + EscalationTestProcess.TASK_NAME + "\"",
        "name=\"" + RENAMED + "\"").replace("<bpmn:timeDuration>P5D</bpmn:timeDuration>",
        "<bpmn:timeDuration>P3D</bpmn:timeDuration>"));
  }

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true, true));
  }

  @Test
  void shouldShowTheProcessOwnerTheCountsAndThePlanInSwedishAndMoveTheInstances() {
    WebappSession owner = WebappSession.logIn(port, "processagare", "cockpit");

    Answer overview = owner.page(PAGE);
    assertThat(overview.status()).isEqualTo(200);
    assertThat(overview.text()).contains("Modellversioner och pågående ärenden", "Flytta till version",
        "data-process=\"" + EscalationTestProcess.PROCESS_KEY + "\"");

    Answer plan = owner.page(PAGE + "/" + first.getId());
    assertThat(plan.status()).isEqualTo(200);
    assertThat(plan.text()).contains("Byter namn till «" + RENAMED + "»", "Påminnelse ändras från P5D till P3D",
        "varav <strong id=\"movable\">2</strong> kan flyttas");
    // counts only: no instance, no task, no variable of a case
    runtimeService.createProcessInstanceQuery().processDefinitionId(first.getId()).list()
        .forEach(instance -> assertThat(plan.text()).doesNotContain(instance.getId()));
    taskService.createTaskQuery().processDefinitionId(first.getId()).list()
        .forEach(task -> assertThat(plan.text()).doesNotContain(task.getId()));
    assertThat(plan.text()).doesNotContain("skola-lycksele");

    Answer run = owner.postForm(PAGE + "/" + first.getId() + "/flytta", "_csrf=" + csrfOf(plan));
    assertThat(run.status()).isEqualTo(302);
    assertThat(run.location()).contains(PAGE + "/batch/");
    String batchId = run.location().substring(run.location().lastIndexOf('/') + 1);

    assertThat(owner.page(PAGE + "/batch/" + batchId).text()).contains("Pågår: 0 av 2 jobb klara, 0 misslyckade.");
    Batches.runJobs(managementService, batchId);
    assertThat(owner.page(PAGE + "/batch/" + batchId).text()).contains("Klar: 2 av 2 jobb klara, 0 misslyckade.");
    Batches.runToEnd(managementService, batchId);
    assertThat(owner.page(PAGE + "/batch/" + batchId).text()).contains("Klar: 2 av 2 jobb klara, 0 misslyckade.");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(first.getId()).count()).isZero();
  }

  @Test
  void shouldRefuseAnotherMunicipalitysCoordinatorAndTheCountyBoard() {
    for (String attacker : List.of("samordnare.lycksele", "lansstyrelsen")) {
      WebappSession session = WebappSession.logIn(port, attacker, appOf(attacker));
      assertThat(session.page(PAGE).status()).as(attacker).isEqualTo(403);
      assertThat(session.page(PAGE + "/" + first.getId()).status()).as(attacker).isEqualTo(403);
      Answer post = session.postForm(PAGE + "/" + first.getId() + "/flytta", "_csrf=guessed");
      assertThat(post.status()).as(attacker).isEqualTo(403);
      assertThat(post.text()).contains("Bara processägaren");
    }
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(first.getId()).count()).isEqualTo(2);
  }

  @Test
  void shouldRefuseAMoveWithoutTheSessionsTokenAndAnyoneNotLoggedIn() {
    WebappSession owner = WebappSession.logIn(port, "processagare", "cockpit");
    owner.page(PAGE + "/" + first.getId());
    long batches = managementService.createBatchQuery().count(); // other tests' batches may still be there

    assertThat(owner.postForm(PAGE + "/" + first.getId() + "/flytta", "").status()).isEqualTo(403);
    assertThat(owner.postForm(PAGE + "/" + first.getId() + "/flytta", "_csrf=forged").status()).isEqualTo(403);
    WebappSession anonymous = WebappSession.anonymous(port);
    assertThat(anonymous.page(PAGE).status()).isEqualTo(401);
    assertThat(anonymous.postForm(PAGE + "/" + first.getId() + "/flytta", "").status()).isEqualTo(401);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(first.getId()).count()).isEqualTo(2);
    assertThat(managementService.createBatchQuery().count()).isEqualTo(batches);
  }

  private static String appOf(String user) {
    return user.startsWith("lansstyrelsen") ? "cockpit" : "tasklist";
  }

  private static String csrfOf(Answer page) {
    Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.text());
    assertThat(token.find()).as("the plan's form carries the session's token").isTrue();
    return token.group(1);
  }

  private ProcessDefinition deploy(String model) {
    ProcessDefinition version = EscalationTestProcess.deployVersion(repositoryService, "model-versions-page", model);
    deployments.add(0, version.getDeploymentId());
    return version;
  }
}
