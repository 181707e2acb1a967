package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Tasklist in a real headless Chromium with a Swedish browser, as a samordnare meets it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistBrowserIT {

  static final BrowserScenario SCENARIO = BrowserScenario.SAMVERKAN_LAGESBILD;
  static final Path SCREENSHOTS = Path.of("docs", "screenshots");

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  Webapp webapp;

  @BeforeEach
  void deployScenario() {
    if (!SCENARIO.resources().isEmpty()) {
      DeploymentBuilder deployment = repositoryService.createDeployment().name(SCENARIO.processKey())
          .enableDuplicateFiltering(true);
      SCENARIO.resources().forEach(deployment::addClasspathResource);
      deployment.deploy();
    }
    webapp = new Webapp(browser.driver(), port);
  }

  @Test
  void shouldShowTasklistInSwedishWithTheFourFilters() {
    webapp.logInTo("tasklist", SCENARIO.firstUser());

    webapp.waitForText(By.cssSelector(".task-filters"), "Min funktions uppgifter");
    String page = webapp.bodyText();
    assertThat(page).contains("Mina uppgifter", "Min funktions uppgifter", "Försenade", "Eskalerade",
        "Starta process", "Samverkan Uppgifter");
    assertThat(page).doesNotContain("migrate to Camunda 8", "Start process", "Filters");
    // no task beside the processes for a named person: the navbar action is not offered
    assertThat(webapp.driver().findElements(By.cssSelector(".create-task-action")))
        .allSatisfy(action -> assertThat(action.isDisplayed()).isFalse());
    assertThat(page).doesNotContain("Skapa uppgift", "Create task");
    assertThat(webapp.driver().getTitle()).isEqualTo("Samverkan Uppgifter");
  }

  @Test
  void shouldLandOnTheFunctionsWorkAndSearchByWhatACoordinatorKnows() {
    String instance = runtimeService.startProcessInstanceByKey(SCENARIO.processKey(), SCENARIO.startVariables().get()).getId();
    Task task = firstTask(instance);
    assertThat(task.getName()).as("named for its municipality").endsWith(" – Lycksele");

    webapp.logInTo("tasklist", SCENARIO.firstUser());
    // no filter clicked: Tasklist opens the filter with the lowest priority
    webapp.waitFor(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'active')]"
        + "[contains(normalize-space(.),'Min funktions uppgifter')]"));
    webapp.waitForText(By.cssSelector(".tasks-list"), task.getName());

    WebElement search = webapp.waitFor(By.cssSelector("[cam-widget-search] input.main-field"));
    assertThat(untilCurated()).as("the criteria offered").containsExactly("Process", "Steg", "Förfallodatum", "Kommun");

    // free text searches the task's name, which says its case
    search.sendKeys("Lycksele", Keys.ENTER);
    webapp.waitForText(By.cssSelector("[cam-widget-search]"), "Steg");
    webapp.waitForText(By.cssSelector(".tasks-list"), task.getName());
    search.sendKeys("Storuman", Keys.ENTER);
    assertThat(untilListLacks(task.getName())).as("Lycksele's task, searched for Storuman too").isTrue();

    // a new Kommun criterion names its variable: only the municipality is left to type
    Object variable = script("var s = " + SEARCH_SCOPE + "; s.$apply(function () {"
        + " s.createSearch(s.dropdownTypes.filter(function (t) { return t.key === 'taskVariables'; })[0]); });"
        + " return s.searches[s.searches.length - 1].name.value;");
    assertThat(variable).isEqualTo(se.samverkan.tasklist.TasklistFilters.MUNICIPALITY_COLUMN);
  }

  private static final String SEARCH_SCOPE = "angular.element(document.querySelector('[cam-widget-search]')).isolateScope()";

  /** The labels of the criteria the task search offers, once Samverkan's plugin has curated them. */
  @SuppressWarnings("unchecked")
  private java.util.List<String> untilCurated() {
    java.util.List<String> offered = java.util.List.of();
    for (int attempt = 0; attempt < 50; attempt++) {
      offered = (java.util.List<String>) script("var s = " + SEARCH_SCOPE + ";"
          + " return s && s.dropdownTypes ? s.dropdownTypes.map(function (t) { return t.value; }) : [];");
      if (!offered.isEmpty() && offered.size() < 10) {
        return offered;
      }
      sleep();
    }
    return offered;
  }

  /** True once the list has not shown {@code text} for three looks in a row (not just while it reloads). */
  private boolean untilListLacks(String text) {
    int lacking = 0;
    for (int attempt = 0; attempt < 50 && lacking < 3; attempt++) {
      lacking = webapp.driver().findElement(By.cssSelector(".tasks-list")).getText().contains(text) ? 0 : lacking + 1;
      sleep();
    }
    return lacking >= 3;
  }

  private Object script(String script) {
    return ((org.openqa.selenium.JavascriptExecutor) webapp.driver()).executeScript(script);
  }

  private static void sleep() {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void shouldRefuseAnIncompleteFormAndPassTheCompletedStepToTheNextFunction() throws Exception {
    String instance = runtimeService.startProcessInstanceByKey(SCENARIO.processKey(), SCENARIO.startVariables().get()).getId();
    Task task = firstTask(instance);

    webapp.logInTo("tasklist", SCENARIO.firstUser());
    webapp.open("tasklist", "/?task=" + task.getId());
    webapp.waitForText(By.cssSelector(".task-details"), SCENARIO.firstTask());
    webapp.click(webapp.button("Ta uppgift"));
    WebElement required = webapp.waitFor(labelledField(SCENARIO.requiredField()));
    assertThat(webapp.waitFor(By.xpath(labelXpath(SCENARIO.requiredField()))).getText()).contains("*");

    webapp.click(webapp.button("Slutför"));
    assertThat(webapp.takeNotifications()).anyMatch(text -> text.contains("Uppgiften kunde inte slutföras"))
        .allSatisfy(Webapp::assertNoEnglish);
    assertThat(webapp.waitFor(By.cssSelector(".fjs-form-field-error")).getText()).isNotBlank();
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("refused task is still open").isEqualTo(1);

    SCENARIO.otherFields().forEach((label, value) -> webapp.waitFor(labelledField(label)).sendKeys(value));
    for (String label : SCENARIO.checklistOptions()) {
      // The keyboard, not a click: the form moves while its error messages disappear.
      WebElement option = webapp.waitFor(checkbox(label));
      option.sendKeys(Keys.SPACE);
      assertThat(option.isSelected()).as("checklist option «" + label + "» ticked").isTrue();
    }
    // Blanks pass the browser's check; the server's ${formValidation} refuses them in Swedish.
    required.sendKeys("   ");
    webapp.waitUntilGone(By.cssSelector(".fjs-form-field-error"));
    webapp.click(webapp.button("Slutför"));
    assertThat(webapp.takeNotifications()).anyMatch(text -> text.contains(SCENARIO.serverRefusal()))
        .allSatisfy(Webapp::assertNoEnglish);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("refused task is still open").isEqualTo(1);

    required.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
    required.sendKeys(SCENARIO.requiredValue());
    webapp.scrollTo(required);
    webapp.screenshot(SCREENSHOTS.resolve("tasklist-form.png"));
    webapp.click(webapp.button("Slutför"));
    webapp.waitForText(By.tagName("body"), "Välj en uppgift i listan.");

    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).as("completed").isZero();
    assertThat(submitted(instance, SCENARIO.requiredVariable())).contains(SCENARIO.requiredValue());
    assertThat(submitted(instance, SCENARIO.checklistVariable())).anyMatch(v -> v.contains(SCENARIO.checklistValue()));
    for (String part : caseInstances(instance)) {
      SCENARIO.parallelWork().complete(taskService, part);
    }
    Task next = taskService.createTaskQuery().processInstanceIdIn(caseInstances(instance).toArray(String[]::new))
        .singleResult();
    assertThat(next.getName()).as("the step, named for its case").startsWith(SCENARIO.nextTask() + " – ");

    webapp.logInTo("tasklist", SCENARIO.nextUser());
    webapp.filter("Min funktions uppgifter");
    webapp.waitForText(By.cssSelector(".tasks-list"), SCENARIO.nextTask());
    webapp.open("tasklist", "/?task=" + next.getId());
    webapp.waitForText(By.cssSelector(".task-details"), SCENARIO.nextTask());
    assertThat(webapp.bodyText()).contains(SCENARIO.nextTask());
  }

  @Test
  void shouldNotShowAMunicipalitysTaskToAnotherMunicipality() {
    String instance = runtimeService.startProcessInstanceByKey(SCENARIO.processKey(), SCENARIO.startVariables().get()).getId();
    Task task = firstTask(instance);

    webapp.logInTo("tasklist", SCENARIO.userOfAnotherMunicipality());
    webapp.filter("Min funktions uppgifter");
    webapp.waitFor(By.cssSelector(".tasks-list"));
    webapp.open("tasklist", "/?task=" + task.getId());

    webapp.waitFor(By.cssSelector(".task-details"));
    assertThat(webapp.driver().findElements(labelledField(SCENARIO.requiredField()))).isEmpty();
    assertThat(webapp.driver().findElement(By.cssSelector(".task-details")).getText()).doesNotContain(SCENARIO.firstTask());
  }

  /**
   * The instance and every instance it called, transitively (the samverkansprocess keeps each
   * municipality's lägesbild in an instance of its own).
   */
  private java.util.List<String> caseInstances(String instance) {
    java.util.List<String> ids = new java.util.ArrayList<>(java.util.List.of(instance));
    for (int i = 0; i < ids.size(); i++) {
      historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(ids.get(i)).list()
          .forEach(called -> ids.add(called.getId()));
    }
    return ids;
  }

  private Task firstTask(String instance) {
    return taskService.createTaskQuery().processInstanceIdIn(caseInstances(instance).toArray(String[]::new))
        .taskDefinitionKey(SCENARIO.firstTaskId())
        .taskCandidateGroup(SCENARIO.firstGroup()).singleResult();
  }

  /** The values the process received for a form field, wherever in the process they were stored. */
  private java.util.List<String> submitted(String instance, String variable) {
    return historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(caseInstances(instance).toArray(String[]::new)).variableName(variable)
        .list().stream().map(v -> String.valueOf(v.getValue())).toList();
  }

  private static String labelXpath(String label) {
    return "//label[contains(normalize-space(.),'" + label + "')]";
  }

  private static By checkbox(String label) {
    return By.xpath("//input[@type='checkbox'][@id=" + labelXpath(label) + "/@for or parent::label[contains(normalize-space(.),'"
        + label + "')] or following-sibling::*[1][contains(normalize-space(.),'" + label + "')]]");
  }

  private static By labelledField(String label) {
    return By.xpath(labelXpath(label) + "/following::*[self::input or self::textarea][1]");
  }
}
