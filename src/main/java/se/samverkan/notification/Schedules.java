package se.samverkan.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import se.samverkan.handover.StaffingReport;

/**
 * The timed jobs of Samverkan besides the engine's own: sending the mail outbox and the weekly
 * staffing report (the reconciliation schedules itself, see FunctionReconciliation). Off with
 * samverkan.scheduling.enabled=false, as in the tests, which call the jobs themselves.
 */
@Component
class Schedules {

  private final MailDispatcher dispatcher;
  private final StaffingReport staffingReport;

  Schedules(MailDispatcher dispatcher, StaffingReport staffingReport) {
    this.dispatcher = dispatcher;
    this.staffingReport = staffingReport;
  }

  @Scheduled(initialDelayString = "${samverkan.mail.dispatch-interval}", fixedDelayString = "${samverkan.mail.dispatch-interval}")
  void sendMail() {
    dispatcher.dispatch();
  }

  @Scheduled(cron = "${samverkan.staffing-report.cron}", zone = "${samverkan.calendar.time-zone}")
  void sendStaffingReport() {
    staffingReport.send();
  }

  @Configuration
  @EnableScheduling
  @ConditionalOnProperty(name = "samverkan.scheduling.enabled", havingValue = "true", matchIfMissing = true)
  static class Enabled {}
}
