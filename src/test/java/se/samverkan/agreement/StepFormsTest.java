package se.samverkan.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import se.samverkan.model.ModelFiles;

/**
 * Someone new in a function can do a step of the samverkansprocess or a medborgarlöfte from its
 * form alone: every task form says what to do, why and what good looks like, and ends with a
 * checklist; free text is bounded so that the engine can store it.
 */
class StepFormsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void everyStepFormHasInstructionsAndAChecklist() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path file : stepForms()) {
      JsonNode form = JSON.readTree(file.toFile());
      String texts = form.findValues("text").toString();
      for (String part : List.of("**Vad du gör:**", "**Varför:**", "**Så ser ett bra resultat ut:**")) {
        if (!texts.contains(part)) {
          problems.add(file.getFileName() + " lacks " + part);
        }
      }
      boolean checklist = form.findValues("type").stream().anyMatch(t -> t.asText().equals("checklist"))
          || texts.contains("Checklista");
      if (!checklist) {
        problems.add(file.getFileName() + " has no checklist");
      }
      form.findParents("type").stream().filter(c -> c.path("type").asText().equals("textarea"))
          .filter(c -> c.path("validate").path("maxLength").asInt(Integer.MAX_VALUE) > 4000)
          .forEach(c -> problems.add(file.getFileName() + " " + c.path("key").asText() + " allows more than 4000 characters"));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyUserTaskOfBothProcessesHasAStepForm() {
    List<String> formIds = stepForms().stream()
        .map(p -> p.getFileName().toString().replace(".form", "")).toList();
    for (String process : List.of(AgreementProcess.KEY, se.samverkan.promise.PromiseProcess.KEY)) {
      BpmnModelInstance model = Bpmn.readModelFromFile(ModelFiles.PROCESSES.resolve(process + ".bpmn").toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        assertThat(formIds).as(task.getId()).contains(task.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef"));
      }
    }
  }

  private static List<Path> stepForms() {
    return ModelFiles.forms().stream()
        .filter(p -> p.getFileName().toString().startsWith("samverkan-")
            || p.getFileName().toString().startsWith("medborgarlofte-"))
        .toList();
  }
}
