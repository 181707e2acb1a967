package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A process's page in Cockpit offers its changes (suspend the process, its job definitions'
 * suspension and priority) only to who may make them (cockpit/scripts/samverkan-permissions.js):
 * länsstyrelsen reads the models and is offered none; the administrator is.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CockpitDefinitionPageBrowserIT {

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired RepositoryService repository;

  private Webapp webapp;

  @BeforeEach
  void openBrowser() {
    webapp = new Webapp(browser.driver(), port);
  }

  @Test
  void shouldOfferAProcesssChangesOnlyToWhoMayMakeThem() {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("est-cykel").latestVersion()
        .singleResult().getId();

    webapp.logInTo("cockpit", "lansstyrelsen");
    openJobDefinitions(definition);
    assertThat(webapp.driver().findElements(By.cssSelector(".ctn-toolbar a, .ctn-toolbar button")))
        .noneMatch(WebElement::isDisplayed);
    new org.openqa.selenium.support.ui.WebDriverWait(webapp.driver(), java.time.Duration.ofSeconds(20))
        .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.cssSelector(".action-button")));
    assertThat(webapp.driver().findElements(By.cssSelector(".action-button"))).as("the job definitions' actions, there but hidden")
        .isNotEmpty().noneMatch(WebElement::isDisplayed);

    webapp.logInTo("cockpit", "admin");
    openJobDefinitions(definition);
    assertThat(webapp.driver().findElements(By.cssSelector(".ctn-toolbar a, .ctn-toolbar button")))
        .anyMatch(WebElement::isDisplayed);
    webapp.waitFor(By.cssSelector(".action-button"));
  }

  private void openJobDefinitions(String definition) {
    webapp.open("cockpit", "/process-definition/" + definition + "/runtime?detailsTab=job-definition-table");
    webapp.waitFor(By.cssSelector("body[data-samverkan-checked-instance='" + definition + "']"));
    webapp.waitFor(By.cssSelector("[cam-widget-bpmn-viewer] .djs-container"));
  }
}
