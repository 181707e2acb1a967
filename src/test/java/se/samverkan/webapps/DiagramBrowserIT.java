package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstTestCycles;

/**
 * A wide diagram opens readable in Cockpit, on what matters (issue 17, point 10;
 * cockpit/scripts/samverkan-diagram.js): the EST cycle (2,000 × 780 in the model) fitted whole would
 * be drawn at about half size; a case's page shows it at 0.8 with its active step inside the panel,
 * a process's page at 0.8 from the start of the model.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DiagramBrowserIT {

  private static final String ZOOM_AND_VIEWBOX = "var el = document.querySelector('[cam-widget-bpmn-viewer]');"
      + "var v = angular.element(el).isolateScope().control.getViewer(); var c = v.get('canvas'); var b = c.viewbox();"
      + "var ids = arguments[0] || []; var r = v.get('elementRegistry');"
      + "return {zoom: c.zoom(), x: b.x, y: b.y, width: b.width, height: b.height,"
      + " active: ids.map(function (id) { var e = r.get(id); return e ? {x: e.x, y: e.y, width: e.width, height: e.height} : null; })};";

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired RuntimeService runtime;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired EstCycles estCycles;

  private Webapp webapp;
  private String instance;

  @BeforeEach
  void openBrowser() {
    webapp = new Webapp(browser.driver(), port);
  }

  @AfterEach
  void cleanUp() {
    if (instance != null) {
      runtime.deleteProcessInstance(instance, "test", true, true);
    }
  }

  @Test
  void shouldShowACaseReadableAroundItsActiveStep() throws IOException {
    instance = EstTestCycles.withOpenReports(estCycles, runtime, management, "storuman",
        ZonedDateTime.of(2034, 2, 7, 9, 0, 0, 0, ZoneId.of("Europe/Stockholm"))).getId();
    webapp.logInTo("cockpit", "admin");
    webapp.open("cockpit", "/process-instance/" + instance + "/runtime");
    webapp.waitFor(By.cssSelector("[cam-widget-bpmn-viewer] .djs-container"));

    Map<String, Object> shown = readable(List.of(EstCycleProcess.SUBMIT_REPORT));
    @SuppressWarnings("unchecked")
    Map<String, Number> report = ((List<Map<String, Number>>) shown.get("active")).get(0);
    assertThat(report).as("the active step is in the model").isNotNull();
    double x = number(shown, "x");
    double y = number(shown, "y");
    assertThat(report.get("x").doubleValue()).isBetween(x, x + number(shown, "width") - report.get("width").doubleValue());
    assertThat(report.get("y").doubleValue()).isBetween(y, y + number(shown, "height") - report.get("height").doubleValue());
    webapp.screenshot(CockpitBrowserIT.SCREENSHOTS.resolve("cockpit-instance-diagram.png"));
  }

  @Test
  void shouldShowAProcessReadableFromItsStart() {
    String definition = repository.createProcessDefinitionQuery().processDefinitionKey("est-cykel").latestVersion()
        .singleResult().getId();
    webapp.logInTo("cockpit", "admin");
    webapp.open("cockpit", "/process-definition/" + definition + "/runtime");
    webapp.waitFor(By.cssSelector("[cam-widget-bpmn-viewer] .djs-container"));
    Map<String, Object> shown = readable(List.of());
    assertThat(number(shown, "x")).as("from the start of the model").isLessThan(200);
  }

  /** Waits until the diagram is shown at the readable zoom, and answers its viewbox. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> readable(List<String> activityIds) {
    JavascriptExecutor js = (JavascriptExecutor) webapp.driver();
    return new WebDriverWait(webapp.driver(), Duration.ofSeconds(20)).until(driver -> {
      try {
        Map<String, Object> shown = (Map<String, Object>) js.executeScript(ZOOM_AND_VIEWBOX, activityIds);
        return Math.abs(number(shown, "zoom") - 0.8) < 0.01 ? shown : null;
      } catch (RuntimeException notYet) {
        return null;
      }
    });
  }

  private static double number(Map<String, Object> map, String key) {
    return ((Number) map.get(key)).doubleValue();
  }
}
