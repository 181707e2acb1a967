package se.samverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ProcessTestEngine;
import se.samverkan.forms.ChecklistCompleteListener;
import se.samverkan.forms.FormValidationListener;
import se.samverkan.modelrules.TestModels;

/**
 * The complete listeners the engine adds to every user task: form validation, then the to-do
 * checklists, then Läget's read model (its row gets the completion; after the checks, so a refused
 * completion never reaches it), then the model's own, each once, also when an older model still
 * declares them. Reads the parsed task definition (engine impl classes) because the order is what is
 * under test.
 */
class EveryUserTaskPluginTest {

  private static final String PROJECTION = "se.samverkan.overview.ProjectionPlugin$Listener";

  @RegisterExtension static ProcessEngineExtension extension = ProcessTestEngine.extension();

  ProcessEngine engine;
  Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void shouldRunFormValidationThenTheChecklistThenTheModelsOwnCompleteListeners() {
    deployment = engine.getRepositoryService().createDeployment()
        .addClasspathResource("processes/gemensam-lagesbild.bpmn")
        .addClasspathResource("forms/samverkan-lagesbild-polis.form")
        .addClasspathResource("forms/samverkan-gemensam-analys.form").deploy();

    assertThat(describe(completeListeners("gemensam-lagesbild", "Task_JointAnalysis")))
        .containsExactly("formValidation", "checklistComplete", PROJECTION, "${jointAnalysisRules}");
    assertThat(describe(completeListeners("gemensam-lagesbild", "Task_PoliceSituationPicture")))
        .containsExactly("formValidation", "checklistComplete", PROJECTION);
  }

  @Test
  void shouldRunTheListenersOnceAndFirstWhenAnOlderModelStillDeclaresThem() {
    String model = TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")
        .replace("<bpmn:extensionElements>", """
            <bpmn:extensionElements>
              <camunda:taskListener delegateExpression="${lessonRecorder}" event="complete" />
              <camunda:taskListener delegateExpression="${checklistComplete}" event="complete" />
              <camunda:taskListener delegateExpression="${formValidation}" event="complete" />""");
    deployment = engine.getRepositoryService().createDeployment()
        .addString(TestModels.PROCESS_KEY + ".bpmn", model)
        .addClasspathResource("test-processes/test-lagesbild.form").deploy();

    assertThat(describe(completeListeners(TestModels.PROCESS_KEY, TestModels.TASK_ID)))
        .containsExactly("formValidation", "checklistComplete", PROJECTION, "${lessonRecorder}");
  }

  private List<TaskListener> completeListeners(String processKey, String taskId) {
    String id = engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId())
        .processDefinitionKey(processKey).singleResult().getId();
    ProcessDefinitionEntity definition = (ProcessDefinitionEntity)
        ((RepositoryServiceImpl) engine.getRepositoryService()).getDeployedProcessDefinition(id);
    UserTaskActivityBehavior task = (UserTaskActivityBehavior) definition.findActivity(taskId).getActivityBehavior();
    return task.getTaskDefinition().getAllTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
  }

  private static List<String> describe(List<TaskListener> listeners) {
    return listeners.stream().map(listener -> {
      if (listener instanceof FormValidationListener) {
        return "formValidation";
      }
      if (listener instanceof ChecklistCompleteListener) {
        return "checklistComplete";
      }
      if (listener instanceof DelegateExpressionTaskListener expression) {
        return expression.getExpressionText();
      }
      return listener.getClass().getName();
    }).toList();
  }
}
