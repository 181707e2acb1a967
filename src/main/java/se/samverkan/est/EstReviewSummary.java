package se.samverkan.est;

import static se.samverkan.est.EstReviewProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZoneId;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Component;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.JsonVariables;

/**
 * The figures of a review period, computed from the period's real EST cycles (history):
 * meetings held, reports missing per function, interventions decided and done, the places
 * that recur most in the actors' reports.
 */
@Component("estReviewSummary")
public class EstReviewSummary implements JavaDelegate {

  static final int TOP_PLACES = 5;

  private final Organisation organisation;
  private final EstSchedule schedule;

  public EstReviewSummary(Organisation organisation, EstSchedule schedule) {
    this.organisation = organisation;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kommun = (String) execution.getVariable(KOMMUN);
    Date start = (Date) execution.getVariable(PERIOD_START);
    Date end = (Date) execution.getVariable(PERIOD_END_AT);
    ZoneId zone = schedule.settings().zoneId();
    HistoryService history = execution.getProcessEngineServices().getHistoryService();

    int meetings = 0;
    int decided = 0;
    int done = 0;
    Map<String, Integer> missing = new LinkedHashMap<>();
    organisation.municipality(kommun).orElseThrow().est().actors()
        .forEach(actor -> missing.put(organisation.estActors().getOrDefault(actor, actor), 0));
    Map<String, Integer> places = new LinkedHashMap<>();
    // every spelling of each place, counted: the name shown is the most frequent, then a capitalised one
    // (the cycles come in no particular order, so "first seen" would not be the same every time)
    Map<String, Map<String, Integer>> placeNames = new LinkedHashMap<>();

    for (HistoricProcessInstance cycle : history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(EstCycleProcess.KEY)
        .variableValueEquals(EstCycleProcess.KOMMUN, kommun).list()) {
      Map<String, Object> variables = EstFollowUp.variablesOf(history, cycle.getId());
      Date meeting = (Date) variables.get(EstCycleProcess.MEETING);
      if (meeting == null || meeting.before(start) || !meeting.before(end)) {
        continue;
      }
      if (history.createHistoricTaskInstanceQuery().processInstanceId(cycle.getId())
          .taskDefinitionKey(EstCycleProcess.JOINT_PLANNING).taskDeleteReason("completed").count() > 0) {
        meetings++;
      }
      for (JsonNode actor : JsonVariables.toJson(variables.get(EstCycleProcess.MISSING_REPORTS))) {
        missing.merge(organisation.estActors().getOrDefault(actor.asText(), actor.asText()), 1, Integer::sum);
      }
      for (JsonNode intervention : JsonVariables.toJson(variables.get(EstCycleProcess.CYCLE_INTERVENTIONS))) {
        if (!intervention.path("overford").asBoolean(false)) {
          decided++;
        }
      }
      for (JsonNode followedUp : JsonVariables.toJson(variables.get(EstInterventionRegistration.FOLLOW_UP_RESULT))) {
        if (EstCycleProcess.DONE.equals(JsonVariables.text(followedUp, "utfall"))) {
          done++;
        }
      }
      for (JsonNode report : JsonVariables.toJson(variables.get(EstCycleProcess.REPORTS))) {
        for (String place : JsonVariables.text(report, EstCycleProcess.PLACES).split("[\\n,;]")) {
          String name = place.strip();
          if (!name.isEmpty()) {
            String key = name.toLowerCase(Locale.forLanguageTag("sv-SE"));
            places.merge(key, 1, Integer::sum);
            placeNames.computeIfAbsent(key, k -> new java.util.TreeMap<>()).merge(name, 1, Integer::sum);
          }
        }
      }
    }
    ArrayNode recurring = JsonVariables.newArray();
    places.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_PLACES)
        .forEach(e -> recurring.addObject().put("plats", shownName(placeNames.get(e.getKey()))).put("antal", e.getValue()));
    ObjectNode missingJson = JsonVariables.newObject();
    missing.forEach(missingJson::put);

    String period = start.toInstant().atZone(zone).toLocalDate() + " – "
        + end.toInstant().atZone(zone).toLocalDate().minusDays(1);
    execution.setVariable(MUNICIPALITY_NAME, organisation.municipality(kommun).orElseThrow().name());
    Lpo lpo = organisation.lpoOf(kommun).orElseThrow();
    execution.setVariable(LPO, lpo.slug());
    execution.setVariable(LPO_NAME, lpo.name());
    execution.setVariable(PERIOD_TEXT, period);
    execution.setVariable(MEETINGS_HELD, meetings);
    execution.setVariable(MISSING_PER_FUNCTION, JsonVariables.json(missingJson));
    execution.setVariable(INTERVENTIONS_DECIDED, decided);
    execution.setVariable(INTERVENTIONS_DONE, done);
    execution.setVariable(RECURRING_PLACES, JsonVariables.json(recurring));
    execution.setVariable(SUMMARY_TEXT, summary(period, meetings, missing, decided, done, recurring));
  }

  private static String summary(String period, int meetings, Map<String, Integer> missing, int decided, int done,
      ArrayNode recurring) {
    StringBuilder text = new StringBuilder("#### Perioden " + period + "\n");
    text.append("- EST-möten hållna: **").append(meetings).append("**\n");
    text.append("- Insatser beslutade: **").append(decided).append("**, genomförda enligt uppföljningen: **")
        .append(done).append("**\n");
    text.append("- Saknade rapporter per funktion: ");
    List<String> parts = missing.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    text.append(parts.isEmpty() ? "–" : String.join(", ", parts)).append("\n");
    text.append("- Mest återkommande platser i rapporterna: ");
    List<String> top = new java.util.ArrayList<>();
    recurring.forEach(p -> top.add(p.path("plats").asText() + " (" + p.path("antal").asInt() + ")"));
    text.append(top.isEmpty() ? "inga rapporterade" : String.join(", ", top));
    return text.toString();
  }

  /** The spelling of a place to show: the most frequent; among equals a capitalised one, then the first in order. */
  static String shownName(Map<String, Integer> spellings) {
    return spellings.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()
            .thenComparing(e -> !Character.isUpperCase(e.getKey().codePointAt(0)))
            .thenComparing(Map.Entry.comparingByKey()))
        .map(Map.Entry::getKey).findFirst().orElse("");
  }
}
