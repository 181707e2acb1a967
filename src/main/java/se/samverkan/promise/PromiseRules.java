package se.samverkan.promise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/**
 * The promises and their activities, when formulated and when adjusted after a follow-up: every
 * activity belongs to an existing promise, is given to a function of the municipality (one of
 * {@code funktionsval}) and has a date; every promise has at least one activity. On adjustment the
 * new activities join {@code aktiviteter} and become {@code tillagdaAktiviteter}, the collection
 * of the tasks that carry them out. Renders {@code loftenText} for the later steps.
 */
@Component("promiseRules")
public class PromiseRules implements TaskListener {

  /** The activities added by the last adjustment: the collection of Task_CarryOutAddedActivity. */
  public static final String ADDED_ACTIVITIES = "tillagdaAktiviteter";

  @Override
  public void notify(DelegateTask task) {
    boolean adjusting = PromiseProcess.TASK_ADJUST.equals(task.getTaskDefinitionKey());
    ArrayNode promises = JsonVariables.array(task, PromiseProcess.PROMISES);
    ArrayNode existing = adjusting ? JsonVariables.array(task, PromiseProcess.ACTIVITIES)
        : JsonNodeFactory.instance.arrayNode();
    ArrayNode added = JsonVariables.array(task, adjusting ? PromiseProcess.NEW_ACTIVITIES : PromiseProcess.ACTIVITIES);
    Map<String, String> functions = new HashMap<>();
    JsonVariables.read(task, PromiseProcess.FUNCTION_OPTIONS)
        .forEach(o -> functions.put(o.path("value").asText(), o.path("label").asText()));

    List<String> problems = new ArrayList<>();
    if (promises.isEmpty()) {
      problems.add("«Medborgarlöften» måste ha minst ett löfte.");
    }
    for (int i = 0; i < added.size(); i++) {
      JsonNode activity = added.get(i);
      String row = (adjusting ? "Ny aktivitet " : "Aktivitet ") + (i + 1) + ": ";
      int promise = promiseNumber(activity);
      if (promise < 1 || promise > promises.size()) {
        problems.add(row + "«Hör till löfte nr» ska vara ett löftes nummer, 1 till " + promises.size() + ".");
      }
      String responsible = JsonVariables.text(activity, "ansvarig");
      if (!functions.containsKey(responsible)) {
        problems.add(row + "«Ansvarig funktion» ska vara en av kommunens funktioner"
            + (responsible.isBlank() ? "." : ", inte «" + responsible + "»."));
      }
      try {
        LocalDate.parse(JsonVariables.text(activity, "klartSenast"));
      } catch (DateTimeParseException e) {
        problems.add(row + "«Klart senast» ska vara ett datum (ÅÅÅÅ-MM-DD).");
      }
    }
    ArrayNode all = existing.deepCopy().addAll(added);
    for (int p = 1; p <= promises.size(); p++) {
      final int number = p;
      boolean hasActivity = false;
      for (JsonNode activity : all) {
        hasActivity |= promiseNumber(activity) == number;
      }
      if (!hasActivity) {
        problems.add("Löfte " + p + " («" + JsonVariables.text(promises.get(p - 1), "rubrik")
            + "») behöver minst en aktivitet.");
      }
    }
    if (!problems.isEmpty()) {
      throw new FormValidationException(task.getName(), problems);
    }
    DelegateExecution root = task.getExecution().getProcessInstance();
    if (adjusting) {
      JsonVariables.write(root, PromiseProcess.ACTIVITIES, all);
      JsonVariables.write(root, ADDED_ACTIVITIES, added);
      JsonVariables.write(root, PromiseProcess.NEW_ACTIVITIES, JsonNodeFactory.instance.arrayNode());
    }
    root.setVariable(PromiseProcess.PROMISES_TEXT, JsonVariables.longText(render(promises, all, functions)));
  }

  static int promiseNumber(JsonNode activity) {
    JsonNode number = activity.path("lofteNr");
    if (number.isNumber()) {
      return number.asInt();
    }
    try {
      return Integer.parseInt(number.asText().trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String render(ArrayNode promises, ArrayNode activities, Map<String, String> functions) {
    StringBuilder md = new StringBuilder();
    for (int p = 1; p <= promises.size(); p++) {
      JsonNode promise = promises.get(p - 1);
      md.append("#### Löfte ").append(p).append(": ").append(Markdown.cell(JsonVariables.text(promise, "rubrik")))
          .append("\n\n").append(Markdown.block(JsonVariables.text(promise, "beskrivning")))
          .append("\n\n| Aktivitet | Ansvarig funktion | Klart senast |\n|---|---|---|\n");
      for (JsonNode activity : activities) {
        if (promiseNumber(activity) == p) {
          String responsible = JsonVariables.text(activity, "ansvarig");
          md.append("| ").append(Markdown.cell(JsonVariables.text(activity, "vad"))).append(" | ")
              .append(Markdown.cell(functions.getOrDefault(responsible, responsible))).append(" | ")
              .append(JsonVariables.text(activity, "klartSenast")).append(" |\n");
        }
      }
      md.append("\n");
    }
    return md.toString().strip();
  }
}
