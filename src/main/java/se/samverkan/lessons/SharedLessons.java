package se.samverkan.lessons;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/**
 * Shows a step the lessons the other municipalities of its LPO recorded at their follow-ups
 * (from history, so ended instances count too): the {@code create} task listener
 * {@code ${sharedLessons}} sets the task variable {@code andrasLardomar}, a markdown table the
 * form shows. An LPO-wide step sees every municipality's lessons.
 */
@Component("sharedLessons")
public class SharedLessons implements TaskListener {

  public static final String VARIABLE = "andrasLardomar";
  public static final String NONE = "Inga lärdomar är registrerade ännu i lokalpolisområdet.";
  static final int SHOWN = 15;

  private static final Map<String, String> FORMATS = Map.of(
      "speed-dating", "Speed dating", "trygghetsvandring", "Trygghetsvandring", "enkat", "Enkät",
      "oppet-mote", "Öppet möte", "skolbesok", "Skolbesök", "annat", "Annat format", "ingen", "Ingen dialog");

  @Override
  public void notify(DelegateTask task) {
    String lpo = JsonVariables.string(task, "lpo");
    String kommun = JsonVariables.string(task, "kommun");
    List<JsonNode> lessons = new ArrayList<>();
    for (HistoricVariableInstance variable : task.getProcessEngineServices().getHistoryService()
        .createHistoricVariableInstanceQuery().variableName(LessonRecorder.VARIABLE).list()) {
      for (JsonNode lesson : JsonVariables.toJson(variable.getValue())) {
        if (lpo.equals(lesson.path("lpo").asText()) && (kommun.isBlank() || !kommun.equals(lesson.path("kommun").asText()))) {
          lessons.add(lesson);
        }
      }
    }
    lessons.sort(Comparator.comparing((JsonNode l) -> l.path("datum").asText()).reversed());
    task.setVariableLocal(VARIABLE, JsonVariables.longText(render(lessons)));
  }

  static String render(List<JsonNode> lessons) {
    if (lessons.isEmpty()) {
      return NONE;
    }
    StringBuilder md = new StringBuilder(
        "| Datum | Från | Fungerade | Fungerade inte | Dialogformat |\n|---|---|---|---|---|\n");
    lessons.stream().limit(SHOWN).forEach(l -> md.append("| ").append(Markdown.date(l.path("datum").asText()))
        .append(" | ").append(Markdown.cell(l.path("kalla").asText()))
        .append(" | ").append(Markdown.cell(l.path("fungerade").asText()))
        .append(" | ").append(Markdown.cell(l.path("fungeradeInte").asText()))
        .append(" | ").append(Markdown.cell(FORMATS.getOrDefault(l.path("dialogformat").asText(), "–")))
        .append(" |\n"));
    return md.toString();
  }
}
