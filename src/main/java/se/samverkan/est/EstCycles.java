package se.samverkan.est;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samverkan.engine.SwedishTime;

/** Starts EST cycles, one per municipality and meeting: starting the same meeting twice returns the first. */
public class EstCycles {

  private static final Logger log = LoggerFactory.getLogger(EstCycles.class);
  private static final DateTimeFormatter KEY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

  private final EstSchedule schedule;

  public EstCycles(EstSchedule schedule) {
    this.schedule = schedule;
  }

  public static String businessKey(String kommun, ZonedDateTime meeting) {
    return "est-" + kommun + "-" + KEY_TIME.format(meeting);
  }

  public ProcessInstance start(RuntimeService runtime, String kommun, ZonedDateTime meeting, String previousCycle) {
    ZonedDateTime local = meeting.withZoneSameInstant(schedule.settings().zoneId());
    String businessKey = businessKey(kommun, local);
    List<ProcessInstance> existing = runtime.createProcessInstanceQuery()
        .processDefinitionKey(EstCycleProcess.KEY).processInstanceBusinessKey(businessKey).list();
    if (!existing.isEmpty()) {
      return existing.get(0);
    }
    log.info("EST: startar cykeln för {} inför mötet {}", kommun, SwedishTime.spelledOut(local));
    return runtime.startProcessInstanceByKey(EstCycleProcess.KEY, businessKey, Variables.createVariables()
        .putValue(EstCycleProcess.KOMMUN, kommun)
        .putValue(EstCycleProcess.MEETING, Date.from(local.toInstant()))
        .putValue(EstCycleProcess.PREVIOUS_CYCLE, previousCycle));
  }

  /**
   * The municipalities whose chain of cycles is alive: a cycle waits to start the next one, or a
   * cycle's meeting is still ahead. Three queries for all municipalities.
   */
  public Set<String> municipalitiesWithUpcomingCycle(RuntimeService runtime, Instant now) {
    Set<String> instances = new HashSet<>();
    runtime.createExecutionQuery().processDefinitionKey(EstCycleProcess.KEY).activityId(EstCycleProcess.NEXT_CYCLE_TIMER)
        .list().forEach(execution -> instances.add(execution.getProcessInstanceId()));
    runtime.createProcessInstanceQuery().processDefinitionKey(EstCycleProcess.KEY)
        .variableValueGreaterThan(EstCycleProcess.MEETING, Date.from(now))
        .list().forEach(instance -> instances.add(instance.getId()));
    return variableValues(runtime, instances, EstCycleProcess.KOMMUN);
  }

  /** The distinct values of a process variable in the given process instances. */
  static Set<String> variableValues(RuntimeService runtime, Set<String> processInstances, String variable) {
    Set<String> values = new HashSet<>();
    if (processInstances.isEmpty()) {
      return values;
    }
    runtime.createVariableInstanceQuery().variableName(variable)
        .processInstanceIdIn(processInstances.toArray(String[]::new)).list()
        .forEach(v -> {
          // only the process-level variable, as processVariableValueEquals compares it
          if (v.getExecutionId().equals(v.getProcessInstanceId()) && v.getValue() instanceof String value) {
            values.add(value);
          }
        });
    return values;
  }
}
