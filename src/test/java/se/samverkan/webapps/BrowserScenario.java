package se.samverkan.webapps;

import java.util.List;
import java.util.Map;

/**
 * What the browser tests walk through: a process with a Camunda Form whose first step belongs to
 * a municipality's function and whose next step belongs to another function. Switching the tests
 * to a product process means writing another constant here.
 */
record BrowserScenario(
    String processKey,
    List<String> resources,
    Map<String, Object> startVariables,
    String firstTask,
    String firstTaskId,
    String firstUser,
    String requiredField,
    String requiredVariable,
    String requiredValue,
    String serverRefusal,
    String checklistOption,
    String checklistVariable,
    String checklistValue,
    Map<String, String> otherFields,
    String nextTask,
    String nextUser,
    String userOfAnotherMunicipality) {

  /** The test process in src/test/resources/test-processes: lägesbild by samordnaren, review by kommunledningen. */
  static final BrowserScenario TEST_LAGESBILD = new BrowserScenario(
      "tasklist-test",
      List.of("test-processes/tasklist-test.bpmn", "test-processes/test-lagesbild.form",
          "test-processes/test-granskning.form"),
      Map.of("kommun", "lycksele"),
      "Sammanställ lägesbild",
      "Task_CompileSituationPicture",
      "samordnare.lycksele",
      "Sammanfattning av läget",
      "sammanfattning",
      "Fler ungdomar samlas vid busstationen på fredagskvällar; två anmälda skadegörelser i oktober.",
      "«Sammanfattning av läget» måste fyllas i.",
      "Trygghetsmätning",
      "kallor",
      "trygghetsmatning",
      Map.of("Antal anmälda brott senaste året", "12"),
      "Granska lägesbild",
      "kommunledning.lycksele",
      "samordnare.storuman");
}
