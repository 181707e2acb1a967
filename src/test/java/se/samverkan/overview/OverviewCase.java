package se.samverkan.overview;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import se.samverkan.RestClient;
import se.samverkan.agreement.AgreementPeriods;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.agreement.AgreementScenario;
import se.samverkan.agreement.JointSituationPictureProcess;
import se.samverkan.agreement.MunicipalSituationPictureProcess;
import se.samverkan.est.EstCycleProcess;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstTestCycles;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.promise.PromiseScenario;
import se.samverkan.signing.SignatureCollector;

/**
 * What Läget's tests show: a whole samverkansprocess of södra Lappland through REST as its users (a
 * period of its own), Lycksele's medborgarlöfte up to its activities (the school's done, the social
 * services' and the police's open), and an EST cycle each in Lycksele and Sorsele in which the school
 * reports a place of its own and the other reports go missing at the deadline.
 */
final class OverviewCase {

  static final String LPO = "sodra-lappland";
  static final List<String> MUNICIPALITIES =
      List.of("lycksele", "mala", "sorsele", "storuman", "vilhelmina", "asele", "dorotea");

  private final TestRestTemplate rest;
  private final HistoryService history;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final ManagementService management;
  private final EstCycles estCycles;

  final String run = UUID.randomUUID().toString().substring(0, 8);
  final String period = AgreementScenario.uniquePeriod();
  final String lyckselePlace = "Resecentrum-" + run;
  final String sorselePlace = "Badplatsen-" + run;
  /** The samverkansprocess, Lycksele's medborgarlöfte, the two EST cycles. */
  final List<String> instances = new ArrayList<>();
  String promise;

  OverviewCase(TestRestTemplate rest, ProcessEngine engine, EstCycles estCycles) {
    this.rest = rest;
    this.history = engine.getHistoryService();
    this.runtime = engine.getRuntimeService();
    this.tasks = engine.getTaskService();
    this.management = engine.getManagementService();
    this.estCycles = estCycles;
  }

  OverviewCase drive() {
    ResponseEntity<Map<String, Object>> started = RestClient.as(rest, "kommunpolis." + LPO).postForMap(
        "/process-definition/key/" + AgreementProcess.KEY + "/submit-form", Map.of("variables", rest(Variables.createVariables()
            .putValue(AgreementProcess.LPO, LPO).putValue(AgreementProcess.PERIOD, period))));
    assertThat(started.getStatusCode()).as(String.valueOf(started.getBody())).isEqualTo(HttpStatus.OK);
    String agreement = (String) started.getBody().get("id");
    String businessKey = AgreementPeriods.businessKey(LPO, period);
    for (String kommun : MUNICIPALITIES) {
      submit("samordnare." + kommun, "processInstanceBusinessKey=" + businessKey,
          MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE, AgreementScenario.situationPicture("Trygghet i " + kommun));
    }
    submit("kommunpolis." + LPO, "processInstanceBusinessKey=" + businessKey,
        JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE, AgreementScenario.policeSituationPicture());
    submit("kommunpolis." + LPO, "processInstanceBusinessKey=" + businessKey,
        JointSituationPictureProcess.TASK_JOINT_ANALYSIS, AgreementScenario.analysis(List.of()));
    submit("kommunpolis." + LPO, "processInstanceBusinessKey=" + businessKey,
        AgreementProcess.TASK_DRAFT_AGREEMENT, AgreementScenario.draft(MUNICIPALITIES));
    submit("lpochef." + LPO, "processInstanceBusinessKey=" + businessKey, AgreementProcess.TASK_SIGN_POLICE,
        AgreementScenario.signature(SignatureCollector.SIGN, null));
    for (String kommun : MUNICIPALITIES) {
      submit("kommunledning." + kommun, "processInstanceBusinessKey=" + businessKey, AgreementProcess.TASK_SIGN_MUNICIPALITY,
          AgreementScenario.signature(SignatureCollector.SIGN, null));
    }
    instances.add(agreement);

    promise = history.createHistoricProcessInstanceQuery().processDefinitionKey(PromiseProcess.KEY)
        .variableValueEquals(PromiseProcess.AGREEMENT_INSTANCE, agreement)
        .variableValueEquals(PromiseProcess.MUNICIPALITY, "lycksele").singleResult().getId();
    instances.add(promise);
    String inPromise = "processInstanceId=" + promise;
    submit(null, inPromise, PromiseProcess.TASK_FORMULATE, PromiseScenario.formulation(
        List.of(PromiseScenario.promise("Vi ska vara synliga vid resecentrum"), PromiseScenario.promise("Tryggare skolvägar")),
        List.of(PromiseScenario.activity(1, "Fredagsvandringar", "kommunpolis-" + LPO, "2099-06-30"),
            PromiseScenario.activity(1, "Fältare på fredagskvällar", "socialtjanst-lycksele", "2099-05-31"),
            PromiseScenario.activity(2, "Trygghetsvandring med elevrådet", "skola-lycksele", "2099-04-30"))));
    submit(null, inPromise, PromiseProcess.TASK_SIGN_POLICE, PromiseScenario.signature(SignatureCollector.SIGN, null));
    submit(null, inPromise, PromiseProcess.TASK_SIGN_MUNICIPALITY, PromiseScenario.signature(SignatureCollector.SIGN, null));
    submit(null, inPromise, PromiseProcess.TASK_PUBLISH, PromiseScenario.publication());
    Task school = tasks.createTaskQuery().processInstanceId(promise).taskDefinitionKey(PromiseProcess.TASK_CARRY_OUT_ACTIVITY)
        .taskCandidateGroup("skola-lycksele").singleResult();
    complete("skola.lycksele", school, Variables.createVariables().putValue("genomford", "ja")
        .putValue("aktivitetResultat", "Trygghetsvandring med 20 elever.")
        .putValueTyped("kontroll", se.samverkan.FormData.ticked("medborgarlofte-aktivitet")));

    instances.add(estCycleWithOneReport("lycksele", "skola", lyckselePlace));
    instances.add(estCycleWithOneReport("sorsele", "skola", sorselePlace));
    return this;
  }

