package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.EscalationTestProcess;

/** The process owner logs in through Cockpit and moves running instances to a renamed step's version, in Swedish. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ModelMigrationBrowserIT {

  static final String RENAMED = "Sammanställ lägesbild före mötet (test)";

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;

  final List<String> deployments = new ArrayList<>();

  @AfterEach
  void undeploy() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true, true));
  }

  @Test
  void shouldLetTheProcessOwnerMoveRunningInstancesToTheLatestVersionInSwedish() {
    String model = EscalationTestProcess.model();
    ProcessDefinition first = deploy(model);
    for (int i = 0; i < 3; i++) {
      runtimeService.startProcessInstanceById(first.getId(), Map.of(EscalationTestProcess.FUNCTION, "skola-lycksele"));
    }
    deploy(model.replace("name=\"" + EscalationTestProcess.TASK_NAME + "\"", "name=\"" + RENAMED + "\""));

    Webapp webapp = new Webapp(browser.driver(), port);
    webapp.logInTo("cockpit", "processagare");
    // from the start page's link, as a process owner finds the page
    webapp.driver().get("http://localhost:" + port + "/camunda/app/welcome/default/");
    webapp.waitFor(By.linkText("Modellversioner")).click();
    webapp.waitForText(By.tagName("h1"), "Modellversioner och pågående ärenden");
    // other tests of the shared context may have deployed and started this key before: its own versions
    int version = first.getVersion();
    webapp.waitFor(By.cssSelector("tr[data-process='" + EscalationTestProcess.PROCESS_KEY + "'][data-version='"
        + version + "'] a")).click();

    webapp.waitForText(By.id("movable"), "3");
    assertThat(webapp.bodyText()).contains("Eskaleringstest: version " + version + " till " + (version + 1),
        "Steg som förs över", "Byter namn till «" + RENAMED + "»", "3 pågående ärenden i version " + version);
    webapp.click(webapp.button("Flytta ärendena"));

    webapp.waitForText(By.id("result"), "Pågår: 0 av 3 jobb klara");
    String url = webapp.driver().getCurrentUrl();
    runBatch(url.substring(url.lastIndexOf('/') + 1));
    webapp.driver().navigate().refresh();
    webapp.waitForText(By.id("result"), "Klar: 3 av 3 jobb klara, 0 misslyckade.");
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(first.getId()).count()).isZero();
  }

  /** The job executor is off in tests: the batch's jobs run here as it would run them. */
  private void runBatch(String batchId) {
    Batch batch = managementService.createBatchQuery().batchId(batchId).singleResult();
    for (String definition : List.of(batch.getSeedJobDefinitionId(), batch.getBatchJobDefinitionId())) {
      for (int round = 0; round < 10; round++) {
        List<Job> jobs = managementService.createJobQuery().jobDefinitionId(definition).list();
        if (jobs.isEmpty()) {
          break;
        }
        jobs.forEach(job -> managementService.executeJob(job.getId()));
      }
    }
  }

  private ProcessDefinition deploy(String model) {
    ProcessDefinition version = EscalationTestProcess.deployVersion(repositoryService, "model-migration-browser", model);
    deployments.add(0, version.getDeploymentId());
    return version;
  }
}
