package se.samverkan.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Test;
import se.samverkan.ProcessTestEngine;
import se.samverkan.modelrules.ModelRules;
import se.samverkan.organisation.Organisation;

/**
 * What belongs to the repository's models in processes/: a file named after its process, forms
 * with unique ids named after their files, a complete diagram with meaningful ids. The rules for
 * every deployable model (functions not persons, a form for every step, a due date, reminder and
 * escalation, history that is cleaned up) are the engine's, in ModelRules, and are checked here by
 * calling it, not by a second copy.
 */
class ProcessModelPolicyTest {

  private static final Pattern MODELER_ID = Pattern.compile("^[A-Za-z]+_[0-9a-z]{7}$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldHaveModels() {
    assertThat(ModelFiles.bpmn()).as("BPMN models in processes/").isNotEmpty();
  }

  @Test
  void everyProcessLivesInAFileNamedAfterIt() {
    List<String> problems = new ArrayList<>();
    for (Path file : ModelFiles.bpmn()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (process.isExecutable() && !file.getFileName().toString().equals(process.getId() + ".bpmn")) {
          problems.add(file + ": process " + process.getId() + " should live in " + process.getId() + ".bpmn");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /**
   * The engine's rule set, the one every deployment passes (ModelRules): names, history time to
   * live, functions of the organisation, forms of forms/, due dates, reminder and escalation, no
   * code. Checked here too so that a broken model in processes/ fails the build, not the startup.
   */
  @Test
  void everyModelFollowsTheEnginesRules() throws IOException {
    Set<String> formIds = formIds();
    Organisation organisation = ProcessTestEngine.organisation();
    List<String> problems = new ArrayList<>();
    for (Path file : ModelFiles.bpmn()) {
      ModelRules.problems(file.getFileName().toString(), Files.readAllBytes(file), formIds, organisation)
          .forEach(problem -> problems.add(file.getFileName() + ": " + problem));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyDiagramIsCompleteAndUsesMeaningfulIds() {
    List<String> problems = new ArrayList<>();
    for (Path file : ModelFiles.bpmn()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
          .map(s -> s.getBpmnElement().getId()).collect(Collectors.toSet());
      Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
          .map(e -> e.getBpmnElement().getId()).collect(Collectors.toSet());
      for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
        if (!shapes.contains(node.getId())) {
          problems.add(file.getFileName() + ": " + node.getId() + " has no shape in the diagram");
        }
      }
      for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
        if (!edges.contains(flow.getId())) {
          problems.add(file.getFileName() + ": " + flow.getId() + " has no edge in the diagram");
        }
      }
      for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
        if (element.getId() != null && MODELER_ID.matcher(element.getId()).matches()
            && !(element instanceof org.camunda.bpm.model.bpmn.instance.Definitions)) {
          problems.add(file.getFileName() + ": " + element.getId() + " is a generated id; name it for what it is");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  static Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (Path form : ModelFiles.forms()) {
      JsonNode id = JSON.readTree(form.toFile()).get("id");
      assertThat(id).as(form + " has an id").isNotNull();
      assertThat(ids.add(id.asText())).as("form id " + id.asText() + " is unique").isTrue();
      assertThat(form.getFileName().toString()).as("file name of form " + id.asText())
          .isEqualTo(id.asText() + ".form");
    }
    return ids;
  }
}
