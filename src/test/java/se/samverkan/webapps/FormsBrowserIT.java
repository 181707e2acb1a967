package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.FormData;
import se.samverkan.model.ModelFiles;
import se.samverkan.modelrules.TestModels;

/**
 * Every Camunda Form of the product (forms/) and of the browser scenario, as Tasklist renders it
 * for a user task: no form failure, every required field marked. Each form travels in a one-task
 * deployment of its own, so the test needs no process's variables; where a test is about a
 * form's content, the variables a process would give it are start variables of that deployment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FormsBrowserIT {

  static final String USER = "samordnare.lycksele";
  static final String GROUP = "samordnare-lycksele";
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The input fields form-js marks with * when required (lists and groups carry no marker). */
  private static final java.util.Set<String> FIELDS = java.util.Set.of("textfield", "textarea", "number", "datetime",
      "checkbox", "checklist", "radio", "select", "taglist");

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  Webapp webapp;

  @BeforeEach
  void openBrowser() {
    webapp = new Webapp(browser.driver(), port);
  }

  @Test
  void shouldRenderEveryFormWithItsRequiredFieldsMarked() throws IOException {
    Map<String, byte[]> forms = new LinkedHashMap<>();
    for (Path file : ModelFiles.forms()) {
      forms.put(file.getFileName().toString(), Files.readAllBytes(file));
    }
    for (String resource : BrowserScenario.TEST_LAGESBILD.resources()) {
      if (resource.endsWith(".form")) {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
          forms.put(Path.of(resource).getFileName().toString(), in.readAllBytes());
        }
      }
    }
    List<String> rendered = new ArrayList<>();

    webapp.logInTo("tasklist", USER);
    for (Map.Entry<String, byte[]> form : forms.entrySet()) {
      JsonNode schema = JSON.readTree(form.getValue());
      String formId = schema.path("id").asText();
      String taskId = taskShowing(formId, form.getKey(), form.getValue());

      webapp.open("tasklist", "/?task=" + taskId);
      webapp.waitFor(By.cssSelector(".fjs-container .fjs-form"));
      assertThat(webapp.bodyText()).as(formId).doesNotContain("Formuläret kunde inte visas");
      for (String label : requiredLabels(schema.path("components"), new ArrayList<>())) {
        WebElement shown = webapp.waitFor(By.xpath("//label[contains(normalize-space(.),\"" + label + "\")]"));
        assertThat(shown.getText()).as(formId + ": required field «" + label + "» is marked").contains("*");
      }
      rendered.add(formId);
    }
    assertThat(rendered).hasSize(forms.size()).contains("test-lagesbild", "test-granskning");
  }

  /**
   * Tasklist 7.24 disabled "Slutför" after one keystroke in a dynamic list (form-js 1.8.7 keeps an
   * empty error entry for a valid row field) until "Spara" was clicked: scripts/samverkan-form-completion.js.
   */
  @Test
  void shouldCompleteAFilledListFormWithoutSavingItFirst() throws IOException {
    String instance = claimedInstanceShowing(ModelFiles.FORMS.resolve("samverkan-gemensam-analys.form"),
        Variables.createVariables().putValueTyped("kommunVal", municipalityOptions(2)));
    webapp.logInTo("tasklist", USER);
    webapp.open("tasklist", "/?task=" + openTask(instance));
    webapp.waitFor(By.cssSelector(".fjs-container .fjs-form"));

    type("Field_beskrivning_1_0", "Skadegörelse och klotter vid resecentrum");
    type("Field_orsaker_1_0", "Få vuxna i rörelse kvällstid; dålig belysning vid cykelparkeringen.");
    type("Field_prioritet_1_0", "1");
    type("Field_berorda_1_0", "Lycksele, Storuman");
    type("Field_analysSammanfattning_1", "Resecentrum är det gemensamma problemet för båda kommunerna.");
    tickAll("Field_kontroll_1");
    webapp.click(webapp.button("Slutför"));
    webapp.waitForText(By.tagName("body"), "Välj en uppgift i listan.");

    assertThat(taskService.createTaskQuery().processInstanceId(instance).count()).as("completed").isZero();
    assertThat(String.valueOf(variable(instance, "problem"))).contains("Skadegörelse och klotter vid resecentrum");
  }

  /**
   * The joint analysis, a table an earlier step wrote, inside a later form: long causes wrap, and
   * nothing is cut off on the right (the table stays within the form, or scrolls sideways).
   */
  @Test
  void shouldKeepAnEarlierStepsTableInsideTheForm() throws IOException {
    String longCause = "Fåvuxnairörelsekvällstid".repeat(4) + " och dålig belysning vid cykelparkeringen, "
        + "busstationen och vägen mellan skolan och idrottshallen under hela vinterhalvåret.";
    StringBuilder table = new StringBuilder("| Prioritet | Problem | Orsaker (orsaksanalys) | Berörda kommuner |\n|---|---|---|---|\n");
    for (int i = 1; i <= 6; i++) {
      table.append("| ").append(i).append(" | Skadegörelse och klotter vid resecentrum ").append(i).append(" | ")
          .append(longCause).append(" | Lycksele, Storuman, Sorsele, Malå, Vilhelmina, Åsele, Dorotea |\n");
    }
    String instance = claimedInstanceShowing(ModelFiles.FORMS.resolve("samverkan-overenskommelse.form"),
        Variables.createVariables().putValueTyped("kommunVal", municipalityOptions(2))
            .putValue("analysSammanstallning", table.toString()));
    webapp.logInTo("tasklist", USER);
    webapp.open("tasklist", "/?task=" + openTask(instance));
    WebElement form = webapp.waitFor(By.cssSelector(".fjs-container .fjs-form"));
    WebElement shown = webapp.waitFor(By.cssSelector(".fjs-container .fjs-form-field-text table"));
    webapp.scrollTo(shown);
    Object fits = ((org.openqa.selenium.JavascriptExecutor) webapp.driver()).executeScript(
        "var t = arguments[0].getBoundingClientRect(), f = arguments[1].getBoundingClientRect();"
            + "var scrolls = getComputedStyle(arguments[0]).overflowX === 'auto';"
            + "return t.right <= f.right + 1 && (arguments[0].scrollWidth <= arguments[0].clientWidth + 1 || scrolls);",
        shown, form);
    assertThat(fits).as("the table ends inside the form").isEqualTo(true);
    assertThat(shown.getText()).contains("Skadegörelse och klotter vid resecentrum 6", "Dorotea");
  }

  /**
   * A returned draft of seven municipalities' actions: form-js 1.8.7 collapses a list above its
   * nonCollapsedItems (default 5) and does not submit the collapsed rows (camunda/camunda#21348).
   */
  @Test
  void shouldShowAndSubmitEveryRowOfAReturnedSevenRowList() throws IOException {
    int municipalities = 7;
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i <= municipalities; i++) {
      rows.add(Map.of("kommun", "kommun-" + i, "atgarder", "Trygghetsvandringar och belysning i Kommun " + i + "."));
    }
    String instance = claimedInstanceShowing(ModelFiles.FORMS.resolve("samverkan-overenskommelse.form"),
        Variables.createVariables().putValueTyped("kommunVal", municipalityOptions(municipalities))
            .putValueTyped("kommunensAtgarder", FormData.json(rows)));
    webapp.logInTo("tasklist", USER);
    webapp.open("tasklist", "/?task=" + openTask(instance));
    WebElement form = webapp.waitFor(By.cssSelector(".fjs-container .fjs-form"));

    assertThat(webapp.waitForAll(By.cssSelector(".fjs-repeat-row-container"))).hasSize(municipalities);
    for (int i = 1; i <= municipalities; i++) {
      assertThat(form.getText()).contains("Kommun " + i);
      WebElement actions = webapp.waitFor(By.cssSelector(".fjs-container [id$='-Field_atgarder_1_" + (i - 1) + "']"));
      assertThat(actions.getDomProperty("value")).isEqualTo("Trygghetsvandringar och belysning i Kommun " + i + ".");
    }
    assertThat(form.getText()).doesNotContain("Visa alla", "Expand all", "Fäll ihop", "Collapse");
    type("Field_overenskommelseGemensamt_1", "Trygghet vid resecentrum och skolorna i hela området.");
    tickAll("Field_kontroll_1");
    webapp.screenshot(form, TasklistBrowserIT.SCREENSHOTS.resolve("tasklist-list-form.png"));
    webapp.click(webapp.button("Slutför"));
    webapp.waitForText(By.tagName("body"), "Välj en uppgift i listan.");

    JsonNode submitted = JSON.readTree(String.valueOf(variable(instance, "kommunensAtgarder")));
    assertThat(submitted).hasSize(municipalities);
    for (int i = 1; i <= municipalities; i++) {
      assertThat(submitted.get(i - 1).path("kommun").asText()).isEqualTo("kommun-" + i);
    }
  }

  /**
   * form-js's own texts (validation messages, list buttons, placeholders, aria-labels, the date
   * picker) as each product form shows them after a refused "Slutför", its date pickers open:
   * scripts/samverkan-form-texts.js and its table samverkan-form-texts-sv.js.
   */
  @Test
  void shouldShowNoEnglishWordInAnyProductForm() throws IOException {
    Map<String, Set<String>> english = new LinkedHashMap<>();
    StringBuilder everything = new StringBuilder();
    webapp.logInTo("tasklist", USER);
    for (Path file : ModelFiles.forms()) {
      JsonNode schema = JSON.readTree(file.toFile());
      String instance = claimedInstanceShowing(file, Variables.createVariables());
      webapp.open("tasklist", "/?task=" + openTask(instance));
      webapp.waitFor(By.cssSelector(".fjs-container .fjs-form"));
      if (hasRequiredField(schema.path("components"))) {
        webapp.click(webapp.button("Slutför"));
        webapp.waitFor(By.cssSelector(".fjs-form-field-error"));
      }
      String shown = formTexts();
      List<WebElement> datePickers = webapp.driver().findElements(By.cssSelector(".fjs-container .fjs-datepicker input"));
      if (!datePickers.isEmpty()) {
        webapp.scrollTo(datePickers.get(0));
        datePickers.get(0).click();
        webapp.waitFor(By.cssSelector(".fjs-container .flatpickr-calendar.open"));
        shown += "\n" + formTexts();
        datePickers.get(0).sendKeys(Keys.ESCAPE);
      }
      Set<String> found = englishWords(shown);
      if (!found.isEmpty()) {
        english.put(file.getFileName().toString(), found);
      }
      everything.append(shown).append('\n');
    }
    assertThat(english).as("English words in the rendered forms").isEmpty();
    // and the texts the forms show instead (validation, lists, dates, the calendar)
    assertThat(everything.toString()).contains("Fältet måste fyllas i.", "Lägg till rad", "Ta bort rad 1",
        "åååå", "Välj", "mån", "tis", "sön");
  }

  /** What form-js renders: its visible text and the attributes a screen reader or a hint shows. */
  private String formTexts() {
    return (String) ((JavascriptExecutor) webapp.driver()).executeScript("""
        const form = document.querySelector('.fjs-container');
        const attributes = [...form.querySelectorAll('[placeholder],[aria-label],[title],[alt]')]
            .flatMap(e => ['placeholder', 'aria-label', 'title', 'alt'].map(a => e.getAttribute(a)).filter(v => v));
        return form.innerText + '\\n' + attributes.join('\\n');
        """);
  }

  /** form-js 1.8.7's English (bpmn-io/form-js#77), and flatpickr's, word by word. */
  static final List<String> ENGLISH = List.of("Field", "required", "Add new", "Expand all", "Collapse", "Select",
      "Search", "Remove", "No results", "All values", "Skip to", "Increment", "Decrement", "Nothing to show",
      "Previous", "Next", "Click", "Powered", "Value", "Please", "must", "yyyy", "hh:mm", "Date", "Time",
      "Scroll", "toggle", "Hour", "Minute", "Month", "Year", "Sun", "Mon", "Tue", "Wed", "Thu", "Sat", "Sunday",
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "January", "February", "March", "May",
      "June", "July", "October", "December");
  private static final Pattern ENGLISH_WORD = Pattern.compile("(?<![\\p{L}\\d])("
      + String.join("|", ENGLISH.stream().map(Pattern::quote).toList()) + ")(?![\\p{L}\\d])");

  static Set<String> englishWords(String text) {
    Set<String> found = new java.util.TreeSet<>();
    Matcher matcher = ENGLISH_WORD.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group(1));
    }
    return found;
  }

  private static boolean hasRequiredField(JsonNode components) {
    for (JsonNode component : components) {
      if (component.path("validate").path("required").asBoolean(false) && !component.hasNonNull("conditional")
          || component.has("components") && hasRequiredField(component.get("components"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Types into a field by its form-js id (a list row's field: id_row) and moves on with TAB, as a
   * person does, until the form keeps the value. form-js 1.8.7 takes a typed value over only after
   * its 300 ms debounce or on leaving the field, and a re-render in between (another field's change)
   * resets the field: seen here at Selenium's speed, with and without Samverkan's plugins.
   */
  private void type(String fieldId, String text) {
    By locator = By.cssSelector(".fjs-container [id$='-" + fieldId + "']");
    for (int attempt = 1; ; attempt++) {
      WebElement field = webapp.waitFor(locator);
      webapp.scrollTo(field);
      field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
      field.sendKeys(text, Keys.TAB);
      if (keeps(locator, text)) {
        return;
      }
      if (attempt == 3) {
        throw new IllegalStateException("The form did not keep the value typed into " + fieldId);
      }
    }
  }

  /** Whether the field still holds the text once the form has had time to take it over (debounce + render). */
  private boolean keeps(By locator, String text) {
    try {
      new org.openqa.selenium.support.ui.WebDriverWait(webapp.driver(), java.time.Duration.ofSeconds(1))
          .until(driver -> !text.equals(driver.findElement(locator).getDomProperty("value")));
      return false;
    } catch (org.openqa.selenium.TimeoutException kept) {
      return true;
    }
  }

  /** Ticks every option of a checklist with the keyboard (the form moves while its messages go). */
  private void tickAll(String checklistId) {
    List<WebElement> options = webapp.waitForAll(By.cssSelector(".fjs-container input[type='checkbox'][id*='" + checklistId + "']"));
    for (WebElement option : options) {
      webapp.scrollTo(option);
      option.sendKeys(Keys.SPACE);
      assertThat(option.isSelected()).as(checklistId + " ticked").isTrue();
    }
  }

  private static org.camunda.bpm.engine.variable.value.TypedValue municipalityOptions(int count) {
    List<Map<String, String>> options = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      options.add(Map.of("label", "Kommun " + i, "value", "kommun-" + i));
    }
    return FormData.json(options);
  }

  private Object variable(String instance, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).variableName(name)
        .singleResult().getValue();
  }

  private String openTask(String instance) {
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
  }

  /** A fresh instance of the form's one-task process, with the variables a process would give the form, claimed by USER. */
  private String claimedInstanceShowing(Path file, VariableMap variables) throws IOException {
    byte[] form = Files.readAllBytes(file);
    String formId = JSON.readTree(form).path("id").asText();
    String instance = runtimeService.startProcessInstanceByKey(deploy(formId, file.getFileName().toString(), form), variables).getId();
    taskService.claim(openTask(instance), USER);
    return instance;
  }

  /** Deploys the form with a one-task process (ids derived from the form's) and returns its open task. */
  private String taskShowing(String formId, String fileName, byte[] form) {
    String instance = runtimeService.startProcessInstanceByKey(deploy(formId, fileName, form)).getId();
    return openTask(instance);
  }

  /** Deploys the form with a one-task process (ids derived from the form's) and returns the process key. */
  private String deploy(String formId, String fileName, byte[] form) {
    String key = "formpreview-" + formId.replaceAll("[^A-Za-z0-9-]", "-");
    String model = """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                          xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                          id="Definitions_FormPreview" targetNamespace="http://samverkan.se/test">
          <bpmn:process id="%1$s" name="Formulär %2$s" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Event_Started"><bpmn:outgoing>Flow_ToForm</bpmn:outgoing></bpmn:startEvent>
            <bpmn:sequenceFlow id="Flow_ToForm" sourceRef="Event_Started" targetRef="Task_ShowForm" />
            <bpmn:userTask id="Task_ShowForm" name="Formulär %2$s" camunda:candidateGroups="%3$s"
                           camunda:formRef="%2$s" camunda:formRefBinding="deployment" camunda:dueDate="P30D">
              %4$s
              <bpmn:incoming>Flow_ToForm</bpmn:incoming>
            </bpmn:userTask>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(key, formId, GROUP, TestModels.TIMEOUT_LISTENERS);
    repositoryService.createDeployment().name(key).enableDuplicateFiltering(true)
        .addString(key + ".bpmn", model)
        .addInputStream(fileName, new java.io.ByteArrayInputStream(form))
        .deploy();
    return key;
  }

  private static List<String> requiredLabels(JsonNode components, List<String> labels) {
    for (JsonNode component : components) {
      if (FIELDS.contains(component.path("type").asText())
          && component.path("validate").path("required").asBoolean(false) && component.hasNonNull("label")
          && !component.hasNonNull("conditional")) {
        labels.add(component.get("label").asText());
      }
      if (component.has("components") && !"dynamiclist".equals(component.path("type").asText())) {
        requiredLabels(component.get("components"), labels);
      }
    }
    return labels;
  }
}
