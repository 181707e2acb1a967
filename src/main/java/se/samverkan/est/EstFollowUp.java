package se.samverkan.est;

import static se.samverkan.est.EstCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;

/**
 * Before the meeting's planning: the previous meeting's interventions with the outcome their
 * functions reported, for the group to follow up (and carry forward what is unresolved).
 */
@Component("estFollowUp")
public class EstFollowUp implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    String previous = (String) execution.getVariable(PREVIOUS_CYCLE);
    ArrayNode rows = JsonVariables.newArray();
    if (previous != null) {
      Map<String, Object> variables = variablesOf(execution.getProcessEngineServices().getHistoryService(), previous);
      for (JsonNode intervention : JsonVariables.toJson(variables.get(CYCLE_INTERVENTIONS))) {
        String id = JsonVariables.text(intervention, "id");
        JsonNode outcome = JsonVariables.toJson(variables.get(OUTCOME_PREFIX + id));
        String reported = outcome.isObject() ? JsonVariables.text(outcome, "utfall") : NOT_REPORTED;
        ObjectNode row = rows.addObject();
        row.put("id", id);
        for (String field : new String[] {"vad", "var", "nar", "ansvarig", "ansvarigNamn", "franMote"}) {
          row.put(field, JsonVariables.text(intervention, field));
        }
        row.put("rapporteratUtfall", label(reported)
            + (outcome.isObject() && !JsonVariables.text(outcome, "effekt").isBlank()
                ? ": " + JsonVariables.text(outcome, "effekt") : ""));
        if (!NOT_REPORTED.equals(reported)) {
          row.put("utfall", reported);
        }
        row.put("effekt", outcome.isObject() ? JsonVariables.text(outcome, "effekt") : "");
        row.put("foraVidare", false);
      }
    }
    execution.setVariable(FOLLOW_UP, JsonVariables.json(rows));
    execution.setVariable(FOLLOW_UP_BASIS, JsonVariables.json(rows));
    execution.setVariable(HAS_FOLLOW_UP, !rows.isEmpty());
  }

  static Map<String, Object> variablesOf(HistoryService history, String processInstanceId) {
    Map<String, Object> variables = new HashMap<>();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).list()) {
      if (variable.getExecutionId() == null || variable.getExecutionId().equals(processInstanceId)) {
        variables.put(variable.getName(), variable.getValue());
      }
    }
    return variables;
  }

  static String label(String outcome) {
    return switch (outcome == null ? "" : outcome) {
      case DONE -> "Genomförd";
      case PARTLY_DONE -> "Delvis genomförd";
      case NOT_DONE -> "Inte genomförd";
      default -> "Inte rapporterad";
    };
  }
}
