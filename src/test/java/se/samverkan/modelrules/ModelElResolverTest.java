package se.samverkan.modelrules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.samverkan.ProcessTestEngine;

/**
 * At run time, on an engine without the deployment check (as for a model deployed before it
 * existed): expressions still reach neither reflection nor the engine's services, and no script runs.
 */
class ModelElResolverTest {

  static ProcessEngine engine;

  @TempDir Path folder;

  @BeforeAll
  static void buildEngine() {
    engine = ProcessTestEngine.engineWithoutModelRules("modelcode-runtime");
    IdentityService identity = engine.getIdentityService();
    identity.saveUser(identity.newUser("processagare"));
    identity.saveGroup(identity.newGroup("camunda-admin"));
  }

  @AfterAll
  static void closeEngine() {
    engine.close();
  }

  @AfterEach
  void undeploy() {
    engine.getRepositoryService().createDeploymentQuery().list()
        .forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
  }

  @Test
  void shouldRunNoCommandFromTheCommandExploitsTimer() {
    Path marker = folder.resolve("kommando-kordes");
    deploy(TestModels.commandExploit(marker.toString()));

    Throwable failure = catchThrowable(() -> engine.getManagementService().executeJob(timerJob().getId()));

    assertThat(failure).isInstanceOf(ProcessEngineException.class).hasMessageContaining("vägras")
        .hasMessageContaining("getClass");
    assertThat(marker).doesNotExist();
  }

  @Test
  void shouldNotMakeTheProcessOwnerAnAdministratorFromTheMembershipExploitsTimer() {
    deploy(TestModels.membershipExploit());

    Throwable failure = catchThrowable(() -> engine.getManagementService().executeJob(timerJob().getId()));

    assertThat(failure).isInstanceOf(ProcessEngineException.class).hasMessageContaining("identityService");
    assertNotAdministrator();
  }

  @Test
  void shouldRefuseTheEngineServicesBehindExecution() {
    for (String expression : new String[] {
        "${execution.getProcessEngineServices().getIdentityService().createMembership('processagare','camunda-admin')}",
        "${execution.processEngineServices.identityService.createMembership('processagare','camunda-admin')}",
        "${execution.getProcessEngine().getIdentityService().createMembership('processagare','camunda-admin')}",
        "${execution.getProcessDefinition()}"}) {
      assertThat(start(TestModels.serviceTask("", "camunda:expression=\"" + expression + "\"", "")))
          .as(expression).isInstanceOf(ProcessEngineException.class).hasMessageContaining("vägras");
      undeploy();
    }
    assertNotAdministrator();
  }

  @Test
  void shouldRefuseReflectionSpinsMapToAndUnpublishedMethods() {
    for (String expression : new String[] {"${''.getClass()}", "${'x'.class.classLoader}",
        "${S('{}').mapTo('java.lang.ProcessBuilder')}", "${organisation.allFunctions()}"}) {
      assertThat(start(TestModels.serviceTask("", "camunda:expression=\"" + expression + "\"", "")))
          .as(expression).isInstanceOf(ProcessEngineException.class).hasMessageContaining("vägras");
      undeploy();
    }
  }

  @Test
  void shouldRunNoScript() {
    for (String language : new String[] {"juel", "javascript", "groovy"}) {
      Path marker = folder.resolve("skript-" + language);
      Throwable failure = start(TestModels.process("", """
          <bpmn:sequenceFlow id="Flow_First" sourceRef="Event_Start" targetRef="Task_Script" />
          <bpmn:scriptTask id="Task_Script" scriptFormat="%s"><bpmn:incoming>Flow_First</bpmn:incoming>
            <bpmn:script>${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('touch %s')}</bpmn:script>
          </bpmn:scriptTask>""".formatted(language, marker)));

      assertThat(failure).as(language).isInstanceOf(ProcessEngineException.class)
          .hasMessageContaining("scripting engine");
      assertThat(marker).doesNotExist();
      undeploy();
    }
  }

  @Test
  void shouldStillEvaluateWhatModelsDo() {
    deploy(TestModels.serviceTask("", "camunda:expression=\"${execution.setVariable('antal', lista.size())}\"", """
        <bpmn:extensionElements><camunda:inputOutput>
          <camunda:inputParameter name="namn">${organisation.municipality('lycksele').get().name()}</camunda:inputParameter>
          <camunda:outputParameter name="kommunnamn">${namn}</camunda:outputParameter>
          <camunda:outputParameter name="vad">${S(aktivitet).prop('vad').stringValue()}</camunda:outputParameter>
        </camunda:inputOutput></bpmn:extensionElements>"""));
    String id = engine.getRuntimeService().startProcessInstanceByKey(TestModels.CODE_PROCESS_KEY,
        Map.of("lista", java.util.List.of("a", "b"), "aktivitet", "{\"vad\": \"Trygghetsvandring\"}")).getId();

    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName("kommunnamn").singleResult().getValue()).isEqualTo("Lycksele");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName("vad").singleResult().getValue()).isEqualTo("Trygghetsvandring");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(id)
        .variableName("antal").singleResult().getValue()).isEqualTo(2);
  }

  private void deploy(String model) {
    engine.getRepositoryService().createDeployment().name("korning")
        .addString(TestModels.CODE_PROCESS_KEY + ".bpmn", model).deploy();
  }

  private Throwable start(String model) {
    deploy(model);
    return catchThrowable(() -> engine.getRuntimeService().startProcessInstanceByKey(TestModels.CODE_PROCESS_KEY));
  }

  private Job timerJob() {
    return engine.getManagementService().createJobQuery().timers().singleResult();
  }

  private void assertNotAdministrator() {
    assertThat(engine.getIdentityService().createUserQuery().userId("processagare").memberOfGroup("camunda-admin")
        .count()).isZero();
  }
}
