package se.samverkan.lawduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;

/**
 * Keeps per municipality the record of each duty of lag (2023:196) met, and when: the process
 * variable {@code lagkrav}, {@code {"<kommun>": {"<duty>": {"datum", "steg", "processinstans"}}}},
 * is updated by execution listeners on the steps that fulfil a duty, e.g.
 * {@code ${lawDuties.met(execution, 'uppfoljning')}}. History keeps it after the instance ends.
 * A called instance keeps its own record and hands it back with its results (the
 * {@code samordningsfunktion} duty is met in {@code kommunens-lagesbild} and reaches the
 * samverkansprocess' {@code lagkrav} through {@code gemensam-lagesbild}, see {@link #merge}).
 */
@Component("lawDuties")
public class LawDuties {

  public static final String VARIABLE = "lagkrav";

  /** The duty is met for the instance's (or the multi-instance element's) {@code kommun}. */
  public void met(DelegateExecution execution, String duty) {
    record(execution, List.of(JsonVariables.string(execution, "kommun")), duty);
  }

  /** The duty is met for every municipality of the instance's {@code kommuner}. */
  public void metForAll(DelegateExecution execution, String duty) {
    record(execution, JsonVariables.strings(execution, "kommuner"), duty);
  }

  /**
   * Adds a record that another instance kept (a called instance's {@code lagkrav}, returned by its
   * call activity) to this instance's: per municipality and duty the later entry wins.
   */
  public static void merge(DelegateExecution instance, JsonNode other) {
    if (!other.isObject() || other.isEmpty()) {
      return;
    }
    ObjectNode record = JsonVariables.object(instance, VARIABLE);
    other.fields().forEachRemaining(municipality -> {
      ObjectNode duties = record.path(municipality.getKey()).isObject()
          ? (ObjectNode) record.get(municipality.getKey()) : record.putObject(municipality.getKey());
      municipality.getValue().fields().forEachRemaining(duty -> {
        JsonNode known = duties.get(duty.getKey());
        if (known == null || known.path("datum").asText().compareTo(duty.getValue().path("datum").asText()) <= 0) {
          duties.set(duty.getKey(), duty.getValue());
        }
      });
    });
    JsonVariables.write(instance, VARIABLE, record);
  }

  private static void record(DelegateExecution execution, List<String> municipalities, String duty) {
    LawDuty lawDuty = LawDuty.of(duty)
        .orElseThrow(() -> new IllegalArgumentException("Okänt lagkrav '" + duty + "' i modellen"));
    DelegateExecution root = execution.getProcessInstance();
    ObjectNode record = JsonVariables.object(root, VARIABLE);
    String now = JsonVariables.now();
    for (String kommun : municipalities) {
      if (kommun.isBlank()) {
        continue;
      }
      ObjectNode duties = record.path(kommun).isObject() ? (ObjectNode) record.get(kommun) : record.putObject(kommun);
      ObjectNode entry = duties.putObject(lawDuty.name());
      entry.put("krav", lawDuty.label());
      entry.put("datum", now);
      entry.put("steg", execution.getCurrentActivityName());
      entry.put("processinstans", execution.getProcessInstanceId());
      if (lawDuty == LawDuty.samordningsfunktion) {
        entry.put("funktion", "samordnare-" + kommun);
      }
    }
    JsonVariables.write(root, VARIABLE, record);
  }
}
