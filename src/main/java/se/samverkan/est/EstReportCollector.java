package se.samverkan.est;

import static se.samverkan.est.EstCycleProcess.*;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.JsonVariables;

/**
 * Keeps an actor's submitted report as {@code rapport_<actor>} on the cycle: one variable per
 * actor, so that actors reporting at the same moment never conflict.
 */
@Component("estReportCollector")
public class EstReportCollector implements TaskListener {

  private final Organisation organisation;

  public EstReportCollector(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = (String) task.getVariable(ACTOR);
    ObjectNode report = JsonVariables.newObject();
    report.put("aktor", actor);
    report.put("funktion", organisation.estActors().getOrDefault(actor, actor));
    report.put("inlamnad", true);
    report.put("inlamnadTid", Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).toString());
    report.put(NOTHING_TO_REPORT, Boolean.TRUE.equals(task.getVariable(NOTHING_TO_REPORT)));
    for (String field : new String[] {PLACES, TIMES, GROUPS, WORRIES}) {
      Object value = task.getVariable(field);
      report.put(field, value == null ? "" : value.toString());
    }
    report.set(INCIDENT_KINDS, JsonVariables.toJson(task.getVariable(INCIDENT_KINDS)).isArray()
        ? JsonVariables.toJson(task.getVariable(INCIDENT_KINDS)) : JsonVariables.newArray());
    DelegateExecution execution = task.getExecution();
    execution.getProcessInstance().setVariableLocal(REPORT_PREFIX + actor, JsonVariables.json(report));
  }
}
