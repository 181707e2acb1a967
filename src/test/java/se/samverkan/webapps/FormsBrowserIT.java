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
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import se.samverkan.model.ModelFiles;
import se.samverkan.modelrules.TestModels;

/**
 * Every Camunda Form of the product (forms/) and of the browser scenario, as Tasklist renders it
 * for a user task: no form failure, every required field marked. Each form travels in a one-task
 * deployment of its own, so the test needs no process's variables.
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

  /** Deploys the form with a one-task process (ids derived from the form's) and returns its open task. */
  private String taskShowing(String formId, String fileName, byte[] form) {
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
    String instance = runtimeService.startProcessInstanceByKey(key).getId();
    return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
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
