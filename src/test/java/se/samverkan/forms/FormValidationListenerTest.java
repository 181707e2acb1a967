package se.samverkan.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ProcessTestEngine;

@Deployment(resources = {"test-processes/form-validation-test.bpmn", "test-forms/validation-test.form"})
class FormValidationListenerTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessTestEngine.extension();

  RuntimeService runtimeService = engine.getRuntimeService();
  TaskService taskService = engine.getTaskService();

  @Test
  void shouldRefuseAnIncompleteSubmissionAndKeepTheTaskOpen() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("form-validation-test", Map.of("kommun", "lycksele"));
    String taskId = task(instance).getId();

    assertThatThrownBy(() -> taskService.complete(taskId, Map.of("lagesbild", "")))
        .satisfies(e -> assertThat(FormValidationException.findIn(e)).get()
            .extracting(Throwable::getMessage).asString()
            .contains("Uppgiften \"Fyll i lägesbilden – Lycksele\" kan inte slutföras", "«Lägesbild» måste fyllas i."));

    assertThat(instance).isWaitingAt("Task_Fill");
    assertThat(taskService.getVariable(taskId, "lagesbild")).isNull();
  }

  @Test
  void shouldCompleteAValidSubmissionWithJsonValuesAsTasklistSendsThem() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("form-validation-test", Map.of("kommun", "lycksele"));

    taskService.complete(task(instance).getId(), Variables.createVariables()
        .putValue("lagesbild", "Oro kring skolgården på kvällar.")
        .putValueTyped("kontroll", Variables.serializedObjectValue("[\"statistik\",\"signaler\"]")
            .serializationDataFormat("application/json").objectTypeName("java.util.ArrayList").create())
        .putValueTyped("insatser", org.camunda.spin.plugin.variable.SpinValues.jsonValue(
            "[{\"vad\":\"Trygghetsvandring\",\"nar\":\"2026-12-03\"}]").create())
        .putValue("villkorligt", "ja"));

    assertThat(instance).isEnded();
  }

  @Test
  void shouldRefuseAJsonChecklistWithUnknownOptions() {
    ProcessInstance instance = runtimeService.startProcessInstanceByKey("form-validation-test", Map.of("kommun", "lycksele"));

    assertThatThrownBy(() -> taskService.complete(task(instance).getId(), Variables.createVariables()
        .putValue("lagesbild", "Text")
        .putValueTyped("kontroll", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"annat\"]").create())
        .putValue("insatser", List.of(Map.of("vad", "X")))))
        .hasRootCauseInstanceOf(FormValidationException.class)
        .hasMessageContaining("«Checklista» har ett värde som inte finns bland alternativen: annat.");
    assertThat(instance).isWaitingAt("Task_Fill");
  }
}
