package se.samverkan.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.est.EstCycles;
import se.samverkan.est.StartedInstances;
import se.samverkan.webapps.BrowserExtension;
import se.samverkan.webapps.Webapp;

/**
 * Läget in a real headless Chromium: kommunledning.lycksele opens it from Tasklist's header, sees the
 * agreement, the promises and the duties and follows a figure into Tasklist; länsstyrelsen sees every
 * municipality of its county; axe-core (npm, tools/axe) finds no WCAG 2.1 AA violation on the start,
 * LPO and municipality pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverviewBrowserIT {

  static final Path SCREENSHOTS = Path.of("docs", "screenshots");
  static final Path AXE = Path.of("tools", "axe", "node_modules", "axe-core", "axe.min.js");
  static final java.time.Duration WAIT = java.time.Duration.ofSeconds(20);

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired TestRestTemplate rest;
  @Autowired ProcessEngine engine;
  @Autowired EstCycles estCycles;

  OverviewCase driven;

  @BeforeAll
  void driveTheProcesses() {
    driven = new OverviewCase(rest, engine, estCycles).drive();
  }

  @AfterAll
  void removeTheDrivenInstances() {
    StartedInstances.removeRunningWithPromises(engine.getRuntimeService(), driven.instances, "OverviewBrowserIT städar");
  }

  @Test
  void shouldTakeKommunledningFromTasklistsHeaderToItsMunicipalityAndBackIntoTasklist() throws IOException {
    Webapp webapp = new Webapp(browser.driver(), port);
    webapp.logInTo("tasklist", "kommunledning.lycksele");
    webapp.waitFor(By.cssSelector("nav.cam-nav li.samverkan-laget a")).click();
    webapp.waitFor(By.cssSelector("a[data-kommun='lycksele']")).click();

    webapp.waitFor(By.id("overenskommelse-gallande"));
    String page = webapp.bodyText();
    assertThat(page).contains("Läget i Lycksele", "Samverkansöverenskommelsen", driven.period, "Medborgarlöften",
        "Medborgarlöfte " + driven.period, "Lagens krav (lag 2023:196)", "Lägesbild", "Samordningsfunktion", "Bemanning",
        "Dokument", driven.lyckselePlace);
    new WebDriverWait(browser.driver(), WAIT).until(d -> !d.findElements(By.cssSelector("#diagram-uppgifter svg")).isEmpty());
    webapp.screenshot(SCREENSHOTS.resolve("laget-kommun.png"));

    WebElement ownTasks = webapp.waitFor(By.cssSelector("#uppgifter-per-funktion tr[data-funktion='kommunledning-lycksele'] a"));
    webapp.click(ownTasks);
    new WebDriverWait(browser.driver(), WAIT).until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/default/#/"));
    // Tasklist shows the search it took from the address: Kommun = Lycksele
    webapp.waitForText(By.cssSelector("[cam-widget-search]"), "Lycksele");
    assertThat(browser.driver().getCurrentUrl()).contains("searchQuery=");
  }

  @Test
  void shouldShowLansstyrelsenEveryMunicipalityOfItsCounty() {
    Webapp webapp = new Webapp(browser.driver(), port);
    webapp.logInTo("cockpit", "lansstyrelsen");
    browser.driver().get("http://localhost:" + port + "/samverkan/laget");
    for (String kommun : OverviewCase.MUNICIPALITIES) {
      webapp.waitFor(By.cssSelector("a[data-kommun='" + kommun + "']"));
    }
    browser.driver().get("http://localhost:" + port + "/samverkan/laget/kommun/lycksele");
    assertThat(webapp.waitFor(By.id("begransad-vy")).getText()).contains("inte EST:s platser");
    assertThat(webapp.bodyText()).doesNotContain(driven.lyckselePlace).contains("Lagens krav");
  }

  @Test
  void shouldMeetWcag21AaOnTheStartLpoAndMunicipalityPages() throws IOException {
    Webapp webapp = new Webapp(browser.driver(), port);
    webapp.logInTo("tasklist", "samordnare.lycksele");
    for (String path : java.util.List.of("/samverkan/laget", "/samverkan/laget/lpo/" + OverviewCase.LPO,
        "/samverkan/laget/kommun/lycksele", "/samverkan/laget/kommun/sorsele", "/samverkan/laget/kommun/umea")) {
      browser.driver().get("http://localhost:" + port + path);
      webapp.waitFor(By.tagName("h1"));
      assertThat(axeViolations()).as("axe-core WCAG 2.1 A/AA violations on " + path).isEqualTo("[]");
    }
  }

  /** axe-core's violations of the WCAG 2.0/2.1 A and AA rules on the page, as JSON (id, impact, elements). */
  private String axeViolations() throws IOException {
    assertThat(AXE).as("axe-core installed: (cd tools/axe && npm ci)").exists();
    JavascriptExecutor js = (JavascriptExecutor) browser.driver();
    js.executeScript(Files.readString(AXE, StandardCharsets.UTF_8));
    browser.driver().manage().timeouts().scriptTimeout(WAIT);
    Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        + ".then(r => done(JSON.stringify(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
        + " nodes: v.nodes.map(n => n.target.join(' '))})))))"
        + ".catch(e => done('axe failed: ' + e));");
    return String.valueOf(result);
  }
}
