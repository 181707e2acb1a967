package se.samverkan.promise;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/**
 * Each carried-out activity reports its status and result (fields local to its task); the
 * reports go into {@code aktivitetsresultat} and the table the follow-ups show, {@code aktivitetsstatus}.
 */
@Component("activityResultCollector")
public class ActivityResultCollector implements TaskListener {

  static final Map<String, String> STATUS = Map.of("ja", "Genomförd", "delvis", "Delvis genomförd", "nej", "Inte genomförd");

  private final Organisation organisation;

  public ActivityResultCollector(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    DelegateExecution root = task.getExecution().getProcessInstance();
    ArrayNode results = JsonVariables.array(root, PromiseProcess.ACTIVITY_RESULTS);
    ObjectNode result = results.addObject();
    String responsible = JsonVariables.string(task, "aktivitetAnsvarig");
    result.put("lofte", JsonVariables.string(task, "aktivitetLofte"));
    result.put("vad", JsonVariables.string(task, "aktivitetVad"));
    result.put("ansvarig", organisation.function(responsible).map(OrganisationFunction::name).orElse(responsible));
    result.put("klartSenast", JsonVariables.string(task, "aktivitetKlartSenast"));
    result.put("status", JsonVariables.string(task, "genomford"));
    result.put("resultat", JsonVariables.string(task, "aktivitetResultat"));
    result.put("datum", JsonVariables.now());
    JsonVariables.write(root, PromiseProcess.ACTIVITY_RESULTS, results);
    root.setVariable(PromiseProcess.ACTIVITY_STATUS,
        JsonVariables.longText(render(results, JsonVariables.read(root, PromiseProcess.ACTIVITIES).size())));
  }

  static String render(ArrayNode results, int planned) {
    StringBuilder md = new StringBuilder(results.size() + " av " + planned + " aktiviteter rapporterade.\n\n"
        + "| Löfte | Aktivitet | Ansvarig | Klart senast | Status | Resultat | Rapporterad |\n|---|---|---|---|---|---|---|\n");
    for (JsonNode r : results) {
      md.append("| ").append(Markdown.cell(r.path("lofte").asText()))
          .append(" | ").append(Markdown.cell(r.path("vad").asText()))
          .append(" | ").append(Markdown.cell(r.path("ansvarig").asText()))
          .append(" | ").append(r.path("klartSenast").asText())
          .append(" | ").append(STATUS.getOrDefault(r.path("status").asText(), "–"))
          .append(" | ").append(Markdown.cell(r.path("resultat").asText()))
          .append(" | ").append(Markdown.date(r.path("datum").asText())).append(" |\n");
    }
    return md.toString();
  }
}
