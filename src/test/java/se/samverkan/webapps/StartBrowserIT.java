package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
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
import se.samverkan.agreement.AgreementScenario;

/**
 * Starting the samverkansprocess in Tasklist as a samordnare does (issue 17, point 8): "Starta
 * process" offers it, the start form offers the reader's own LPO by its name (chosen already, the
 * only one), and the start is confirmed in words that stay on the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StartBrowserIT {

  private static final String USER = "samordnare.lycksele";

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired HistoryService history;

  private Webapp webapp;
  private String period;

  @BeforeEach
  void openBrowser() {
    webapp = new Webapp(browser.driver(), port);
    period = AgreementScenario.uniquePeriod();
  }

  @AfterEach
  void cleanUp() {
    runtime.createProcessInstanceQuery().processDefinitionKey("samverkansprocess").variableValueEquals("avtalsperiod", period)
        .list().forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "test", true, true));
  }

  @Test
  void shouldOfferTheOwnLpoByNameAndConfirmTheStart() throws IOException {
    webapp.logInTo("tasklist", USER);
    webapp.click(webapp.button("Starta process"));
    webapp.click(webapp.waitFor(By.xpath("//*[contains(@class,'modal')]//a[normalize-space(.)='Samverkansprocessen']")));
    WebElement lpo = webapp.waitFor(By.cssSelector(".modal .fjs-container .fjs-form-field-select"));
    assertThat(lpo.getText()).contains("Lokalpolisområde", "Södra Lappland").doesNotContain("sodra-lappland");
    WebElement periodField = webapp.waitFor(By.cssSelector(".modal .fjs-container [id$='-Field_avtalsperiod_1']"));
    periodField.sendKeys(period, Keys.TAB);
    webapp.screenshot(TasklistBrowserIT.SCREENSHOTS.resolve("tasklist-start.png"));
    webapp.click(webapp.waitFor(By.xpath("//*[contains(@class,'modal')]//button[normalize-space(.)='Starta']")));

    webapp.waitForText(By.cssSelector(".page-notifications"), "«Samverkansprocessen» är startad");
    String confirmation = webapp.waitFor(By.cssSelector(".page-notifications")).getText();
    assertThat(confirmation).contains("De första uppgifterna ligger nu hos de funktioner som ska utföra dem");
    assertThat(webapp.driver().findElement(By.id("samverkan-start-status")).getAttribute("textContent"))
        .contains("«Samverkansprocessen» är startad");
    List<HistoricProcessInstance> started = history.createHistoricProcessInstanceQuery().processDefinitionKey("samverkansprocess")
        .variableValueEquals("avtalsperiod", period).list();
    assertThat(started).hasSize(1);
    assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(started.get(0).getId()).variableName("lpo")
        .singleResult().getValue()).isEqualTo("sodra-lappland");
  }

  /** A start the server refuses (the period is taken) is refused in Swedish, without the engine's English around it. */
  @Test
  void shouldRefuseATakenPeriodInSwedish() {
    webapp.logInTo("tasklist", USER);
    for (int attempt = 1; attempt <= 2; attempt++) {
      webapp.click(webapp.button("Starta process"));
      webapp.click(webapp.waitFor(By.xpath("//*[contains(@class,'modal')]//a[normalize-space(.)='Samverkansprocessen']")));
      webapp.waitFor(By.cssSelector(".modal .fjs-container .fjs-form-field-select"));
      webapp.waitFor(By.cssSelector(".modal .fjs-container [id$='-Field_avtalsperiod_1']")).sendKeys(period, Keys.TAB);
      webapp.click(webapp.waitFor(By.xpath("//*[contains(@class,'modal')]//button[normalize-space(.)='Starta']")));
      if (attempt == 1) {
        webapp.waitForText(By.cssSelector(".page-notifications"), "är startad");
        webapp.takeNotifications();
      }
    }
    // a refused start keeps its dialog open and shows the refusal in the dialog's own notifications
    List<String> refusal = webapp.waitForAll(By.cssSelector(".modal [notifications-panel] .alert")).stream()
        .map(WebElement::getText).toList();
    assertThat(refusal).anyMatch(text -> text.contains("Processen kunde inte startas")).allSatisfy(Webapp::assertNoEnglish);
    assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("samverkansprocess")
        .variableValueEquals("avtalsperiod", period).count()).as("one period, one process").isEqualTo(1);
  }
}
