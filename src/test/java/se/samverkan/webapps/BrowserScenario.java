package se.samverkan.webapps;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import se.samverkan.FormData;
import se.samverkan.agreement.AgreementProcess;
import se.samverkan.agreement.MunicipalSituationPictureProcess;
import se.samverkan.agreement.JointSituationPictureProcess;

/**
 * What the browser tests walk through: a process with a Camunda Form whose step belongs to a
 * municipality's function and whose next step belongs to another function. A scenario of another
 * process is one more constant here.
 */
record BrowserScenario(
    String processKey,
    List<String> resources,
    Supplier<Map<String, Object>> startVariables,
    String firstTask,
    String firstTaskId,
    String firstGroup,
    String firstUser,
    String requiredField,
    String requiredVariable,
    String requiredValue,
    String serverRefusal,
    List<String> checklistOptions,
    String checklistVariable,
    String checklistValue,
    Map<String, String> otherFields,
    ParallelWork parallelWork,
    String nextTask,
    String nextUser,
    String userOfAnotherMunicipality) {

  /** What the other functions do meanwhile (through the engine, not the browser) before the next step arrives. */
  interface ParallelWork {
    void complete(TaskService tasks, String processInstanceId);
  }

  /**
   * The samverkansprocess: the samordnare of Lycksele contributes the municipality's lägesbild; when
   * the police and the other municipalities have contributed theirs, the kommunpolis gets the joint analysis.
   */
  static final BrowserScenario SAMVERKAN_LAGESBILD = new BrowserScenario(
      AgreementProcess.KEY,
      List.of(),
      // One samverkansprocess per LPO and period: every start of the tests its own period.
      () -> Map.of(AgreementProcess.LPO, "sodra-lappland",
          AgreementProcess.PERIOD, "2027–2030 test " + UUID.randomUUID().toString().substring(0, 8)),
      "Bidra med kommunens lägesbild (samordnare)",
      MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE,
      "samordnare-lycksele",
      "samordnare.lycksele",
      "Trygghet och trygghetsmätning",
      "trygghet",
      "Trygghetsmätningen 2026: otryggheten vid resecentrum har ökat, särskilt fredagskvällar.",
      "«Trygghet och trygghetsmätning» måste fyllas i.",
      List.of("Jag har tagit med den senaste trygghetsmätningen", "Jag har hämtat in signaler från skola och socialtjänst",
          "Jag har tagit med EST-gruppens lägesbilder", "Jag har läst de andra kommunernas lärdomar"),
      "kontroll",
      "matning",
      Map.of("Signaler från skola", "Skolan ser oro kring nätdroger bland högstadieelever.",
          "Brottslighet och ordningsstörningar", "Klotter och skadegörelse vid badplatsen under sommaren."),
      BrowserScenario::otherSituationPictures,
      "Gemensam analys och orsaksanalys (kommunpolis med samordnarna)",
      "kommunpolis.sodra-lappland",
      "samordnare.storuman");

  /** The test process in src/test/resources/test-processes: lägesbild by samordnaren, review by kommunledningen. */
  static final BrowserScenario TEST_LAGESBILD = new BrowserScenario(
      "tasklist-test",
      List.of("test-processes/tasklist-test.bpmn", "test-processes/test-lagesbild.form",
          "test-processes/test-granskning.form"),
      () -> Map.of("kommun", "lycksele"),
      "Sammanställ lägesbild",
      "Task_CompileSituationPicture",
      "samordnare-lycksele",
      "samordnare.lycksele",
      "Sammanfattning av läget",
      "sammanfattning",
      "Fler ungdomar samlas vid busstationen på fredagskvällar; två anmälda skadegörelser i oktober.",
      "«Sammanfattning av läget» måste fyllas i.",
      List.of("Trygghetsmätning"),
      "kallor",
      "trygghetsmatning",
      Map.of("Antal anmälda brott senaste året", "12"),
      (tasks, instance) -> { },
      "Granska lägesbild",
      "kommunledning.lycksele",
      "samordnare.storuman");

  private static void otherSituationPictures(TaskService tasks, String instance) {
    for (Task task : tasks.createTaskQuery().processInstanceId(instance).list()) {
      if (JointSituationPictureProcess.TASK_POLICE_SITUATION_PICTURE.equals(task.getTaskDefinitionKey())) {
        tasks.complete(task.getId(), Variables.createVariables()
            .putValue("polisBrottsstatistik", "Skadegörelse +20 % i Lycksele, stöld oförändrat.")
            .putValue("polisHandelser", "Resecentrum fredagskvällar.")
            .putValue("polisOtrygghet", "Unga samlas vid resecentrum.")
            .putValueTyped("kontroll", FormData.ticked("samverkan-lagesbild-polis")));
      } else if (MunicipalSituationPictureProcess.TASK_MUNICIPAL_SITUATION_PICTURE.equals(task.getTaskDefinitionKey())) {
        tasks.complete(task.getId(), municipalSituationPicture());
      }
    }
  }

  private static VariableMap municipalSituationPicture() {
    return Variables.createVariables()
        .putValue("trygghet", "Trygghetsmätningen visar oförändrat läge.")
        .putValue("signaler", "Inga nya signaler.")
        .putValue("brottslighet", "Enstaka klotter.")
        .putValueTyped("kontroll", FormData.ticked("samverkan-lagesbild-kommun"));
  }
}
