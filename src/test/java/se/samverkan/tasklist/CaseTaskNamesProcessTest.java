package se.samverkan.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import java.util.Date;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import se.samverkan.ProcessTestEngine;
import se.samverkan.engine.SwedishTime;
import se.samverkan.modelrules.TestModels;

/**
 * Every new task is named for its case (CaseTaskNames, added by the engine): the model's name of the
 * step first, then what it is about and whose case it is, within the engine's 255 characters.
 */
class CaseTaskNamesProcessTest {

  @RegisterExtension
  static ProcessEngineExtension extension = ProcessTestEngine.extension();

  ProcessEngine engine = ProcessTestEngine.engine();
  Deployment deployment;

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      engine.getRepositoryService().deleteDeployment(deployment.getId(), true);
    }
  }

  @Test
  void shouldNameTheTaskForItsMunicipalityAndActivity() {
    deploy("samordnare-${kommun}");

    Task plain = start(Variables.putValue("kommun", "lycksele"));
    Task activity = start(Variables.putValue("kommun", "asele")
        .putValue("aktivitetVad", "  Trygghetsvandring\n i centrum "));

    assertThat(plain.getName()).isEqualTo("Skriv rapport – Lycksele");
    assertThat(activity.getName()).isEqualTo("Skriv rapport: Trygghetsvandring i centrum – Åsele");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(activity.getId()).singleResult()
        .getName()).as("the history names it the same").isEqualTo(activity.getName());
  }

  @Test
  void shouldNameAnLpoWideTaskForThePoliceArea() {
    deploy("kommunpolis-${lpo}");

    assertThat(start(Variables.putValue("lpo", "sodra-lappland")).getName()).isEqualTo("Skriv rapport – Södra Lappland");
  }

  @Test
  void shouldNameAnEstTaskForItsInterventionMunicipalityAndMeeting() {
    deploy("samordnare-${kommun}");
    Date meeting = Date.from(ZonedDateTime.of(2026, 3, 4, 9, 0, 0, 0, SwedishTime.ZONE).toInstant());

    Task task = start(Variables.putValue("kommun", "lycksele").putValue("motestid", meeting)
        .putValue("insatsVad", "Städa busstorget"));

    assertThat(task.getName()).isEqualTo("Skriv rapport: Städa busstorget – EST Lycksele 4 mars");
  }

  @Test
  void shouldNameAHandoverForTheFunctionHandedOver() {
    deploy("${funktion}");

    assertThat(start(Variables.putValue("funktion", "socialtjanst-lycksele")
        .putValue("funktionNamn", "Socialtjänst, Lycksele")).getName()).isEqualTo("Skriv rapport – Socialtjänst, Lycksele");
  }

  @Test
  void shouldKeepTheModelsNameWithoutACase() {
    deploy("processagare");

    assertThat(start(Variables.createVariables()).getName()).isEqualTo("Skriv rapport");
  }

  @Test
  void shouldCutALongActivityAndKeepTheCaseWithinTheEnginesLength() {
    deploy("samordnare-${kommun}");
    String activity = "Trygghetsvandring " + "x".repeat(300 - "Trygghetsvandring ".length());

    Task task = start(Variables.putValue("kommun", "lycksele").putValue("aktivitetVad", activity));

    assertThat(activity).hasSize(300);
    assertThat(task.getName()).hasSize(CaseTaskNames.MAX_LENGTH)
        .startsWith("Skriv rapport: Trygghetsvandring xxx").endsWith("x… – Lycksele");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
        .getName()).isEqualTo(task.getName());
  }

  @Test
  void shouldNameTheOpenTasksCreatedBeforeTasksWereNamedForTheirCase() {
    deploy("samordnare-${kommun}");
    Task older = start(Variables.putValue("kommun", "lycksele").putValue("aktivitetVad", "Fältare på fredagar"));
    Task renamedByHand = start(Variables.putValue("kommun", "mala"));
    // as tasks created before CaseTaskNames: named as the model's step
    older.setName("Skriv rapport");
    engine.getTaskService().saveTask(older);
    renamedByHand.setName("Skriv rapport om något annat");
    engine.getTaskService().saveTask(renamedByHand);
    CaseTaskNamesBackfill backfill = new CaseTaskNamesBackfill(engine.getTaskService(), engine.getRuntimeService(),
        engine.getRepositoryService(), ProcessTestEngine.organisation(), null);

    assertThat(backfill.backfill()).isEqualTo(1);

    assertThat(engine.getTaskService().createTaskQuery().taskId(older.getId()).singleResult().getName())
        .isEqualTo("Skriv rapport: Fältare på fredagar – Lycksele");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().taskId(older.getId()).singleResult()
        .getName()).isEqualTo("Skriv rapport: Fältare på fredagar – Lycksele");
    assertThat(engine.getTaskService().createTaskQuery().taskId(renamedByHand.getId()).singleResult().getName())
        .as("a name that is not the step's is left alone").isEqualTo("Skriv rapport om något annat");
    assertThat(backfill.backfill()).as("nothing left on a second run").isZero();
  }

  @Test
  void shouldCutAWholeNameTooLongForItsCase() {
    String step = "Steg " + "s".repeat(300);

    assertThat(CaseTaskNames.name(step, "Trygghetsvandring", "Lycksele")).hasSize(CaseTaskNames.MAX_LENGTH)
        .startsWith("Steg sss").endsWith("s…");
    assertThat(CaseTaskNames.name("Steg", null, null)).isEqualTo("Steg");
    assertThat(CaseTaskNames.name("Funktionen Socialtjänst, Lycksele saknar bemanning", null, "Lycksele"))
        .as("a case the step's name already says").isEqualTo("Funktionen Socialtjänst, Lycksele saknar bemanning");
    String emoji = "a".repeat(CaseTaskNames.MAX_LENGTH - "Steg: ".length() - "…".length() - " – Lycksele".length() - 1) + "\uD83D\uDE00" + "b".repeat(50);
    assertThat(CaseTaskNames.name("Steg", emoji, "Lycksele")).as("no broken surrogate pair")
        .hasSizeLessThanOrEqualTo(CaseTaskNames.MAX_LENGTH).doesNotContain("\uD83D…").endsWith("a… – Lycksele");
  }

  private void deploy(String candidateGroups) {
    deployment = engine.getRepositoryService().createDeployment()
        .addString(TestModels.PROCESS_KEY + ".bpmn", TestModels.userTask(candidateGroups, null, "test-lagesbild"))
        .addClasspathResource("test-processes/test-lagesbild.form").deploy();
  }

  private Task start(VariableMap variables) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(TestModels.PROCESS_KEY, variables).getId();
    return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
  }
}
