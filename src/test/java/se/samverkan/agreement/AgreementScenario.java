package se.samverkan.agreement;

import static se.samverkan.FormData.json;
import static se.samverkan.FormData.ticked;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import se.samverkan.signing.SignatureCollector;

/** Drives a samverkansprocess the way its users do in Tasklist, step by step. */
public final class AgreementScenario {

  static final String LPO = "sodra-lappland";
  static final String KOMMUNPOLIS = "kommunpolis.sodra-lappland";
  static final List<String> MUNICIPALITIES =
      List.of("lycksele", "mala", "sorsele", "storuman", "vilhelmina", "asele", "dorotea");

  private final ProcessEngine engine;
  private final TaskService tasks;
  public final ProcessInstance instance;
  /** The cycle's business key, which its called instances (lägesbild, analysis) carry too. */
  final String businessKey;

  private AgreementScenario(ProcessEngine engine, ProcessInstance instance, String businessKey) {
    this.engine = engine;
    this.tasks = engine.getTaskService();
    this.instance = instance;
    this.businessKey = businessKey;
  }

  static AgreementScenario start(ProcessEngine engine) {
    return start(engine, "2027–2030");
  }

  /** A period of its own, for tests that share one database (one samverkansprocess per LPO and period). */
  public static String uniquePeriod() {
    // as the start form asks (first and last year of this century): a pair of years not handed out
    // before in this JVM, later than the periods tests name themselves (2027–2030, 2031–2034)
    int n = PERIODS.getAndIncrement();
    int first = 2040 + n % 59;
    int length = 1 + n / 59;
    if (first + length > 2099) {
      throw new IllegalStateException("no unique agreement period left for tests");
    }
    return first + "–" + (first + length);
  }

  private static final java.util.concurrent.atomic.AtomicInteger PERIODS =
      new java.util.concurrent.atomic.AtomicInteger(new java.util.Random().nextInt(59));

  public static AgreementScenario start(ProcessEngine engine, String period) {
    engine.getIdentityService().setAuthentication(KOMMUNPOLIS, List.of("kommunpolis-" + LPO));
    try {
      return new AgreementScenario(engine, engine.getRuntimeService().startProcessInstanceByKey(AgreementProcess.KEY,
          Variables.createVariables().putValue(AgreementProcess.LPO, LPO).putValue(AgreementProcess.PERIOD, period)),
          AgreementPeriods.businessKey(LPO, period));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The cycle's open tasks of the step, in the samverkansprocess or an instance it called. */
  List<Task> open(String taskDefinitionKey) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskDefinitionKey)
        .initializeFormKeys().list();
  }

  Task openFor(String taskDefinitionKey, String candidateGroup) {
    return tasks.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(taskDefinitionKey)
        .taskCandidateGroup(candidateGroup).singleResult();
  }

  /** The cycle's police-only instance of gemensam-lagesbild (running or ended). */
  String jointInstanceId() {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processDefinitionKey(JointSituationPictureProcess.KEY).superProcessInstanceId(instance.getId())
        .singleResult().getId();
  }

  void complete(Task task, VariableMap variables) {
    tasks.complete(task.getId(), variables);
  }

  public AgreementScenario contributeSituationPictures() {
    open(JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE).forEach(t -> complete(t, policeSituationPicture()));
    for (String kommun : MUNICIPALITIES) {
      complete(openFor(MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE, "samordnare-" + kommun),
          situationPicture("Trygghetsmätning " + kommun));
    }
    return this;
  }

  public static VariableMap policeSituationPicture() {
    return Variables.createVariables()
        .putValue("polisBrottsstatistik", "Skadegörelse +20 % i Lycksele, stöld oförändrat.")
        .putValue("polisHandelser", "Resecentrum fredagskvällar.")
        .putValue("polisOtrygghet", "Unga samlas vid resecentrum.")
        .putValueTyped("kontroll", ticked("samverkan-lagesbild-polis"));
  }

  public static VariableMap situationPicture(String trygghet) {
    return Variables.createVariables()
        .putValue("trygghet", trygghet)
        .putValue("signaler", "Skolan ser oro kring nätdroger.")
        .putValue("brottslighet", "Klotter vid badplatsen.")
        .putValueTyped("kontroll", ticked("samverkan-lagesbild-kommun"));
  }

