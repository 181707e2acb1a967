package se.samverkan.modelrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ProcessTestEngine;

class ModelRulesTest {

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
  void shouldDeployAModelThatFollowsTheRules() {
    deployment = deploy(TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild"), true);

    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAUserTaskWithoutCandidateGroup() {
    assertRefused(deploymentOf(TestModels.userTask(null, null, "test-lagesbild"), true),
        "Processen \"Regeltest\" (" + TestModels.PROCESS_KEY + ")",
        "uppgiften \"Skriv rapport\" (" + TestModels.TASK_ID + ")",
        "saknar kandidatgrupp", "funktion");
  }

  @Test
  void shouldRefuseAUserTaskAssignedToAPerson() {
    assertRefused(deploymentOf(TestModels.userTask("samordnare-${kommun}", "anna.andersson", "test-lagesbild"), true),
        TestModels.TASK_ID, "tilldelad personen 'anna.andersson'");
  }

  @Test
  void shouldRefuseAUserTaskWithoutForm() {
    assertRefused(deploymentOf(TestModels.userTask("samordnare-${kommun}", null, null), true),
        TestModels.TASK_ID, "saknar formulär");
  }

  @Test
  void shouldRefuseAFormThatDoesNotTravelWithTheModel() {
    assertRefused(deploymentOf(TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild"), false),
        TestModels.TASK_ID, "formuläret 'test-lagesbild' finns inte i driftsättningen");
  }

  @Test
  void shouldRefuseAProcessWithoutHistoryTimeToLive() {
    String model = TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")
        .replace(" camunda:historyTimeToLive=\"P1D\"", "");

    assertRefused(deploymentOf(model, true), "Processen \"Regeltest\"", "saknar historiktid");
  }

  @Test
  void shouldNameEveryBrokenRuleOfAModelAtOnce() {
    String model = TestModels.userTask(null, "anna.andersson", null).replace(" camunda:historyTimeToLive=\"P1D\"", "");

    assertRefused(deploymentOf(model, true),
        "saknar historiktid", "saknar kandidatgrupp", "tilldelad personen", "saknar formulär");
    String withoutTimers = TestModels.userTask("okand-${kommun}", null, "test-lagesbild")
        .replace(" camunda:dueDate=\"P10D\"", "").replace(TestModels.TIMEOUT_LISTENERS, "")
        .replace(" name=\"Regeltest\"", "");
    assertRefused(deploymentOf(withoutTimers, true), "saknar namn", "ingen funktion 'okand'", "saknar förfallodatum",
        "saknar påminnelse", "saknar eskalering");
  }

  @Test
  void shouldRefuseAFormBindingOtherThanTheDeployment() {
    String model = TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")
        .replace("camunda:formRefBinding=\"deployment\"", "camunda:formRefBinding=\"latest\"");

    assertRefused(deploymentOf(model, true), TestModels.TASK_ID, "formuläret 'test-lagesbild' har binding 'latest'");
  }

  @Test
  void shouldRefuseAProcessWithoutName() {
    String model = TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")
        .replace(" name=\"Regeltest\"", "");

    assertRefused(deploymentOf(model, true), "Processen " + TestModels.PROCESS_KEY + " saknar namn");
  }

  @Test
  void shouldRefuseACandidateGroupThatIsNoFunctionOfTheOrganisation() {
    assertRefused(deploymentOf(TestModels.userTask("samordnare-${kommun},handlaggare-${kommun}", null,
            "test-lagesbild"), true),
        TestModels.TASK_ID, "kandidatgruppen 'handlaggare-${kommun}' är ingen funktion i organisationen",
        "ingen funktion 'handlaggare'");
    assertRefused(deploymentOf(TestModels.userTask("samordnare-ingenstans", null, "test-lagesbild"), true),
        "kandidatgruppen 'samordnare-ingenstans' är ingen funktion i organisationen");
  }

  @Test
  void shouldAcceptFunctionsAndEstActorsOfTheOrganisationAndGroupsDecidedAtRunTime() {
    deployment = deploy(TestModels.userTask(
        "samordnare-lycksele,processagare,socialtjanst-${kommun},kommunpolis-${lpo},${funktion}", null,
        "test-lagesbild"), true);

    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).count()).isEqualTo(1);
  }

  @Test
  void shouldRefuseAUserTaskWithoutDueDate() {
    String model = TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")
        .replace(" camunda:dueDate=\"P10D\"", "");

    assertRefused(deploymentOf(model, true), TestModels.TASK_ID, "saknar förfallodatum");
  }

  @Test
  void shouldRefuseAUserTaskWithoutReminderOrEscalation() {
    String model = TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")
        .replace(TestModels.TIMEOUT_LISTENERS, "");

    assertRefused(deploymentOf(model, true), TestModels.TASK_ID,
        "saknar påminnelse (timeout-lyssnaren ${taskReminder})", "saknar eskalering (timeout-lyssnaren ${taskEscalation})");
  }

  @Test
  void shouldRefuseAReminderWithoutTimer() {
    String model = TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")
        .replace("<bpmn:timeDuration>P5D</bpmn:timeDuration>", "");

    assertRefused(deploymentOf(model, true), TestModels.TASK_ID, "lyssnaren ${taskReminder} (påminnelse) saknar tid");
  }

  @Test
  void shouldAcceptAnOlderModelThatStillDeclaresTheEngineAddedListeners() {
    String model = TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")
        .replace("<bpmn:extensionElements>", """
            <bpmn:extensionElements>
              <camunda:taskListener delegateExpression="${formValidation}" event="complete" />
              <camunda:taskListener delegateExpression="${checklistComplete}" event="complete" />""");
    deployment = deploy(model, true);

    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .deploymentId(deployment.getId()).count()).isEqualTo(1);
  }

  private Deployment deploy(String model, boolean withForm) {
    return deploymentOf(model, withForm).deploy();
  }

  private org.camunda.bpm.engine.repository.DeploymentBuilder deploymentOf(String model, boolean withForm) {
    RepositoryService repository = engine.getRepositoryService();
    var builder = repository.createDeployment().name("regeltest")
        .addString(TestModels.PROCESS_KEY + ".bpmn", model);
    if (withForm) {
      builder.addClasspathResource("test-processes/test-lagesbild.form");
    }
    return builder;
  }

  private void assertRefused(org.camunda.bpm.engine.repository.DeploymentBuilder builder, String... fragments) {
    assertThatThrownBy(builder::deploy)
        .isInstanceOf(ParseException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(TestModels.PROCESS_KEY).count()).isZero();
  }

}
