package se.samverkan.est;

import static se.samverkan.est.EstReviewProcess.*;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** At a period's end: the styrgrupp's review of the next period starts (unless EST is paused). */
@Component("estNextReview")
public class EstNextReview implements JavaDelegate {

  private final EstReviews reviews;
  private final EstPause pause;

  public EstNextReview(EstReviews reviews, EstPause pause) {
    this.reviews = reviews;
    this.pause = pause;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kommun = (String) execution.getVariable(KOMMUN);
    if (pause.isPaused(kommun, execution.getProcessEngineServices().getManagementService())) {
      execution.setVariable("nastaGenomgang", EstNextCycle.PAUSED);
      return;
    }
    Date end = (Date) execution.getVariable(PERIOD_END_AT);
    EstSchedule.ReviewPeriod next = reviews.schedule().reviewPeriodOf(kommun, end.toInstant());
    execution.setVariable("nastaGenomgang",
        reviews.start(execution.getProcessEngineServices().getRuntimeService(), kommun, next).getId());
  }
}
