package se.samverkan.benchmark;

import static se.samverkan.FormData.json;
import static se.samverkan.FormData.ticked;
import static se.samverkan.est.EstCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.agreement.MunicipalSituationPictureProcess;
import se.samverkan.agreement.JointSituationPictureProcess;
import se.samverkan.agreement.AgreementScenario;
import se.samverkan.est.EstCycles;
import se.samverkan.est.EstSchedule;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.promise.PromiseScenario;
import se.samverkan.signing.SignatureCollector;

/**
 * The benchmark's users: they work the product's own processes (est-cykel, samverkansprocess,
 * medborgarlofte) through the engine's API the way Tasklist submits their forms, with the product's
 * listeners, form validation, timers and mails all running. Timers that would fire weeks from now
 * (a cycle's start, the next cycle) are fired by executing their job, as the job executor would.
 */
final class NationalWork {

  /** The stages an EST cycle is left at: each one further than the one before. */
  enum Stage {
    /** the actors' five reports are open */
    REPORTS,
    /** the samordnare's lägesbild is open */
    SITUATION_PICTURE,
    /** the meeting's planning is open */
    PLANNING,
    /** the interventions decided at the meeting are open */
    INTERVENTIONS,
    /** everything reported, waiting for its next cycle */
    DONE
  }

  static final int INTERVENTIONS_PER_MEETING = 2;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final TaskService tasks;
  private final EstSchedule schedule;
  private final EstCycles cycles;

