package se.samverkan.modelrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ProcessTestEngine;

/** No code in a model: what the deployment check refuses, with the reasons a process owner reads. */
class ModelCodeRulesTest {

  @RegisterExtension static ProcessEngineExtension extension = ProcessTestEngine.extension();

  ProcessEngine engine;

  @AfterEach
  void cleanUp() {
    engine.getIdentityService().clearAuthentication();
    engine.getRepositoryService().createDeploymentQuery().deploymentName("kodtest").list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  @Test
  void shouldRefuseTheMembershipExploitOfIssue14() {
    assertRefused(TestModels.membershipExploit(), "Processen \"Kodtest\"", "elementet \"Kör\" (Task_Code)",
        "identityService.createMembership", "når motorns tjänst 'identityService'", "Regel:");
  }

  @Test
  void shouldRefuseTheCommandExploitOfIssue14() {
    assertRefused(TestModels.commandExploit("/tmp/kodtest"), "Task_Code", "'getClass' (Java-reflektion",
        "'forName'", "'exec'");
  }

  @Test
  void shouldRefuseJavaClassesAsDelegatesAndListeners() {
    assertRefused(TestModels.serviceTask("", "camunda:class=\"com.example.Evil\"", ""),
        "Task_Code", "anger Java-klassen 'com.example.Evil' (class)");
    assertRefused(TestModels.serviceTask("", "camunda:delegateExpression=\"${formValidation}\"",
        "<bpmn:extensionElements><camunda:executionListener class=\"com.example.Listener\" event=\"start\" />"
            + "</bpmn:extensionElements>"),
        "Task_Code", "anger Java-klassen 'com.example.Listener'");
  }

  @Test
  void shouldRefuseScriptTasksInEveryLanguage() {
    for (String language : List.of("javascript", "groovy", "juel")) {
      assertRefused(TestModels.process("", """
          <bpmn:sequenceFlow id="Flow_First" sourceRef="Event_Start" targetRef="Task_Script" />
          <bpmn:scriptTask id="Task_Script" name="Skript" scriptFormat="%s"><bpmn:incoming>Flow_First</bpmn:incoming>
            <bpmn:script>java.lang.System.exit(1)</bpmn:script></bpmn:scriptTask>
          """.formatted(language)), "elementet \"Skript\" (Task_Script)", "skriptuppgifter är inte tillåtna (" + language);
    }
  }

  @Test
  void shouldRefuseScriptListenersScriptMappingsAndScriptConditions() {
    assertRefused(TestModels.serviceTask("", "camunda:delegateExpression=\"${formValidation}\"", """
        <bpmn:extensionElements>
          <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">'touch /tmp/x'.execute()</camunda:script></camunda:executionListener>
          <camunda:inputOutput><camunda:inputParameter name="x"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:inputParameter></camunda:inputOutput>
        </bpmn:extensionElements>"""), "skript (groovy) är inte tillåtna", "skript (javascript) är inte tillåtna");
    assertRefused(TestModels.process("", """
        <bpmn:sequenceFlow id="Flow_First" sourceRef="Event_Start" targetRef="Gateway_Choice" />
        <bpmn:exclusiveGateway id="Gateway_Choice"><bpmn:incoming>Flow_First</bpmn:incoming><bpmn:outgoing>Flow_Script</bpmn:outgoing></bpmn:exclusiveGateway>
        <bpmn:sequenceFlow id="Flow_Script" sourceRef="Gateway_Choice" targetRef="Event_End">
          <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">java.lang.Runtime.getRuntime() != null</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:endEvent id="Event_End"><bpmn:incoming>Flow_Script</bpmn:incoming></bpmn:endEvent>
        """), "Flow_Script", "skrivet i skriptspråket 'javascript'");
  }

  @Test
  void shouldRefuseTheEngineApiBehindExecution() {
    assertRefused(TestModels.serviceTask("", "camunda:expression=\"${execution.getProcessEngineServices()"
        + ".getIdentityService().createMembership('processagare','camunda-admin')}\"", ""),
        "'getProcessEngineServices' (Java-reflektion eller motorns tjänster)");
    assertRefused(TestModels.serviceTask("", "camunda:expression=\"${execution.processEngineServices"
        + ".identityService.createMembership('processagare','camunda-admin')}\"", ""),
        "läser 'processEngineServices'");
    assertRefused(TestModels.serviceTask("", "camunda:expression=\"${execution.getProcessDefinition()}\"", ""),
        "'execution.getProcessDefinition()', motorns API");
  }

  @Test
  void shouldRefuseSpinsMapToInAnInputMapping() {
    assertRefused(TestModels.serviceTask("", "camunda:delegateExpression=\"${formValidation}\"", """
        <bpmn:extensionElements><camunda:inputOutput>
          <camunda:inputParameter name="p">${S(x).mapTo('java.lang.ProcessBuilder')}</camunda:inputParameter>
        </camunda:inputOutput></bpmn:extensionElements>"""), "Spins 'mapTo'", "(inputParameter)");
  }

  @Test
  void shouldRefuseEngineServicesAndUnpublishedBeansAsDelegates() {
    assertRefused(TestModels.serviceTask("", "camunda:delegateExpression=\"${runtimeService}\"", ""),
        "når motorns tjänst 'runtimeService'");
    assertRefused(TestModels.serviceTask("", "camunda:delegateExpression=\"${functionMembers}\"", ""),
        "'functionMembers' är ingen delegat eller lyssnare som Samverkan erbjuder modeller");
    assertRefused(TestModels.serviceTask("", "camunda:expression=\"${functionMembers.remove('samordnare-mala')}\"", ""),
        "anropar metoden 'remove()', som Samverkan inte erbjuder modeller");
    assertRefused(TestModels.serviceTask("", "camunda:expression=\"${organisation.allFunctions()}\"", ""),
        "'organisation.allFunctions()', en metod som bönan 'organisation' inte erbjuder modeller");
  }

  @Test
  void shouldRefuseExpressionsInTimersDueDatesAndCandidateGroups() {
    String model = TestModels.userTask("samordnare-${x.getClass().getName()}", null, "test-lagesbild")
        .replace("camunda:dueDate=\"P10D\"", "camunda:dueDate=\"${runtimeService.toString()}\"");
    assertRefused(deployment(model).addClasspathResource("test-processes/test-lagesbild.form"),
        TestModels.PROCESS_KEY, "(candidateGroups)", "'getClass'", "(dueDate)", "'runtimeService'");
    assertRefused(TestModels.serviceTask("<bpmn:timerEventDefinition><bpmn:timeDate>${dag.getClass()}"
        + "</bpmn:timeDate></bpmn:timerEventDefinition>", "camunda:delegateExpression=\"${formValidation}\"", ""),
        "Event_Start", "(timeDate)", "'getClass'");
  }

  @Test
  void shouldRefuseAnEmbeddedForm() {
    String model = TestModels.userTask("samordnare-${kommun}", null, "test-lagesbild")
        .replace("camunda:formRef=\"test-lagesbild\" camunda:formRefBinding=\"deployment\"",
            "camunda:formKey=\"embedded:deployment:formular.html\"");
    assertRefused(deployment(model), TestModels.TASK_ID, "inbäddat formulär (formKey 'embedded:deployment:formular.html')",
        "JavaScript i användarnas webbläsare");
  }

  @Test
  void shouldNameEveryReasonOfAModelAtOnce() {
    assertRefused(TestModels.serviceTask("", "camunda:class=\"com.example.Evil\"", """
        <bpmn:extensionElements>
          <camunda:executionListener event="start"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:executionListener>
          <camunda:executionListener event="end" expression="${identityService.createUser('x')}" />
        </bpmn:extensionElements>""").replace(" camunda:historyTimeToLive=\"P1D\"", ""),
        "saknar historiktid", "anger Java-klassen", "skript (groovy)", "'identityService'");
  }

  @Test
  void shouldDeployAModelWhoseExpressionsUseVariablesAndPublishedBeans() {
    Deployment deployment = deployment(TestModels.serviceTask("",
        "camunda:expression=\"${lawDuties.met(execution, 'uppfoljning')}\"", """
        <bpmn:extensionElements><camunda:inputOutput>
          <camunda:inputParameter name="namn">${organisation.municipality(kommun).get().name()}</camunda:inputParameter>
          <camunda:inputParameter name="antal">${lista.size() > 0 and not empty kommun}</camunda:inputParameter>
        </camunda:inputOutput></bpmn:extensionElements>""")).deploy();

    assertThat(engine.getRepositoryService().createProcessDefinitionQuery().deploymentId(deployment.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void shouldRefuseADecisionThatIsNotFeel() {
    assertRefusedResources(engine.getRepositoryService().createDeployment().name("kodtest")
            .addClasspathResource("test-models/juel-beslut.dmn"),
        "juel-beslut.dmn", "InputExpression_Kommun", "uttrycksspråket 'juel' är inte tillåtet",
        "InputEntry_Alla", "uttrycksspråket 'javascript'", "FEEL");
    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().count()).isZero();
  }

  @Test
  void shouldDeployADecisionInFeel() {
    Deployment deployment = engine.getRepositoryService().createDeployment().name("kodtest")
        .addClasspathResource("test-models/feel-beslut.dmn").deploy();

    assertThat(engine.getRepositoryService().createDecisionDefinitionQuery().deploymentId(deployment.getId()).count())
        .isEqualTo(1);
  }

  @Test
  void shouldCallNoExternalJavaFunctionFromFeel() {
    engine.getRepositoryService().createDeployment().name("kodtest")
        .addClasspathResource("test-models/feel-extern.dmn").deploy();

    Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> engine.getDecisionService()
        .evaluateDecisionByKey("Decision_Extern").evaluate().getSingleEntry());

    assertThat(failure).as("the FEEL engine refuses the external function").isNotNull()
        .cause().hasMessageContaining("External functions are disabled");
  }

  @Test
  void shouldRefuseACaseFromAFunctionUser() {
    engine.getIdentityService().setAuthentication("processagare", List.of("processagare"));

    assertRefusedResources(engine.getRepositoryService().createDeployment().name("kodtest")
            .addClasspathResource("test-models/arende.cmmn")
            .addString(TestModels.CODE_PROCESS_KEY + ".bpmn", TestModels.serviceTask("",
                "camunda:delegateExpression=\"${formValidation}\"", "")),
        "arende.cmmn", "Ärendet (CMMN)", "driftsätts inte av en funktion");
    assertThat(engine.getRepositoryService().createCaseDefinitionQuery().count()).isZero();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(TestModels.CODE_PROCESS_KEY).count()).isZero();
  }

  @Test
  void shouldNameTheReasonsOfEveryResourceOfADeploymentAtOnce() {
    assertRefused(deployment(TestModels.membershipExploit())
            .addString("andra.bpmn", TestModels.userTask(null, null, "test-lagesbild"))
            .addClasspathResource("test-processes/test-lagesbild.form")
            .addClasspathResource("test-models/juel-beslut.dmn"),
        "kodtest.bpmn", "andra.bpmn", "juel-beslut.dmn", "når motorns tjänst 'identityService'",
        "saknar kandidatgrupp", "uttrycksspråket 'juel'");
  }

  private DeploymentBuilder deployment(String model) {
    return engine.getRepositoryService().createDeployment().name("kodtest")
        .addString(TestModels.CODE_PROCESS_KEY + ".bpmn", model);
  }

  private void assertRefused(String model, String... fragments) {
    assertRefused(deployment(model), fragments);
  }

  private void assertRefused(DeploymentBuilder builder, String... fragments) {
    assertRefusedResources(builder, fragments);
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(TestModels.CODE_PROCESS_KEY).count()).isZero();
    assertThat(engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(TestModels.PROCESS_KEY).count()).isZero();
  }

  private void assertRefusedResources(DeploymentBuilder builder, String... fragments) {
    assertThatThrownBy(builder::deploy)
        .isInstanceOf(ParseException.class)
        .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    assertThat(engine.getRepositoryService().createDeploymentQuery().deploymentName("kodtest").count()).isZero();
  }
}
