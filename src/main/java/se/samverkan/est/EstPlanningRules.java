package se.samverkan.est;

import static se.samverkan.est.EstCycleProcess.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.process.JsonVariables;

/**
 * The planning's own rules: every previous intervention is followed up, only unresolved ones are
 * carried forward, each new intervention has a function of the municipality as responsible and
 * is due by the next meeting.
 */
@Component("estPlanningRules")
public class EstPlanningRules implements TaskListener {

  private static final Set<String> OUTCOMES = Set.of(DONE, PARTLY_DONE, NOT_DONE);

  private final EstSchedule schedule;

  public EstPlanningRules(EstSchedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> problems = new ArrayList<>();
    JsonNode basis = JsonVariables.toJson(task.getVariable(FOLLOW_UP_BASIS));
    JsonNode followUp = JsonVariables.toJson(task.getVariable(FOLLOW_UP));
    if (basis.size() > 0 && followUp.size() != basis.size()) {
      problems.add("Uppföljningen ska ha en rad för var och en av förra mötets " + basis.size() + " insatser.");
    }
    for (int i = 0; i < Math.min(basis.size(), followUp.size()); i++) {
      JsonNode row = followUp.get(i);
      String what = "Uppföljning, rad " + (i + 1) + " («" + JsonVariables.text(basis.get(i), "vad") + "»)";
      String outcome = JsonVariables.text(row, "utfall");
      if (!OUTCOMES.contains(outcome)) {
        problems.add(what + ": välj utfall (genomförd, delvis eller inte genomförd).");
      } else if (DONE.equals(outcome) && row.path("foraVidare").asBoolean(false)) {
        problems.add(what + ": en genomförd insats kan inte föras vidare.");
      }
    }
    Set<String> functions = new HashSet<>();
    JsonVariables.toJson(task.getVariable(FUNCTION_OPTIONS)).forEach(option -> functions.add(JsonVariables.text(option, "value")));
    LocalDate nextMeeting = task.getVariable(NEXT_MEETING) instanceof java.util.Date next
        ? LocalDate.ofInstant(next.toInstant(), schedule.settings().zoneId()) : null;
    JsonNode decided = JsonVariables.toJson(task.getVariable(DECIDED));
    for (int i = 0; i < decided.size(); i++) {
      JsonNode row = decided.get(i);
      String what = "Insatser, rad " + (i + 1);
      if (!functions.contains(JsonVariables.text(row, "ansvarig"))) {
        problems.add(what + ": välj en ansvarig funktion i kommunens EST-grupp.");
      }
      String when = JsonVariables.text(row, "nar");
      if (!when.isBlank() && nextMeeting != null) {
        try {
          if (LocalDate.parse(when.length() > 10 ? when.substring(0, 10) : when).isAfter(nextMeeting)) {
            problems.add(what + ": «När» ska ligga senast vid nästa möte (" + nextMeeting + ").");
          }
        } catch (DateTimeParseException e) {
          problems.add(what + ": «När» ska vara ett datum (ÅÅÅÅ-MM-DD).");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new FormValidationException(task.getName(), problems);
    }
  }
}
