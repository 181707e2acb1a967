package se.samverkan.est;

import static se.samverkan.est.EstCycleProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Starts the next meeting's cycle, unless the municipality has paused EST. */
@Component("estNextCycle")
public class EstNextCycle implements JavaDelegate {

  /** Value of {@code nastaCykel} when no cycle was started because EST is paused. */
  public static final String PAUSED = "pausad";

  private static final Logger log = LoggerFactory.getLogger(EstNextCycle.class);

  private final EstCycles cycles;
  private final EstPause pause;
  private final EstSchedule schedule;

  public EstNextCycle(EstCycles cycles, EstPause pause, EstSchedule schedule) {
    this.cycles = cycles;
    this.pause = pause;
    this.schedule = schedule;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kommun = (String) execution.getVariable(KOMMUN);
    if (pause.isPaused(kommun, execution.getProcessEngineServices().getManagementService())) {
      log.info("EST i {} är pausad: ingen ny cykel startas", kommun);
      execution.setVariable(NEXT_CYCLE, PAUSED);
      return;
    }
    Date next = (Date) execution.getVariable(NEXT_MEETING);
    ProcessInstance started = cycles.start(execution.getProcessEngineServices().getRuntimeService(), kommun,
        next.toInstant().atZone(schedule.settings().zoneId()), execution.getProcessInstanceId());
    execution.setVariable(NEXT_CYCLE, started.getId());
  }
}
