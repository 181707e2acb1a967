package se.samverkan.lawduty;

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