  NationalWork(ProcessEngine engine, EstSchedule schedule, EstCycles cycles) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.schedule = schedule;
    this.cycles = cycles;
  }

  // ---------------------------------------------------------------------------------------------
  // EST cycles

  /** The municipality's meetings from now on, by its own cadence: index 0 is the next one. */
  List<ZonedDateTime> meetings(String kommun, int count) {
    List<ZonedDateTime> meetings = new ArrayList<>();
    Instant after = Instant.now();
    while (meetings.size() < count) {
      ZonedDateTime meeting = schedule.nextMeetingAfter(kommun, after).orElseThrow(
          () -> new IllegalStateException(kommun + " has no EST cadence"));
      meetings.add(meeting);
      after = meeting.toInstant().plusSeconds(60);
    }
    return meetings;
  }

  /** Whether the meeting has a cycle, running or ended (an earlier run's). */
  boolean hasCycle(String kommun, ZonedDateTime meeting) {
    String businessKey = EstCycles.businessKey(kommun, meeting.withZoneSameInstant(schedule.settings().zoneId()));
    return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
        .processInstanceBusinessKey(businessKey).count() > 0;
  }

  /** Starts the cycle of a meeting (or finds the one the scheduler started) and opens its reports. */
  String startCycle(String kommun, ZonedDateTime meeting) {
    String cycle = cycles.start(engine.getRuntimeService(), kommun, meeting, null).getId();
    fire(cycle, CYCLE_START_TIMER);
    return cycle;
  }

  /** Works the cycle up to {@code stage}; returns the number of tasks completed. */
  int advance(String cycle, String kommun, Stage stage) {
    int completed = 0;
    if (stage.compareTo(Stage.SITUATION_PICTURE) >= 0) {
      completed += submitReports(cycle);
    }
    if (stage.compareTo(Stage.PLANNING) >= 0) {
      completed += complete(cycle, COMPILE_SITUATION_PICTURE, situationPicture());
    }
    if (stage.compareTo(Stage.INTERVENTIONS) >= 0) {
      completed += complete(cycle, JOINT_PLANNING, planning(cycle, kommun));
    }
    if (stage.compareTo(Stage.DONE) >= 0) {
      int i = 0;
      for (Task task : open(cycle, CARRY_OUT_INTERVENTION)) {
        String outcome = List.of(DONE, PARTLY_DONE, NOT_DONE).get(i++ % 3);
        tasks.complete(task.getId(), Map.of(OUTCOME, outcome, EFFECT, "Lugnare kvällar vid torget."));
        completed++;
      }
    }
    return completed;
  }

  /** Fires the cycle's next-cycle timer: the cycle ends, the next one starts and opens its reports. */
  String nextCycle(String cycle) {
    fire(cycle, NEXT_CYCLE_TIMER);
    String next = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(cycle).variableName(NEXT_CYCLE).singleResult().getValue();
    fire(next, CYCLE_START_TIMER);
    return next;
  }

  private int submitReports(String cycle) {
    int completed = 0;
    for (Task task : open(cycle, SUBMIT_REPORT)) {
      tasks.complete(task.getId(), completed % 3 == 2
          ? Variables.createVariables().putValue(NOTHING_TO_REPORT, true) : report());
      completed++;
    }
    return completed;
  }

  /** An EST actor's report with something to report, as its form submits it. */
  static VariableMap report() {
    return Variables.createVariables()
        .putValue(NOTHING_TO_REPORT, false)
        .putValue(PLACES, "Busstationen\nTorget")
        .putValue(TIMES, "Fredagar 21-24")
        .putValueTyped(INCIDENT_KINDS, json(List.of("skadegorelse", "ordningsstorning")))
        .putValue(WORRIES, "Unga samlas sent vid busstationen.");
  }

  /**
   * The variables as Tasklist posts them to {@code /task/{id}/submit-form}: {@code {"variables":
   * {name: {"value", "type"}}}}, JSON values (checklists, dynamic lists) as text of type Json.
   */
  static String submitFormBody(VariableMap variables) {
    ObjectNode body = JSON.createObjectNode();
    ObjectNode values = body.putObject("variables");
    for (String name : variables.keySet()) {
      org.camunda.bpm.engine.variable.value.TypedValue value = variables.getValueTyped(name);
      ObjectNode entry = values.putObject(name);
      // an untyped value (putValue) has no type of its own: the REST type of its Java value
      String type = value.getType() != null ? value.getType().getName()
          : value.getValue() instanceof Boolean ? "boolean" : "string";
      entry.put("type", Character.toUpperCase(type.charAt(0)) + type.substring(1));
      if (value.getValue() instanceof Boolean b) {
        entry.put("value", b);
      } else {
        entry.put("value", String.valueOf(value.getValue()));
      }
    }
    return body.toString();
  }

  static VariableMap situationPicture() {
    return Variables.createVariables()
        .putValue(HOT_SPOTS, "Busstationen fredagskvällar")
        .putValue("lagesbildNytt", "Fler rapporter om skadegörelse")
        .putValueTyped("lagesbildKontroll", ticked("est-lagesbild", "lagesbildKontroll"));
  }

  /** The meeting: last meeting's interventions followed up, two new ones for EST actors of the municipality. */
  VariableMap planning(String cycle, String kommun) {
    var runtime = engine.getRuntimeService();
    List<Object> followUp = new ArrayList<>();
    for (JsonNode row : read(runtime.getVariable(cycle, FOLLOW_UP))) {
      ObjectNode answered = ((ObjectNode) row).deepCopy();
      String reported = row.path("utfall").asText();
      answered.put("utfall", List.of(DONE, PARTLY_DONE, NOT_DONE).contains(reported) ? reported : NOT_DONE);
      answered.put("effekt", "Följs upp vid nästa möte.");
      answered.put("foraVidare", false);
      followUp.add(answered);
    }
    List<String> functions = new ArrayList<>();
    read(runtime.getVariable(cycle, FUNCTION_OPTIONS)).forEach(o -> functions.add(o.path("value").asText()));
    functions.remove("samordnare-" + kommun);
    LocalDate meetingDay = LocalDate.ofInstant(((java.util.Date) runtime.getVariable(cycle, MEETING)).toInstant(),
        schedule.settings().zoneId());
    List<Map<String, Object>> decided = new ArrayList<>();
    for (int i = 0; i < INTERVENTIONS_PER_MEETING; i++) {
      decided.add(Map.of("vad", i == 0 ? "Trygghetsvandring" : "Extra belysning", "var", "Torget",
          "nar", meetingDay.plusDays(2 + i).toString(), "ansvarig", functions.get(i % functions.size())));
    }
    return Variables.createVariables()
        .putValueTyped(FOLLOW_UP, json(followUp))
        .putValueTyped(ATTENDANCE, json(List.of("samordnare-" + kommun, functions.get(0))))
        .putValueTyped(DECIDED, json(decided))
        .putValueTyped("planeringKontroll", ticked("est-planering", "planeringKontroll"));
  }

  // ---------------------------------------------------------------------------------------------
  // The samverkansprocess of an LPO, to the agreement in force and a medborgarlöfte per municipality

  /** Started by the LPO's kommunpolis; situation pictures, joint analysis, draft, every signature. */
  int agreement(String lpo, List<String> municipalities, String period) {
    String user = "kommunpolis." + lpo;
    engine.getIdentityService().setAuthentication(user, List.of("kommunpolis-" + lpo));
    String instance;
    try {
      instance = engine.getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY, Variables
          .createVariables().putValue(AgreementProcess.LPO, lpo).putValue(AgreementProcess.PERIOD, period)).getId();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    // the lägesbild and the joint analysis run in the police-only gemensam-lagesbild the cycle calls,
    // each municipality's picture in its own kommunens-lagesbild called from there
    String joint = engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance)
        .singleResult().getId();
    int completed = completeAll(joint, JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE,
        AgreementScenario.policeSituationPicture());
    for (org.camunda.bpm.engine.runtime.ProcessInstance municipal : engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(joint).list()) {
      String kommun = (String) engine.getRuntimeService().getVariable(municipal.getId(), MunicipalSituationPictureProcess.MUNICIPALITY);
      completed += complete(municipal.getId(), MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE,
          AgreementScenario.situationPicture("Trygghetsmätning " + kommun));
    }
    completed += complete(joint, JointSituationPictureProcess.TASK_JOINT_ANALYSIS, AgreementScenario.analysis(List.of()));
    completed += complete(instance, AgreementProcess.TASK_DRAFT_AGREEMENT, AgreementScenario.draft(municipalities));
    VariableMap sign = AgreementScenario.signature(SignatureCollector.SIGN, null);
    completed += completeAll(instance, AgreementProcess.TASK_SIGN_POLICE, sign);
    completed += completeAll(instance, AgreementProcess.TASK_SIGN_MUNICIPALITY, sign);
    return completed;
  }

  /** A municipality's medborgarlöfte (started by its agreement): formulated, signed, published. */
  int promise(String promise, String kommun, String lpo) {
    int completed = complete(promise, PromiseProcess.TASK_FORMULATE, PromiseScenario.formulation(
        List.of(PromiseScenario.promise("Vi ska vara synliga vid resecentrum"), PromiseScenario.promise("Tryggare skolvägar")),
        List.of(PromiseScenario.activity(1, "Fredagsvandringar vid resecentrum", "kommunpolis-" + lpo, "2027-06-30"),
            PromiseScenario.activity(1, "Fältare på fredagskvällar", "socialtjanst-" + kommun, "2027-05-31"),
            PromiseScenario.activity(2, "Trygghetsvandring med elevrådet", "skola-" + kommun, "2027-04-30"))));
    VariableMap sign = PromiseScenario.signature(SignatureCollector.SIGN, null);
    completed += complete(promise, PromiseProcess.TASK_SIGN_POLICE, sign);
    completed += complete(promise, PromiseProcess.TASK_SIGN_MUNICIPALITY, sign);
    completed += complete(promise, PromiseProcess.TASK_PUBLISH, PromiseScenario.publication());
    return completed;
  }

  // ---------------------------------------------------------------------------------------------

  List<Task> open(String instance, String taskKey) {
    return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).list();
  }

  private int complete(String instance, String taskKey, VariableMap variables) {
    List<Task> open = open(instance, taskKey);
    if (open.size() != 1) {
      throw new IllegalStateException(instance + ": expected one open " + taskKey + ", found " + open.size());
    }
    tasks.complete(open.get(0).getId(), variables);
    return 1;
  }

  private int completeAll(String instance, String taskKey, VariableMap variables) {
    List<Task> open = open(instance, taskKey);
    open.forEach(task -> tasks.complete(task.getId(), variables));
    return open.size();
  }


  /** A JSON process variable (Spin JSON or text) as Jackson reads it; none is an empty list. */
  private static JsonNode read(Object variable) {
    try {
      return variable == null ? JSON.createArrayNode() : JSON.readTree(variable.toString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Executes the timer job waiting at {@code activityId}, unless the job executor already did. */
  private void fire(String instance, String activityId) {
    Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).activityId(activityId)
        .singleResult();
    if (job == null) {
      return;
    }
    try {
      engine.getManagementService().executeJob(job.getId());
    } catch (ProcessEngineException e) {
      if (engine.getManagementService().createJobQuery().jobId(job.getId()).count() > 0) {
        throw e;
      }
      // the job executor fired it at the same moment
    }
  }
}