  public AgreementScenario analyse(List<String> dialogMunicipalities) {
    complete(open(JointSituationPictureProcess.TASK_JOINT_ANALYSIS).get(0), analysis(dialogMunicipalities));
    return this;
  }

  public static VariableMap analysis(List<String> dialogMunicipalities) {
    return Variables.createVariables()
        .putValueTyped("problem", json(List.of(
            Map.of("beskrivning", "Otrygghet vid resecentrum", "orsaker", "Ingen vuxennärvaro kvällstid",
                "prioritet", 1, "berorda", "Lycksele"),
            Map.of("beskrivning", "Skadegörelse i skolmiljö", "orsaker", "Sysslolöshet", "prioritet", 2,
                "berorda", "alla"))))
        .putValue("analysSammanfattning", "Två prioriterade problem.")
        .putValueTyped("dialogKommuner", json(dialogMunicipalities))
        .putValueTyped("kontroll", ticked("samverkan-gemensam-analys"));
  }

  AgreementScenario holdDialog(String kommun, String format) {
    complete(openFor(AgreementProcess.TASK_CITIZEN_DIALOG, "samordnare-" + kommun), dialog(format));
    return this;
  }

  static VariableMap dialog(String format) {
    return Variables.createVariables()
        .putValue("dialogFormat", format)
        .putValue("dialogDatum", "2027-02-15")
        .putValue("dialogDeltagare", 40)
        .putValue("dialogResultat", "Invånarna vill ha belysning vid gångtunneln.")
        .putValueTyped("kontroll", ticked("samverkan-medborgardialog"));
  }

  public AgreementScenario draft() {
    complete(open(AgreementProcess.TASK_DRAFT_AGREEMENT).get(0), draft(MUNICIPALITIES));
    return this;
  }

  public static VariableMap draft(List<String> municipalities) {
    return Variables.createVariables()
        .putValue("overenskommelseGemensamt", "Vi prioriterar tryggheten vid resecentrum och i skolmiljön.")
        .putValueTyped("kommunensAtgarder", json(municipalities.stream()
            .map(k -> Map.of("kommun", k, "atgarder", "Vuxenvandringar i " + k)).toList()))
        .putValueTyped("kontroll", ticked("samverkan-overenskommelse"));
  }

  public AgreementScenario signAll() {
    return sign(null, null);
  }

  /** Every signer signs, except {@code rejectingGroup} which rejects with {@code reason}. */
  public AgreementScenario sign(String rejectingGroup, String reason) {
    sign(openFor(AgreementProcess.TASK_SIGN_POLICE, "lpochef-" + LPO), "lpochef-" + LPO, rejectingGroup, reason);
    for (String kommun : MUNICIPALITIES) {
      sign(openFor(AgreementProcess.TASK_SIGN_MUNICIPALITY, "kommunledning-" + kommun), "kommunledning-" + kommun,
          rejectingGroup, reason);
    }
    return this;
  }

  private void sign(Task task, String group, String rejectingGroup, String reason) {
    boolean reject = group.equals(rejectingGroup);
    complete(task, signature(reject ? SignatureCollector.REJECT : SignatureCollector.SIGN, reject ? reason : null));
  }

  public static VariableMap signature(String decision, String reason) {
    VariableMap variables = Variables.createVariables()
        .putValue("beslut", decision)
        .putValueTyped("kontroll", ticked("samverkan-underteckna"));
    if (reason != null) {
      variables.putValue("motivering", reason);
    }
    return variables;
  }

  static VariableMap followUp(String worked) {
    return Variables.createVariables()
        .putValue("uppfoljning", "Vuxenvandringarna genomförda varje fredag.")
        .putValue("lardomFungerade", worked)
        .putValue("lardomFungeradeInte", "Enkäten fick få svar.")
        .putValue("lardomDialogformat", "trygghetsvandring")
        .putValueTyped("kontroll", ticked("samverkan-uppfoljning"));
  }

  static VariableMap conclusion(String nextPeriod) {
    return Variables.createVariables()
        .putValue("slutuppfoljning", "Otryggheten vid resecentrum minskade.")
        .putValue("lardomFungerade", "Fasta vandringar med polis och fritid.")
        .putValue("lardomFungeradeInte", "För många prioriteringar första året.")
        .putValue("lardomDialogformat", "oppet-mote")
        .putValue("nastaAvtalsperiod", nextPeriod)
        .putValueTyped("kontroll", ticked("samverkan-avsluta-period"));
  }
}
