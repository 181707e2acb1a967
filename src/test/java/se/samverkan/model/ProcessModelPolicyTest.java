package se.samverkan.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;
import org.junit.jupiter.api.Test;

/**
 * The rules every model in processes/ follows, so that the product's promises hold for models
 * the process owners edit too: functions not persons, a form for every step, a due date and an
 * escalation path, history that is cleaned up, and a diagram a person can read.
 */
class ProcessModelPolicyTest {

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";
  private static final Pattern MODELER_ID = Pattern.compile("^[A-Za-z]+_[0-9a-z]{7}$");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldHaveModels() {
    assertThat(ModelFiles.bpmn()).as("BPMN models in processes/").isNotEmpty();
  }

  @Test
  void everyProcessIsNamedAfterItsFileAndHasHistoryTimeToLive() {
    List<String> problems = new ArrayList<>();
    for (Path file : ModelFiles.bpmn()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (!process.isExecutable()) {
          continue;
        }
        if (!file.getFileName().toString().equals(process.getId() + ".bpmn")) {
          problems.add(file + ": process " + process.getId() + " should live in " + process.getId() + ".bpmn");
        }
        if (process.getCamundaHistoryTimeToLiveString() == null) {
          problems.add(file + ": process " + process.getId() + " has no camunda:historyTimeToLive");
        }
        if (process.getName() == null || process.getName().isBlank()) {
          problems.add(file + ": process " + process.getId() + " has no name");
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void everyUserTaskBelongsToAFunctionHasAFormADueDateAndAnEscalationPath() throws IOException {
    Set<String> formIds = formIds();
    List<String> problems = new ArrayList<>();
    for (Path file : ModelFiles.bpmn()) {
      BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        String where = file.getFileName() + " " + task.getId() + " (" + task.getName() + ")";
        if (task.getName() == null || task.getName().isBlank()) {
          problems.add(where + ": no name");
        }
        if (task.getCamundaAssignee() != null) {
          problems.add(where + ": literal assignee " + task.getCamundaAssignee() + "; tasks belong to functions");
        }
        if (task.getCamundaCandidateUsers() != null) {
          problems.add(where + ": candidate users; tasks belong to functions");
        }
        if (task.getCamundaCandidateGroups() == null || task.getCamundaCandidateGroups().isBlank()) {
          problems.add(where + ": no candidate group");
        }
        String formRef = task.getAttributeValueNs(CAMUNDA_NS, "formRef");
        if (formRef == null) {
          problems.add(where + ": no camunda:formRef");
        } else if (!formRef.contains("${") && !formIds.contains(formRef)) {
          problems.add(where + ": form " + formRef + " is not in forms/");
        }
        if (formRef != null && task.getAttributeValueNs(CAMUNDA_NS, "formRefBinding") == null) {
          problems.add(where + ": no camunda:formRefBinding");
        }
        if (task.getCamundaDueDate() == null || task.getCamundaDueDate().isBlank()) {
          problems.add(where + ": no camunda:dueDate");
        }
        if (!listeners(task, "timeout").containsAll(Set.of("${taskReminder}", "${taskEscalation}"))) {
          problems.add(where + ": needs timeout task listeners ${taskReminder} and ${taskEscalation}");
        }
        if (!listeners(task, "complete").contains("${formValidation}")) {
          problems.add(where + ": needs the complete task listener ${formValidation} (server-side form validation)");
        }
      }
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

  private static Set<String> listeners(UserTask task, String event) {
    if (task.getExtensionElements() == null) {
      return Set.of();
    }
    return task.getExtensionElements().getElementsQuery().filterByType(CamundaTaskListener.class).list().stream()
        .filter(listener -> event.equals(listener.getCamundaEvent()))
        .map(CamundaTaskListener::getCamundaDelegateExpression)
        .collect(Collectors.toSet());
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
