package se.samverkan.est;

import static se.samverkan.est.EstCycleProcess.*;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;
import se.samverkan.engine.SwedishTime;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.JsonVariables;

/**
 * Sets up a cycle: its dates (cycle start, report deadline, next meeting, next cycle's start),
 * the municipality's functions as form options, and the styrgrupp's current priorities.
 */
@Component("estCyclePreparation")
public class EstCyclePreparation implements JavaDelegate {

  private final Organisation organisation;
  private final EstSchedule schedule;

  public EstCyclePreparation(Organisation organisation, EstSchedule schedule) {
    this.organisation = organisation;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kommun = (String) execution.getVariable(KOMMUN);
    Municipality municipality = organisation.municipality(kommun)
        .orElseThrow(() -> new IllegalArgumentException("Okänd kommun i EST-cykeln: " + kommun));
    Lpo lpo = organisation.lpoOf(kommun).orElseThrow();
    ZoneId zone = schedule.settings().zoneId();
    ZonedDateTime meeting = ((Date) execution.getVariable(MEETING)).toInstant().atZone(zone);
    ZonedDateTime next = schedule.nextMeetingAfter(kommun, meeting.toInstant()).orElse(meeting.plusWeeks(1));
    ZonedDateTime deadline = schedule.reportDeadline(kommun, meeting);

    execution.setVariable(MUNICIPALITY_NAME, municipality.name());
    execution.setVariable(LPO, lpo.slug());
    execution.setVariable(LPO_NAME, lpo.name());
    execution.setVariable(CYCLE_START, Date.from(schedule.cycleStart(kommun, meeting).toInstant()));
    execution.setVariable(MEETING_TEXT, SwedishTime.spelledOut(meeting));
    execution.setVariable(REPORT_DEADLINE_AT, Date.from(deadline.toInstant()));
    execution.setVariable(REPORT_DEADLINE_TEXT, SwedishTime.spelledOut(deadline));
    execution.setVariable(NEXT_MEETING, Date.from(next.toInstant()));
    execution.setVariable(NEXT_MEETING_TEXT, SwedishTime.spelledOut(next));
    execution.setVariable(NEXT_CYCLE_START, Date.from(schedule.cycleStart(kommun, next).toInstant()));
    ArrayNode functions = functionOptions(municipality, lpo.slug());
    execution.setVariable(FUNCTION_OPTIONS, JsonVariables.json(functions));
    execution.setVariable(ATTENDANCE_OPTIONS, JsonVariables.json(functions));
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    execution.setVariable(PRIORITIES, latestPriorities(history, kommun));
    execution.setVariable(PREVIOUS_SITUATION_PICTURE,
        previousSituationPicture(history, (String) execution.getVariable(PREVIOUS_CYCLE)));
  }

  /** The previous meeting's lägesbild, for "what is new since last time". */
  static String previousSituationPicture(HistoryService history, String previousCycle) {
    if (previousCycle == null) {
      return "Ingen tidigare lägesbild i den här följden av cykler.";
    }
    java.util.Map<String, Object> previous = EstFollowUp.variablesOf(history, previousCycle);
    if (previous.get(HOT_SPOTS) == null) {
      return "Förra cykelns lägesbild är inte sammanställd.";
    }
    return "**Hot spots:** " + previous.get(HOT_SPOTS)
        + "\n\n**Trender:** " + java.util.Objects.toString(previous.get("lagesbildTrender"), "–")
        + "\n\n**Nytt då:** " + java.util.Objects.toString(previous.get("lagesbildNytt"), "–");
  }

  /** The municipality's EST actors plus samordnare and kommunpolis, as {label, value} options. */
  ArrayNode functionOptions(Municipality municipality, String lpo) {
    ArrayNode options = JsonVariables.newArray();
    options.addObject().put("label", "Brottsförebyggande samordnare")
        .put("value", Organisation.groupId("samordnare", municipality.slug()));
    options.addObject().put("label", "Kommunpolis").put("value", Organisation.groupId("kommunpolis", lpo));
    for (String actor : municipality.est().actors()) {
      options.addObject().put("label", organisation.estActors().getOrDefault(actor, actor))
          .put("value", Organisation.groupId(actor, municipality.slug()));
    }
    return options;
  }

  static String latestPriorities(HistoryService history, String kommun) {
    // The municipality's reviews by their business key, which Samverkan alone gives them (EstReviews; a
    // review is started by nobody else, ProcessStarts), not by the variable kommun: Camunda indexes a
    // variable's name, not its value, so that query read every historic instance's kommun (0.26 s at
    // national size, on every cycle's start); the LIKE reads ACT_HI_PROCINST once (docs/benchmark.md).
    List<HistoricProcessInstance> reviews = history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(EstReviewProcess.KEY)
        .processInstanceBusinessKeyLike(EstReviews.businessKeyLike(kommun))
        .finished()
        .orderByProcessInstanceEndTime().desc()
        .list().stream()
        .filter(review -> EstReviews.isReviewOf(review.getBusinessKey(), kommun))
        .limit(1).toList();
    if (reviews.isEmpty()) {
      return "Styrgruppen har ännu inte satt några prioriteringar.";
    }
    List<HistoricVariableInstance> values = history.createHistoricVariableInstanceQuery()
        .processInstanceId(reviews.get(0).getId()).variableName(EstReviewProcess.PRIORITIES).list();
    List<HistoricVariableInstance> period = history.createHistoricVariableInstanceQuery()
        .processInstanceId(reviews.get(0).getId()).variableName(EstReviewProcess.PERIOD_TEXT).list();
    String text = values.isEmpty() || values.get(0).getValue() == null ? "" : values.get(0).getValue().toString();
    String from = period.isEmpty() || period.get(0).getValue() == null ? "" : " (" + period.get(0).getValue() + ")";
    return text.isBlank() ? "Styrgruppen har ännu inte satt några prioriteringar." : "Styrgruppens prioriteringar" + from + ": " + text;
  }
}
