package se.samverkan.modelrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ProcessTestEngine;

/**
 * Who a task goes to, checked by the engine when it creates the task ({@link TaskRecipientCheck}),
 * for a model whose candidate group, assignee or candidate users come from variables: past the
 * deployment check, which sees only the expression.
 */
class TaskRecipientCheckProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  ProcessEngine engine = ProcessTestEngine.engine();
  Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void shouldGiveTheTaskToAFunctionOfTheCasesMunicipalityOrLpo() {
    deploy(TestModels.userTask("${ansvarig}", null, "test-lagesbild"));

    start(Variables.putValue("kommun", "lycksele").putValue("ansvarig", "samordnare-lycksele"));
    start(Variables.putValue("kommun", "lycksele").putValue("ansvarig", "kommunpolis-sodra-lappland"));
    start(Variables.putValue("lpo", "sodra-lappland").putValue("ansvarig", "samordnare-mala"));
    start(Variables.putValue("kommun", "lycksele").putValue("ansvarig", "lansstyrelsen"));

    assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(TestModels.TASK_ID).count()).isEqualTo(4);
  }

  @Test
  void shouldRefuseAnotherMunicipalitysFunctionAndNothingIsCreated() {
    deploy(TestModels.userTask("${ansvarig}", null, "test-lagesbild"));

    assertThat(refusal(() -> start(Variables.putValue("kommun", "lycksele").putValue("ansvarig", "kommunledning-mala"))))
        .hasMessage("Uppgiften «Skriv rapport» (Task_WriteReport) kan inte skapas: kandidatgruppen "
            + "'kommunledning-mala' (Kommunledning, Malå) hör inte till kommunen Lycksele.");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TestModels.PROCESS_KEY)
        .count()).isZero();
    assertThat(engine.getTaskService().createTaskQuery().count()).isZero();
  }

  @Test
  void shouldRefuseAGroupThatIsNoFunctionOfTheOrganisation() {
    deploy(TestModels.userTask("samordnare-${kommun},${extra}", null, "test-lagesbild"));

    assertThat(refusal(() -> start(Variables.putValue("kommun", "lycksele").putValue("extra", "camunda-admin"))))
        .hasMessageContaining("kandidatgruppen 'camunda-admin' är ingen funktion i organisationen");
    assertThat(refusal(() -> start(Variables.putValue("kommun", "lycksele").putValue("extra", "samordnare-umea"))))
        .hasMessageContaining("kandidatgruppen 'samordnare-umea' är ingen funktion i organisationen");
  }

  @Test
  void shouldRefuseATaskForAPersonAtRunTime() {
    deploy(TestModels.userTask("samordnare-${kommun}", "${person}", "test-lagesbild"));

    assertThat(refusal(() -> start(Variables.putValue("kommun", "lycksele").putValue("person", "anna.lycksele"))))
        .hasMessageContaining("den är tilldelad personen 'anna.lycksele'");
  }

  @Test
  void shouldRefuseCandidateUsersAtRunTime() {
    deploy(TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")
        .replace("camunda:dueDate=", "camunda:candidateUsers=\"${person}\" camunda:dueDate="));

    assertThat(refusal(() -> start(Variables.putValue("kommun", "lycksele").putValue("person", "anna.lycksele"))))
        .hasMessageContaining("personen 'anna.lycksele' är kandidat");
  }

  private void deploy(String model) {
    deployment = engine.getRepositoryService().createDeployment()
        .addString(TestModels.PROCESS_KEY + ".bpmn", model)
        .addClasspathResource("test-processes/test-lagesbild.form").deploy();
  }

  private void start(VariableMap variables) {
    engine.getRuntimeService().startProcessInstanceByKey(TestModels.PROCESS_KEY, variables);
  }

  /** What the engine threw, unwrapped to the refusal (the engine wraps what a task listener throws). */
  private static TaskRecipientRefusedException refusal(ThrowingCallable call) {
    Throwable thrown = catchThrowable(call);
    return TaskRecipientRefusedException.findRefusalIn(thrown)
        .orElseThrow(() -> new AssertionError("expected a refusal of the task's recipient, got " + thrown));
  }
}