  /** An EST cycle of the municipality: one actor reports the place, the other reports go missing at the deadline. */
  private String estCycleWithOneReport(String kommun, String actor, String place) {
    ZonedDateTime meeting = ZonedDateTime.of(2033, 1, 4, 9, 0, 0, 0, ZoneId.of("Europe/Stockholm"))
        .plusWeeks(Math.abs(run.hashCode() % 400));
    ProcessInstance cycle = EstTestCycles.withOpenReports(estCycles, runtime, management, kommun, meeting);
    Task report = tasks.createTaskQuery().processInstanceId(cycle.getId()).taskDefinitionKey(EstCycleProcess.SUBMIT_REPORT)
        .taskCandidateGroup(actor + "-" + kommun).singleResult();
    complete(actor + "." + kommun, report, Variables.createVariables()
        .putValue(EstCycleProcess.NOTHING_TO_REPORT, false)
        .putValue(EstCycleProcess.PLACES, place)
        .putValue(EstCycleProcess.TIMES, "Fredagar 21-24")
        .putValueTyped(EstCycleProcess.INCIDENT_KINDS, se.samverkan.FormData.json(List.of("skadegorelse")))
        .putValue(EstCycleProcess.WORRIES, "Unga samlas sent"));
    for (Job deadline : management.createJobQuery().processInstanceId(cycle.getId())
        .activityId(EstCycleProcess.REPORT_DEADLINE).list()) {
      management.executeJob(deadline.getId());
    }
    return cycle.getId();
  }

  /** Completes the one task of the step (found by the query) as the user, or as the holder of its first candidate group. */
  private void submit(String user, String query, String taskKey, VariableMap variables) {
    List<Task> open = tasks.createTaskQuery().taskDefinitionKey(taskKey).list().stream()
        .filter(t -> matches(t, query)).toList();
    Task task = user == null ? open.get(0) : open.stream()
        .filter(t -> tasks.getIdentityLinksForTask(t.getId()).stream()
            .anyMatch(l -> user.replaceFirst("\\.", "-").equals(l.getGroupId())))
        .findFirst().orElseThrow(() -> new AssertionError(user + " has no task " + taskKey));
    String holder = user != null ? user : tasks.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId().replaceFirst("-", ".")).sorted().findFirst().orElseThrow();
    complete(holder, task, variables);
  }

  private boolean matches(Task task, String query) {
    if (query.startsWith("processInstanceId=")) {
      return task.getProcessInstanceId().equals(query.substring("processInstanceId=".length()));
    }
    String businessKey = query.substring("processInstanceBusinessKey=".length());
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult();
    return businessKey.equals(instance.getBusinessKey());
  }

  private void complete(String user, Task task, VariableMap variables) {
    ResponseEntity<String> completed = RestClient.as(rest, user).post("/task/" + task.getId() + "/submit-form",
        Map.of("variables", rest(variables)), String.class);
    assertThat(completed.getStatusCode()).as(user + " " + task.getTaskDefinitionKey() + " " + completed.getBody())
        .isEqualTo(HttpStatus.NO_CONTENT);
  }

  /** Variables as the REST API takes them. */
  private static Map<String, Object> rest(VariableMap variables) {
    Map<String, Object> result = new java.util.LinkedHashMap<>();
    for (String name : variables.keySet()) {
      TypedValue value = variables.getValueTyped(name);
      if (value instanceof JsonValue json) {
        result.put(name, Map.of("value", json.getValueSerialized(), "type", "Json"));
      } else if (value.getValue() instanceof Integer n) {
        result.put(name, Map.of("value", n, "type", "Integer"));
      } else if (value.getValue() instanceof Boolean b) {
        result.put(name, Map.of("value", b, "type", "Boolean"));
      } else {
        result.put(name, Map.of("value", String.valueOf(value.getValue()), "type", "String"));
      }
    }
    return result;
  }
}
