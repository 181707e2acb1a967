package se.samverkan.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.samverkan.agreement.AgreementScenario.LPO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.CoverageProcessTestEngine;
import se.samverkan.ModelDeployment;
import se.samverkan.lawduty.LawDuties;
import se.samverkan.process.JsonVariables;

/**
 * The two processes that keep the lägesbild's audiences apart, on their own: {@code gemensam-lagesbild}
 * (police-only) and the {@code kommunens-lagesbild} it calls for each municipality.
 */
class SituationPictureProcessTest {

  @RegisterExtension
  static ProcessEngineCoverageExtension extension = CoverageProcessTestEngine.extension(1.0);

  static final List<String> THREE = List.of("lycksele", "mala", "storuman");

  ProcessEngine engine = CoverageProcessTestEngine.engine();
  String deployment;

  @BeforeEach
  void deploy() {
    CoverageProcessTestEngine.bindAssertions();
    deployment = ModelDeployment.deployAll(engine);
  }

  @AfterEach
  void undeploy() {
    ModelDeployment.undeploy(engine, deployment);
    BpmnAwareTests.reset();
  }

  private ProcessInstance startJoint() {
    return engine.getRuntimeService().startProcessInstanceByKey(JointSituationPictureProcess.KEY, "sodra-lappland test",
        Variables.createVariables().putValue("lpo", LPO).putValue("lpoNamn", "Södra Lappland")
            .putValue("avtalsperiod", "2027–2030")
            .putValue("kommuner", JsonVariables.stringList(THREE)).putValue("kommunerText", "Lycksele, Malå, Storuman")
            .putValueTyped("kommunVal", JsonVariables.json(JsonNodeFactory.instance.arrayNode()))
            .putValueTyped(LawDuties.VARIABLE, JsonVariables.json(JsonNodeFactory.instance.objectNode())));
  }

  private Task task(String definitionKey, String group) {
    return engine.getTaskService().createTaskQuery().processInstanceBusinessKey("sodra-lappland test")
        .taskDefinitionKey(definitionKey).taskCandidateGroup(group).singleResult();
  }

  @Test
  void shouldKeepEachMunicipalitysPictureInItsOwnInstanceAndGatherThemOnlyForThePolice() {
    ProcessInstance joint = startJoint();
    List<ProcessInstance> municipal = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(joint.getId()).list();
    assertThat(municipal).hasSize(THREE.size());

    for (String kommun : THREE) {
      Task own = task(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE, "samordnare-" + kommun);
      assertThat(own).as(kommun).isNotNull();
      assertThat(engine.getTaskService().getVariable(own.getId(), "kommunNamn")).isNotNull();
      // the municipal instance has what its form needs, and nothing of the LPO-wide instance
      assertThat(engine.getRuntimeService().getVariables(own.getProcessInstanceId()).keySet())
          .containsExactlyInAnyOrder("kommun", "kommunNamn", "lpo", "avtalsperiod");
      engine.getTaskService().complete(own.getId(), AgreementScenario.situationPicture("Markör-" + kommun));
    }
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(MunicipalSituationPictureProcess.KEY)
        .count()).isZero();
    for (String kommun : THREE) {
      String own = engine.getHistoryService().createHistoricProcessInstanceQuery()
          .processDefinitionKey(MunicipalSituationPictureProcess.KEY).variableValueEquals("kommun", kommun).singleResult().getId();
      List<String> values = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(own).list()
          .stream().map(HistoricVariableInstance::getValue).map(JsonVariables::textOf).toList();
      assertThat(values).anyMatch(v -> v.contains("Markör-" + kommun));
      THREE.stream().filter(o -> !o.equals(kommun)).forEach(o -> assertThat(values).noneMatch(v -> v.contains("Markör-" + o)));
      assertThat(JsonVariables.toJson(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(own)
          .variableName(LawDuties.VARIABLE).singleResult().getValue()).path(kommun).path("samordningsfunktion").path("funktion").asText())
          .isEqualTo("samordnare-" + kommun);
    }

    assertThat(joint).isWaitingAt(JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE);
    Task police = task(JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE, "kommunpolis-" + LPO);
    engine.getTaskService().complete(police.getId(), AgreementScenario.policeSituationPicture());

    assertThat(joint).isWaitingAt(JointSituationPictureProcess.TASK_JOINT_ANALYSIS);
    String summary = JsonVariables.textOf(engine.getRuntimeService().getVariable(joint.getId(),
        JointSituationPictureProcess.SITUATION_PICTURE_SUMMARY));
    assertThat(summary).contains("Markör-lycksele", "Markör-mala", "Markör-storuman", "Resecentrum fredagskvällar");
    JsonNode record = JsonVariables.toJson(engine.getRuntimeService().getVariable(joint.getId(), LawDuties.VARIABLE));
    THREE.forEach(k -> assertThat(record.path(k).path("samordningsfunktion").path("datum").asText()).as(k).isNotBlank());

    Task analysis = task(JointSituationPictureProcess.TASK_JOINT_ANALYSIS, "kommunpolis-" + LPO);
    engine.getTaskService().complete(analysis.getId(), AgreementScenario.analysis(List.of("mala")));

    assertThat(joint).isEnded().hasPassed(JointSituationPictureProcess.END);
    JsonNode duties = JsonVariables.toJson(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(joint.getId()).variableName(LawDuties.VARIABLE).singleResult().getValue());
    THREE.forEach(k -> assertThat(duties.path(k).path("lagesbild").path("steg").asText()).contains("Gemensam analys"));
    String police2 = JsonVariables.textOf(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(joint.getId()).variableName(JointSituationPictureProcess.POLICE_SITUATION_PICTURE).singleResult().getValue());
    assertThat(police2).contains("Resecentrum fredagskvällar").doesNotContain("Markör-");
  }
}
