package se.samverkan.est;

import static se.samverkan.est.EstCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;

/**
 * After the meeting: the cycle's interventions are the ones decided plus the unresolved ones the
 * group carried forward; the follow-up as recorded is kept (with the interventions' ids) for the review.
 */
@Component("estInterventions")
public class EstInterventionRegistration implements JavaDelegate {

  /** The follow-up as the meeting recorded it, one row per previous intervention. */
  public static final String FOLLOW_UP_RESULT = "uppfoljningResultat";

  private final EstSchedule schedule;

  public EstInterventionRegistration(EstSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kommun = (String) execution.getVariable(KOMMUN);
    java.time.ZonedDateTime meetingTime = ((Date) execution.getVariable(MEETING)).toInstant()
        .atZone(schedule.settings().zoneId());
    String meeting = DateTimeFormatter.ISO_LOCAL_DATE.format(meetingTime);
    // unique per meeting, also with several meetings a day (the demo cadence)
    String idPrefix = kommun + "-" + DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmm").format(meetingTime);
    Map<String, String> functionNames = new HashMap<>();
    JsonVariables.toJson(execution.getVariable(FUNCTION_OPTIONS))
        .forEach(o -> functionNames.put(JsonVariables.text(o, "value"), JsonVariables.text(o, "label")));

    ArrayNode interventions = JsonVariables.newArray();
    ArrayNode result = JsonVariables.newArray();
    JsonNode basis = JsonVariables.toJson(execution.getVariable(FOLLOW_UP_BASIS));
    JsonNode followUp = JsonVariables.toJson(execution.getVariable(FOLLOW_UP));
    for (int i = 0; i < basis.size(); i++) {
      ObjectNode row = ((ObjectNode) basis.get(i)).deepCopy();
      JsonNode recorded = followUp.path(i);
      row.put("utfall", JsonVariables.text(recorded, "utfall"));
      row.put("effekt", JsonVariables.text(recorded, "effekt"));
      row.put("foraVidare", recorded.path("foraVidare").asBoolean(false));
      result.add(row);
      if (row.path("foraVidare").asBoolean()) {
        ObjectNode carried = interventions.addObject();
        for (String field : new String[] {"id", "vad", "var", "ansvarig", "ansvarigNamn", "franMote"}) {
          carried.put(field, JsonVariables.text(row, field));
        }
        carried.put("nar", "");
        carried.put("overford", true);
      }
    }
    JsonNode decided = JsonVariables.toJson(execution.getVariable(DECIDED));
    int n = 0;
    for (JsonNode row : decided) {
      ObjectNode intervention = interventions.addObject();
      intervention.put("id", idPrefix + "-" + (++n));
      intervention.put("vad", JsonVariables.text(row, "vad"));
      intervention.put("var", JsonVariables.text(row, "var"));
      intervention.put("nar", JsonVariables.text(row, "nar"));
      intervention.put("ansvarig", JsonVariables.text(row, "ansvarig"));
      intervention.put("ansvarigNamn", functionNames.getOrDefault(JsonVariables.text(row, "ansvarig"), ""));
      intervention.put("franMote", meeting);
      intervention.put("overford", false);
    }
    execution.setVariable(FOLLOW_UP_RESULT, JsonVariables.json(result));
    execution.setVariable(CYCLE_INTERVENTIONS, JsonVariables.json(interventions));
    execution.setVariable(INTERVENTION_COUNT, interventions.size());
  }
}
