package se.samverkan.lawduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    return of(List.of(kommun)).get(kommun);
  }

  /** The record of each of the municipalities, read from history once (e.g. for an LPO's overview). */
  public Map<String, ObjectNode> of(Collection<String> municipalities) {
    return read(municipalities, history.createHistoricVariableInstanceQuery().variableName(LawDuties.VARIABLE).list());
  }

  /**
   * The record of each of the municipalities from the given process instances only: those known to
   * keep it (Läget's read model knows a municipality's cases), not every instance's {@code lagkrav}.
   */
  public Map<String, ObjectNode> of(Collection<String> municipalities, Collection<String> processInstanceIds) {
    return read(municipalities, processInstanceIds.isEmpty() ? List.of() : history.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(processInstanceIds.toArray(String[]::new)).variableName(LawDuties.VARIABLE).list());
  }

  private static Map<String, ObjectNode> read(Collection<String> municipalities, List<HistoricVariableInstance> records) {
    Map<String, ObjectNode> results = new LinkedHashMap<>();
    municipalities.forEach(kommun -> results.put(kommun, JsonNodeFactory.instance.objectNode()));
    for (HistoricVariableInstance variable : records) {
      JsonNode record = JsonVariables.toJson(variable.getValue());
      results.forEach((kommun, result) -> record.path(kommun).fields().forEachRemaining(duty -> {
        JsonNode known = result.get(duty.getKey());
        if (known == null || known.path("datum").asText().compareTo(duty.getValue().path("datum").asText()) < 0) {
          result.set(duty.getKey(), duty.getValue());
        }
      }));
    }
    return results;
  }
}
