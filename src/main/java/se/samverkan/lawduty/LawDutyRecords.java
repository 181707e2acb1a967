package se.samverkan.lawduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import se.samverkan.process.JsonVariables;

/**
 * Reads a municipality's record of lag (2023:196) from history: for each duty the latest time it
 * was met, in which step and process instance, across all samverkansprocesser and medborgarlöften.
 */
public final class LawDutyRecords {

  private final HistoryService history;

  public LawDutyRecords(HistoryService history) {
    this.history = history;
  }

  /** {@code {"lagesbild": {"krav", "datum", "steg", "processinstans"}, ...}} for the municipality. */
  public ObjectNode of(String kommun) {
    ObjectNode result = JsonNodeFactory.instance.objectNode();
    for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
        .variableName(LawDuties.VARIABLE).list()) {
      JsonNode duties = JsonVariables.toJson(variable.getValue()).path(kommun);
      duties.fields().forEachRemaining(duty -> {
        JsonNode known = result.get(duty.getKey());
        if (known == null || known.path("datum").asText().compareTo(duty.getValue().path("datum").asText()) < 0) {
          result.set(duty.getKey(), duty.getValue());
        }
      });
    }
    return result;
  }
}
