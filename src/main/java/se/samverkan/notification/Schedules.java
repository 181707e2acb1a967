package se.samverkan.notification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The timed jobs of Samverkan besides the engine's own: sending the mail outbox here; the features'
 * own jobs schedule themselves (FunctionReconciliation, StaffingReport in handover). Off with
 * samverkan.scheduling.enabled=false, as in the tests, which call the jobs themselves.
 */
@Component
class Schedules {

  private final MailDispatcher dispatcher;

  Schedules(MailDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(initialDelayString = "${samverkan.mail.dispatch-interval}", fixedDelayString = "${samverkan.mail.dispatch-interval}")
  void sendMail() {
    dispatcher.dispatch();
  }

  @Configuration
  @EnableScheduling
  @ConditionalOnProperty(name = "samverkan.scheduling.enabled", havingValue = "true", matchIfMissing = true)
  static class Enabled {}
}
