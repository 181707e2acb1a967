package se.samverkan.promise;

import static se.samverkan.FormData.json;
import static se.samverkan.FormData.ticked;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import se.samverkan.signing.SignatureCollector;

/** Drives a medborgarlöfte the way its users do in Tasklist. */
public final class PromiseScenario {

  static final String LPO = "sodra-lappland";

  private final ProcessEngine engine;
  final ProcessInstance instance;
  final String kommun;

  private PromiseScenario(ProcessEngine engine, ProcessInstance instance, String kommun) {
    this.engine = engine;
    this.instance = instance;
    this.kommun = kommun;
  }

  static PromiseScenario start(ProcessEngine engine, String kommun) {
    ProcessInstance instance = PromiseStart.start(engine.getRuntimeService(), Variables.createVariables()
        .putValue(PromiseProcess.MUNICIPALITY, kommun)
        .putValue(PromiseProcess.PERIOD, "2027–2030")
        .putValue(PromiseProcess.ROUND, 1)
        .putValue(PromiseProcess.SITUATION_PICTURE, "Otrygghet vid resecentrum i " + kommun + "."));
    return new PromiseScenario(engine, instance, kommun);
  }

  List<Task> open(String taskDefinitionKey) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(taskDefinitionKey).list();
  }

  Task one(String taskDefinitionKey) {
    List<Task> tasks = open(taskDefinitionKey);
    if (tasks.size() != 1) {
      throw new AssertionError("expected one task " + taskDefinitionKey + ", found " + tasks.size());
    }
    return tasks.get(0);
  }

  void complete(Task task, VariableMap variables) {
    engine.getTaskService().complete(task.getId(), variables);
  }

  void complete(String taskDefinitionKey, VariableMap variables) {
    complete(one(taskDefinitionKey), variables);
  }

  public static Map<String, Object> promise(String title) {
    return Map.of("rubrik", title, "beskrivning", "Bakgrund: " + title);
  }

  public static Map<String, Object> activity(int promise, String what, String responsible, String due) {
    return Map.of("lofteNr", promise, "vad", what, "ansvarig", responsible, "klartSenast", due);
  }

  /** Two promises, three activities: school, social services and the police. */
  VariableMap formulation() {
    return formulation(List.of(promise("Vi ska vara synliga vid resecentrum"), promise("Tryggare skolvägar")),
        List.of(activity(1, "Fredagsvandringar vid resecentrum", "kommunpolis-" + LPO, "2027-06-30"),
            activity(1, "Fältare på fredagskvällar", "socialtjanst-" + kommun, "2027-05-31"),
            activity(2, "Trygghetsvandring med elevrådet", "skola-" + kommun, "2027-04-30")));
  }

  public static VariableMap formulation(List<Map<String, Object>> promises, List<Map<String, Object>> activities) {
    return Variables.createVariables()
        .putValueTyped(PromiseProcess.PROMISES, json(promises))
        .putValueTyped(PromiseProcess.ACTIVITIES, json(activities))
        .putValueTyped("kontroll", ticked("medborgarlofte-formulera"));
  }

  public static VariableMap signature(String decision, String reason) {
    VariableMap variables = Variables.createVariables()
        .putValue("beslut", decision)
        .putValueTyped("kontroll", ticked("medborgarlofte-underteckna"));
    if (reason != null) {
      variables.putValue("motivering", reason);
    }
    return variables;
  }

  public static VariableMap publication() {
    return Variables.createVariables()
        .putValue("publiceringsdatum", "2027-02-01")
        .putValueTyped("kanaler", ticked("medborgarlofte-publicera", "kanaler"));
  }

  /** Formulated, signed by both and published: the activities are running. */
  PromiseScenario runUntilPublished() {
    complete(PromiseProcess.TASK_FORMULATE, formulation());
    complete(PromiseProcess.TASK_SIGN_POLICE, signature(SignatureCollector.SIGN, null));
    complete(PromiseProcess.TASK_SIGN_MUNICIPALITY, signature(SignatureCollector.SIGN, null));
    complete(PromiseProcess.TASK_PUBLISH, publication());
    return this;
  }

  static VariableMap activityReport(String status) {
    return Variables.createVariables()
        .putValue("genomford", status)
        .putValue("aktivitetResultat", "Genomfört fyra fredagar, 30 ungdomar mötta.")
        .putValueTyped("kontroll", ticked("medborgarlofte-aktivitet"));
  }

  static VariableMap quarterlyReport(String status) {
    return Variables.createVariables()
        .putValue("kvartalStatus", status)
        .putValueTyped("kontroll", ticked("medborgarlofte-kvartalsrapport"));
  }

  public static VariableMap followUp(String adjust, String need, String worked) {
    VariableMap variables = Variables.createVariables()
        .putValue("uppfoljning", "Två av tre aktiviteter genomförda.")
        .putValue("offentligRapport", "Polisen och kommunen har hållit sina löften om vandringar.")
        .putValue("lardomFungerade", worked)
        .putValue("lardomFungeradeInte", "Enkät på webben gav få svar.")
        .putValue("lardomDialogformat", "speed-dating")
        .putValue(PromiseProcess.ADJUST, adjust)
        .putValueTyped("kontroll", ticked("medborgarlofte-uppfoljning"));
    if (need != null) {
      variables.putValue(PromiseProcess.ADJUSTMENT_NEED, need);
    }
    return variables;
  }

  static VariableMap adjustment(List<Map<String, Object>> promises, List<Map<String, Object>> newActivities) {
    return Variables.createVariables()
        .putValueTyped(PromiseProcess.PROMISES, json(promises))
        .putValueTyped(PromiseProcess.NEW_ACTIVITIES, json(newActivities))
        .putValue("justeringMotivering", "Skolvägarna behöver belysning.")
        .putValueTyped("kontroll", ticked("medborgarlofte-justera"));
  }

  static VariableMap finalEvaluation(String decision) {
    return Variables.createVariables()
        .putValue(PromiseProcess.FINAL_EVALUATION, "Löfte 1 hållet, löfte 2 delvis.")
        .putValue("lardomFungerade", "Fredagsvandringar")
        .putValue("lardomFungeradeInte", "Skolvägsprojektet startade sent.")
        .putValue("lardomDialogformat", "trygghetsvandring")
        .putValue(PromiseProcess.CONTINUATION, decision)
        .putValue("beslutMotivering", "Beslutat av kommunledning och lokalpolisområdeschef.")
        .putValueTyped("kontroll", ticked("medborgarlofte-slututvardering"));
  }
}
