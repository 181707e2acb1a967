package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.model.ModelFiles;

/** Cockpit as a process owner meets it: in Swedish, every deployed process drawn with its shapes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CockpitBrowserIT {

  static final BrowserScenario SCENARIO = BrowserScenario.TEST_LAGESBILD;
  static final Path SCREENSHOTS = Path.of("docs", "screenshots");
  static final Path DIAGRAMS = Path.of("docs", "processes");
  static final String PROCESS_OWNER = "processagare";

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired AuthorizationService authorizationService;

  Webapp webapp;

  @BeforeEach
  void deployScenario() {
    DeploymentBuilder deployment = repositoryService.createDeployment().name(SCENARIO.processKey())
        .enableDuplicateFiltering(true);
    SCENARIO.resources().forEach(deployment::addClasspathResource);
    deployment.deploy();
    webapp = new Webapp(browser.driver(), port);
  }

  @Test
  void shouldShowTheProcessOwnerTheStartPageInSwedish() {
    webapp.logInTo("cockpit", PROCESS_OWNER);

    webapp.waitForText(By.tagName("body"), "Pågående ärenden");
    assertThat(webapp.bodyText()).contains("Processer", "Driftsättningar", "Samverkan Översikt")
        .doesNotContain("migrate to Camunda 8", "Running Process Instances");
  }

  @Test
  void shouldDrawARunningProcessWithItsShapes() throws Exception {
    String instance = runtimeService.startProcessInstanceByKey(SCENARIO.processKey(), "Lycksele lägesbild 2026",
        SCENARIO.startVariables().get()).getId();
    ProcessDefinition definition = latest(SCENARIO.processKey());

    // The process owner owns the models, not the cases: the operator (admin) is who opens a running
    // instance in Cockpit ("Who may see what").
    webapp.logInTo("cockpit", "admin");
    openDiagram(definition);
    webapp.waitFor(By.cssSelector(".djs-overlays .badge"));
    webapp.waitFor(By.xpath("//a[contains(@href,'" + instance + "')]"));
    webapp.waitUntilGone(By.xpath("//*[contains(text(),'Laddar')]"));
    assertThat(webapp.bodyText()).contains("Pågående ärenden:", "Ärenden", "Incidenter", "Historiken sparas:");
    webapp.screenshot(SCREENSHOTS.resolve("cockpit-process.png"));

    String execution = runtimeService.createExecutionQuery().processInstanceId(instance).activityId(SCENARIO.firstTaskId())
        .list().get(0).getId();
    runtimeService.createIncident("failedJob", execution, "test", "Testincident: e-posttjänsten svarar inte");
    webapp.open("cockpit", "/process-instance/" + instance + "/runtime?tab=incidents-tab");
    webapp.waitFor(By.cssSelector(".djs-container svg"));
    webapp.waitForText(By.tagName("body"), "Testincident: e-posttjänsten svarar inte");
    webapp.waitFor(By.cssSelector(".djs-element.djs-shape[data-element-id='" + SCENARIO.firstTaskId() + "']"));
    webapp.waitForText(By.tagName("body"), "Ärende-id:");
    assertThat(webapp.bodyText()).contains("Variabler i ärendet", "Incidenter", "Uppgifter").doesNotContain("Uppgifter i ärendet");
  }

  /**
   * A reader without the right to change an instance (länsstyrelsen, here given READ on one instance)
   * sees its variables without edit or delete buttons and without the toolbar's changes; the
   * operator (admin) gets them.
   */
  @Test
  void shouldOfferChangesOfAnInstanceOnlyToWhoMayChangeIt() {
    String instance = runtimeService.startProcessInstanceByKey(SCENARIO.processKey(), "Lycksele lägesbild läsare",
        SCENARIO.startVariables().get()).getId();
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setGroupId("lansstyrelsen");
    read.setResource(Resources.PROCESS_INSTANCE);
    read.setResourceId(instance);
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);
    try {
      webapp.logInTo("cockpit", "lansstyrelsen");
      openVariables(instance);
      assertThat(webapp.driver().findElements(By.cssSelector("[cam-widget-variables-table] .actions button")))
          .isNotEmpty().noneMatch(WebElement::isDisplayed);
      assertThat(webapp.driver().findElements(By.cssSelector(".ctn-toolbar a, .ctn-toolbar button")))
          .noneMatch(WebElement::isDisplayed);

      webapp.logInTo("cockpit", "admin");
      openVariables(instance);
      webapp.waitFor(By.cssSelector("[cam-widget-variables-table] .actions button .glyphicon-pencil"));
      webapp.waitFor(By.cssSelector("[cam-widget-variables-table] .actions button .glyphicon-trash"));
      webapp.waitFor(By.cssSelector(".ctn-toolbar .glyphicon-plus"));
    } finally {
      authorizationService.deleteAuthorization(read.getId());
    }
  }

  /**
   * Cockpit's task dashboard ("Uppgifter") needs READ on every task: the process owner has none and
   * is neither offered it nor shown the engine's refusal; the operator is.
   */
  @Test
  void shouldOfferTheTaskDashboardOnlyToWhoMayReadEveryTask() {
    webapp.logInTo("cockpit", PROCESS_OWNER);
    webapp.waitForText(By.tagName("body"), "Pågående ärenden");
    webapp.waitFor(By.cssSelector("body.samverkan-no-tasks"));
    assertThat(webapp.driver().findElements(By.cssSelector("a[href='#/tasks']"))).noneMatch(WebElement::isDisplayed);

    webapp.open("cockpit", "/tasks");
    new WebDriverWait(webapp.driver(), Webapp.WAIT).until(ExpectedConditions.urlContains("#/dashboard"));
    webapp.waitForText(By.tagName("body"), "Pågående ärenden");
    assertThat(webapp.bodyText()).doesNotContain("READ permission", "behörighet");

    webapp.logInTo("cockpit", "admin");
    webapp.waitFor(By.cssSelector("[cam-widget-header] a[href='#/tasks']")).click();
    webapp.waitFor(By.cssSelector("#open-task-statistics"));
    assertThat(webapp.driver().getCurrentUrl()).contains("#/tasks");
  }

  /** A Date variable as "2026-12-01 22:27" (config.js), not "2026-12-01T22:27:07"; no parent as "inget", not "null". */
  @Test
  void shouldShowDatesAndAMissingParentInWords() {
    String instance = runtimeService.startProcessInstanceByKey(SCENARIO.processKey(), "Lycksele lägesbild datum",
        SCENARIO.startVariables().get()).getId();
    runtimeService.setVariable(instance, "motestid",
        Date.from(LocalDateTime.of(2026, 12, 1, 22, 27, 7).atZone(ZoneId.systemDefault()).toInstant()));

    webapp.logInTo("cockpit", "admin");
    openVariables(instance);
    webapp.waitForText(By.cssSelector("[cam-widget-variables-table]"), "2026-12-01 22:27");
    webapp.waitForText(By.cssSelector("dd.super-process-instance-id"), "inget");
    assertThat(webapp.bodyText()).doesNotContain("2026-12-01T22:27", "null");
    // The table's head: Camunda's widget writes "Actions" itself, with no locale key.
    assertThat(webapp.driver().findElement(By.cssSelector("[cam-widget-variables-table] thead")).getText())
        .contains("Åtgärder").doesNotContain("Actions");
  }

  /** Words of Camunda's English texts on the pages of job definitions and deployments. */
  static final List<String> ENGLISH = List.of("Actions", "Action", "State", "Activity", "Type", "Configuration",
      "Overriding", "Priority", "Active", "Suspended", "Suspend", "Activate", "Deployment", "Deployments", "Download",
      "Source", "Tenant", "Time", "Name", "Key", "Instance", "Counts", "Definitions", "Resource", "Loading",
      "Close", "Execute", "Immediately", "Delayed", "Include", "Existing", "Jobs", "Job", "null",
      "timer-task-listener", "timer-intermediate-transition", "timer-transition", "timer-start-event",
      "async-continuation", "DURATION", "DATE", "CYCLE");

  /**
   * What an operator reads about a process's timers and its deployment: the job definitions tab of a
   * process with timers (est-cykel), its row's dialog, the deployments page with one deployment and
   * its model open, and the dialog deleting it, all in Swedish; only data (ids, names, keys, file names, expressions) stays as it is.
   */
  @Test
  void shouldShowJobDefinitionsAndDeploymentsInSwedish() {
    ProcessDefinition estCykel = latest("est-cykel");
    webapp.logInTo("cockpit", "admin");

    webapp.open("cockpit", "/process-definition/" + estCykel.getId() + "/runtime?detailsTab=job-definition-table");
    webapp.waitFor(By.cssSelector("table.job-definition tbody td.type"));
    webapp.waitForText(By.cssSelector("table.job-definition"), "Timer på uppgiftslyssnare");
    WebElement table = webapp.driver().findElement(By.cssSelector("table.job-definition"));
    assertThat(table.getText()).contains("Status", "Steg", "Typ", "Inställning", "Överstyrd prioritet", "Åtgärd",
        "Aktiv", "Timer i flödet", "Timer på steg (gränshändelse)", "Tidpunkt: ${cykelStart}", "Väntetid: P1D");
    Set<String> data = new HashSet<>(Set.of(estCykel.getId(), estCykel.getKey()));
    repositoryService.getBpmnModelInstance(estCykel.getId()).getModelElementsByType(FlowNode.class)
        .forEach(node -> Stream.of(node.getId(), node.getName()).filter(s -> s != null).forEach(data::add));
    assertNoEnglish("the job definitions tab", webapp.bodyText() + "\n" + tooltips(), data);

    webapp.waitFor(By.xpath("//table[contains(@class,'job-definition')]//td[contains(@class,'action')]"
        + "//a[.//span[contains(@class,'glyphicon-pause')]]")).click();
    WebElement dialog = webapp.waitFor(By.cssSelector(".modal-content"));
    webapp.waitForText(By.cssSelector(".modal-content"), "Pausa jobbdefinitionen");
    assertNoEnglish("the dialog suspending a job definition", dialog.getText() + "\n" + tooltips(), data);
    webapp.button("Stäng").click();
    webapp.waitUntilGone(By.cssSelector(".modal-content"));

    Deployment deployment = repositoryService.createDeploymentQuery().deploymentName(SCENARIO.processKey())
        .orderByDeploymentTime().desc().list().get(0);
    String bpmn = SCENARIO.resources().get(0);
    ProcessDefinition scenario = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId())
        .singleResult();
    webapp.open("cockpit", "/repository?deployment=" + deployment.getId() + "&resourceName=" + bpmn);
    webapp.waitFor(By.cssSelector("li.deployment.active"));
    webapp.waitFor(By.cssSelector(".resource-details .djs-container svg"));
    webapp.waitForText(By.cssSelector(".resource-details"), "Ladda ner");
    webapp.waitUntilGone(By.xpath("//*[contains(text(),'Laddar')]"));
    assertThat(webapp.driver().findElement(By.cssSelector("li.deployment.active")).getText())
        .contains("Tid:", "Källa:", "–");
    assertThat(webapp.bodyText()).contains("Driftsättningstid", "Antal ärenden");
    Set<String> deploymentData = new HashSet<>(Set.of(deployment.getId(), scenario.getId(), scenario.getKey(),
        bpmn, bpmn.substring(bpmn.lastIndexOf('/') + 1)));
    Stream.of(scenario.getName()).filter(s -> s != null).forEach(deploymentData::add);
    // Every deployment's name, file and model are data (the list shows the others too).
    repositoryService.createDeploymentQuery().list().forEach(d -> {
      Stream.of(d.getName(), d.getSource()).filter(s -> s != null).forEach(deploymentData::add);
      repositoryService.getDeploymentResourceNames(d.getId()).forEach(deploymentData::add);
    });
    repositoryService.getBpmnModelInstance(scenario.getId()).getModelElementsByType(FlowNode.class)
        .forEach(node -> Stream.of(node.getId(), node.getName()).filter(s -> s != null).forEach(deploymentData::add));
    assertNoEnglish("the deployments page", webapp.bodyText() + "\n" + tooltips(), deploymentData);

    // The dialog to delete the deployment, which says how many cases belong to it.
    String instance = runtimeService.startProcessInstanceById(scenario.getId(), "Lycksele lägesbild driftsättning",
        SCENARIO.startVariables().get()).getId();
    // The deployment's actions show while the pointer is over it.
    WebElement focused = webapp.waitFor(By.cssSelector("li.deployment.active"));
    new Actions(webapp.driver()).moveToElement(focused).perform();
    WebElement delete = new WebDriverWait(webapp.driver(), Webapp.WAIT)
        .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.deployment.active a.delete-deployment")));
    ((JavascriptExecutor) webapp.driver()).executeScript("arguments[0].click();", delete);
    WebElement deleteDialog = webapp.waitFor(By.cssSelector(".modal-content"));
    webapp.waitForText(By.cssSelector(".modal-content"), "Vill du verkligen ta bort driftsättningen?");
    webapp.waitForText(By.cssSelector(".modal-content"), "som hör till den här driftsättningen");
    assertNoEnglish("the dialog deleting a deployment", deleteDialog.getText() + "\n" + tooltips(), deploymentData);
    webapp.button("Stäng").click();
    webapp.waitUntilGone(By.cssSelector(".modal-content"));
    runtimeService.deleteProcessInstance(instance, "CockpitBrowserIT");
  }

  /**
   * The texts of the page's tooltips (Angular writes the translated text into the attribute); not those
   * of the copy icons, which show the value they copy.
   */
  private String tooltips() {
    return (String) ((JavascriptExecutor) webapp.driver()).executeScript(
        "return Array.from(document.querySelectorAll('[uib-tooltip]'))"
            + ".filter(e => !e.closest('[cam-widget-clipboard]'))"
            + ".map(e => e.getAttribute('uib-tooltip')).join('\\n');");
  }

  private static void assertNoEnglish(String where, String text, Set<String> data) {
    String withoutData = text;
    for (String value : data.stream().sorted((a, b) -> b.length() - a.length()).toList()) {
      withoutData = withoutData.replace(value, " ");
    }
    // Expressions of the model (${cykelStart}) are data too.
    withoutData = withoutData.replaceAll("\\$\\{[^}]*\\}", " ");
    String checked = withoutData;
    List<String> found = ENGLISH.stream()
        .filter(word -> Pattern.compile("(?<![\\p{L}\\-])" + Pattern.quote(word) + "(?![\\p{L}\\-])").matcher(checked).find())
        .toList();
    assertThat(found).as("English on " + where + ":\n" + checked).isEmpty();
  }

  private void openVariables(String instance) {
    webapp.open("cockpit", "/process-instance/" + instance + "/runtime?tab=variables-tab");
    webapp.waitFor(By.cssSelector("body[data-samverkan-checked-instance='" + instance + "']"));
    webapp.waitForText(By.cssSelector("[cam-widget-variables-table]"), "kommun");
  }

  /** Every process of the product (processes/) and the scenario's drawn; the product's kept under docs/processes/. */
  @Test
  void shouldDrawEveryProcessOfTheProductWithItsShapes() throws Exception {
    Set<String> productKeys = ModelFiles.bpmn().stream()
        .map(file -> file.getFileName().toString().replace(".bpmn", "")).collect(Collectors.toSet());
    List<ProcessDefinition> deployed = repositoryService.createProcessDefinitionQuery().latestVersion().list().stream()
        .filter(d -> productKeys.contains(d.getKey()) || SCENARIO.processKey().equals(d.getKey())).toList();
    List<String> drawn = new ArrayList<>();

    webapp.logInTo("cockpit", PROCESS_OWNER);
    // A wide window, so that the pictures of the long processes stay readable.
    Dimension normal = webapp.driver().manage().window().getSize();
    webapp.driver().manage().window().setSize(new Dimension(2600, 1500));
    try {
      for (ProcessDefinition definition : deployed) {
        WebElement diagram = openDiagram(definition);
        if (productKeys.contains(definition.getKey())) {
          webapp.screenshot(diagram, DIAGRAMS.resolve(definition.getKey() + ".png"));
        }
        drawn.add(definition.getKey());
      }
    } finally {
      webapp.driver().manage().window().setSize(normal);
    }
    assertThat(drawn).contains(SCENARIO.processKey()).containsAll(productKeys);
  }

  /** Opens the definition in Cockpit and waits until every flow node of the model has its shape. */
  private WebElement openDiagram(ProcessDefinition definition) {
    webapp.open("cockpit", "/process-definition/" + definition.getId() + "/runtime");
    WebElement diagram = webapp.waitFor(By.cssSelector(".djs-container svg"));
    // the whole model, for its picture: fitted as the diagram's own "fit" control does, once
    // samverkan-diagram.js has shown it at a readable zoom (DiagramBrowserIT)
    webapp.waitFor(By.cssSelector("[cam-widget-bpmn-viewer][data-samverkan-arranged]"));
    ((org.openqa.selenium.JavascriptExecutor) webapp.driver()).executeScript("angular.element(document.querySelector("
        + "'[cam-widget-bpmn-viewer]')).isolateScope().control.getViewer().get('canvas').zoom('fit-viewport', 'auto');");
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definition.getId());
    Set<String> flowNodes = model.getModelElementsByType(FlowNode.class).stream()
        .map(FlowNode::getId).collect(Collectors.toSet());
    assertThat(model.getModelElementsByType(BpmnShape.class)).isNotEmpty();
    for (String id : flowNodes) {
      webapp.waitFor(By.cssSelector(".djs-element.djs-shape[data-element-id='" + id + "']"));
    }
    return webapp.waitFor(By.cssSelector(".djs-container"));
  }

  private ProcessDefinition latest(String key) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
  }
}
