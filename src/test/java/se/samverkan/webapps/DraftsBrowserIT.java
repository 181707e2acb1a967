package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstTestCycles;

/**
 * "Spara" in Tasklist saves the draft for the task, not for the browser (issue 17, point 3): one
 * holder of the function saves a half-done EST report, a colleague in another browser session
 * (its local storage cleared) opens the same task and goes on from the draft, seeing who saved it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DraftsBrowserIT {

  private static final String FUNCTION = "socialtjanst-mala";
  private static final String HOLDER = "socialtjanst.mala";
  private static final String COLLEAGUE = "utkast.kollega2";
  private static final String WORRY = "Oro för fyrverkerier vid busstationen på fredagskvällarna.";

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired EstCycles estCycles;

  private Webapp webapp;
  private final List<String> started = new ArrayList<>();

  @BeforeEach
  void openBrowser() {
    webapp = new Webapp(browser.driver(), port);
    User user = identity.newUser(COLLEAGUE);
    user.setFirstName("Kim");
    user.setLastName("Kollega");
    user.setPassword("demo");
    identity.saveUser(user);
    identity.createMembership(COLLEAGUE, FUNCTION);
  }

  @AfterEach
  void cleanUp() {
    started.forEach(id -> runtime.deleteProcessInstance(id, "test", true, true));
    identity.deleteUser(COLLEAGUE);
  }

  @Test
  void shouldOpenTheDraftOneHolderSavedForTheNext() throws IOException {
    Task report = estReport();
    tasks.claim(report.getId(), HOLDER);
    webapp.logInTo("tasklist", HOLDER);
    webapp.open("tasklist", "/?task=" + report.getId());
    WebElement worry = webapp.waitFor(By.cssSelector(".fjs-container [id$='-Field_Worries']"));
    webapp.scrollTo(worry);
    worry.sendKeys(WORRY, Keys.TAB);
    webapp.click(webapp.button("Spara"));
    webapp.waitForText(By.cssSelector(".samverkan-utkast"), "Utkast sparat av");

    // she gives the task back to the function; a colleague opens it in a fresh session
    tasks.setAssignee(report.getId(), null);
    tasks.claim(report.getId(), COLLEAGUE);
    webapp.logInTo("tasklist", COLLEAGUE);
    webapp.open("tasklist", "/?task=" + report.getId());
    WebElement seen = webapp.waitFor(By.cssSelector(".fjs-container [id$='-Field_Worries']"));
    webapp.waitForText(By.cssSelector(".samverkan-utkast"), "Utkast sparat av");
    assertThat(seen.getDomProperty("value")).isEqualTo(WORRY);
    String notice = webapp.waitFor(By.cssSelector(".samverkan-utkast")).getText();
    String holderName = identity.createUserQuery().userId(HOLDER).singleResult().getFirstName();
    assertThat(notice).startsWith("Utkast sparat av " + holderName).contains(" kl. ");
    webapp.scrollTo(webapp.waitFor(By.cssSelector(".samverkan-utkast")));
    webapp.screenshot(TasklistBrowserIT.SCREENSHOTS.resolve("tasklist-draft.png"));
  }

  private Task estReport() {
    ZonedDateTime meeting = ZonedDateTime.of(2033, 9, 6, 9, 0, 0, 0, ZoneId.of("Europe/Stockholm"));
    ProcessInstance cycle = EstTestCycles.withOpenReports(estCycles, runtime, management, "mala", meeting);
    started.add(cycle.getId());
    return tasks.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(EstCycleProcess.SUBMIT_REPORT)
        .taskCandidateGroup(FUNCTION).singleResult();
  }
}
