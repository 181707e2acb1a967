package se.samverkan.est;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static se.samverkan.est.EstCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import se.samverkan.ProcessTestEngine;
import se.samverkan.process.JsonVariables;

/** What Tasklist and the job executor do with EST cycles, for the process tests. */
abstract class EstTestSupport {

  static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
  /** Lycksele meets on Tuesdays at 09:00. */
  static final ZonedDateTime MEETING = ZonedDateTime.of(2026, 12, 8, 9, 0, 0, 0, SWEDEN);

  // Each test class registers its own ProcessEngineExtension; the engine behind them is one.
  RuntimeService runtimeService = ProcessTestEngine.engine().getRuntimeService();
  TaskService taskService = ProcessTestEngine.engine().getTaskService();
  ManagementService managementService = ProcessTestEngine.engine().getManagementService();
  HistoryService historyService = ProcessTestEngine.engine().getHistoryService();
  EstCycles cycles = new EstCycles(EstTestBeans.schedule(ProcessTestEngine.organisation()));

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  ProcessInstance startCycle(ZonedDateTime meeting, String previous) {
    ClockUtil.setCurrentTime(Date.from(meeting.minusDays(6).toInstant()));
    ProcessInstance cycle = cycles.start(runtimeService, "lycksele", meeting, previous);
    startCollection(cycle);
    return cycle;
  }

  void startCollection(ProcessInstance cycle) {
    assertThat(cycle).isWaitingAt(CYCLE_START_TIMER);
    managementService.executeJob(job(cycle, CYCLE_START_TIMER).getId());
  }

  ProcessInstance nextCycleOf(ProcessInstance cycle) {
    Date nextStart = (Date) runtimeService.getVariable(cycle.getId(), NEXT_CYCLE_START);
    ClockUtil.setCurrentTime(nextStart);
    managementService.executeJob(job(cycle, NEXT_CYCLE_TIMER).getId());
    String next = (String) historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(cycle.getId()).variableName(NEXT_CYCLE).singleResult().getValue();
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(next).singleResult();
    startCollection(instance);
    return instance;
  }

  Job job(ProcessInstance instance, String activityId) {
    return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
  }

  List<Task> openTasks(ProcessInstance instance, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).list();
  }

  String candidateGroup(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).get(0).getGroupId();
  }

  JsonNode json(ProcessInstance instance, String variable) {
    return JsonVariables.toJson(runtimeService.getVariable(instance.getId(), variable) != null
        ? runtimeService.getVariable(instance.getId(), variable)
        : historyService.createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
            .variableName(variable).singleResult().getValue());
  }

  void submitReport(Task task, String places) {
    taskService.complete(task.getId(), Variables.createVariables()
        .putValue(NOTHING_TO_REPORT, false)
        .putValue(PLACES, places)
        .putValue(TIMES, "Fredagar 21-24")
        .putValueTyped(INCIDENT_KINDS, SpinValues.jsonValue("[\"skadegorelse\",\"ordningsstorning\"]").create())
        .putValue(WORRIES, "Unga samlas sent"));
  }

  void submitNothingToReport(Task task) {
    taskService.complete(task.getId(), Variables.createVariables().putValue(NOTHING_TO_REPORT, true));
  }

  void compileSituationPicture(Task task) {
    taskService.complete(task.getId(), Variables.createVariables()
        .putValue(HOT_SPOTS, "Busstationen fredagskvällar")
        .putValue("lagesbildNytt", "Fler rapporter om skadegörelse")
        .putValueTyped("lagesbildKontroll", se.samverkan.FormData.ticked("est-lagesbild", "lagesbildKontroll")));
  }

  void hold(ProcessInstance cycle, String followUp, String interventions) {
    Task planning = openTasks(cycle, JOINT_PLANNING).get(0);
    assertThat(candidateGroup(planning)).isEqualTo("samordnare-lycksele");
    taskService.complete(planning.getId(), planningVariables(followUp, interventions));
  }

  VariableMap planningVariables(String followUp, String interventions) {
    return Variables.createVariables()
        .putValueTyped(FOLLOW_UP, SpinValues.jsonValue(followUp).create())
        .putValueTyped(ATTENDANCE, SpinValues.jsonValue("[\"samordnare-lycksele\",\"fritid-lycksele\"]").create())
        .putValueTyped(DECIDED, SpinValues.jsonValue(interventions).create())
        .putValueTyped("planeringKontroll", se.samverkan.FormData.ticked("est-planering", "planeringKontroll"));
  }

  void reportOutcome(Task task, String outcome, String effect) {
    taskService.complete(task.getId(), Map.of(OUTCOME, outcome, EFFECT, effect));
  }
}
