package se.samverkan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * History level {@code lean} (issue 18): the audit of what a person's completion changed stays in
 * ACT_HI_DETAIL, the engine's own variable changes and the timers' creation and deletion do not;
 * every variable's value stays in ACT_HI_VARINST. Level {@code full} beside it on the same model.
 */
class LeanHistoryLevelTest {

  private ProcessEngine engine;

  private ProcessEngine engine(String level) {
    StandaloneInMemProcessEngineConfiguration config = new StandaloneInMemProcessEngineConfiguration();
    config.setJdbcUrl("jdbc:h2:mem:samverkan-history-" + level + ";DB_CLOSE_DELAY=-1");
    config.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    config.setProcessEngineName("history-" + level);
    config.setJobExecutorActivate(false);
    config.getProcessEnginePlugins().add(new EngineSettings(level, Set.of("kommunKopia")));
    engine = config.buildProcessEngine();
    // the engine sets 'beraknad' by itself when the task starts; a reminder timer waits on the task
    BpmnModelInstance model = Bpmn.createExecutableProcess("historik").camundaHistoryTimeToLive(30)
        .startEvent()
        .userTask("Task_Report").name("Rapportera").camundaCandidateGroups("samordnare-lycksele")
          .camundaExecutionListenerExpression("start", "${execution.setVariable('beraknad', 'av motorn')}")
          .camundaTaskListenerExpression("create", "${task.setVariableLocal('kommunKopia', kommun)}")
        .boundaryEvent("Timer_Reminder").cancelActivity(false).timerWithDuration("P3D").endEvent()
        .moveToActivity("Task_Report").endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("historik.bpmn", model).deploy();
    return engine;
  }

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  /** Tasklist submits the form (submit-form), a REST client or Java may complete with variables: the same audit. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void shouldKeepThePersonsFieldsAndLeaveOutWhatTheEngineSetByItself(boolean submitForm) {
    ProcessEngine lean = engine(EngineSettings.LEAN);
    String instance = complete(lean, submitForm);

    assertThat(lean.getProcessEngineConfiguration().getHistory()).isEqualTo(LeanHistoryLevel.NAME);
    assertThat(detailNames(lean, instance)).containsExactlyInAnyOrder("plats", "oro");
    assertThat(lean.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list())
        .extracting(v -> v.getName()).contains("plats", "oro", "beraknad", "kommun").doesNotContain("kommunKopia");
    assertThat(lean.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance).count()).isZero();
  }

  @Test
  void shouldKeepEverythingAtLevelFull() {
    ProcessEngine full = engine(EngineSettings.FULL);
    String instance = complete(full, false);

    assertThat(detailNames(full, instance)).contains("plats", "oro", "beraknad", "kommun", "kommunKopia");
    assertThat(full.getHistoryService().createHistoricJobLogQuery().processInstanceId(instance).creationLog().count()).isOne();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "audit", "Lean", "none"})
  void shouldRefuseAnyOtherLevel(String level) {
    assertThatThrownBy(() -> new EngineSettings(level, Set.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("välj full eller lean");
  }

  /** Starts the case (kommun from the starter), the engine sets its own variable, a person completes the task. */
  private static String complete(ProcessEngine engine, boolean submitForm) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey("historik", Map.of("kommun", "lycksele")).getId();
    String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();
    Map<String, Object> fields = Map.of("plats", "Torget", "oro", "Unga samlas sent.");
    if (submitForm) {
      engine.getFormService().submitTaskForm(task, fields);
    } else {
      engine.getTaskService().complete(task, fields);
    }
    return instance;
  }

  private static List<String> detailNames(ProcessEngine engine, String instance) {
    return engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).variableUpdates().list()
        .stream().map(d -> ((HistoricVariableUpdate) d).getVariableName()).toList();
  }
}
