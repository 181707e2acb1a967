package se.samverkan.notification;

import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samverkan.notification.MailOutbox.OutboxMail;

/**
 * Sends what the outbox holds: all due mails of one kind to one person become one message (a
 * function member gets one mail about five new tasks, not five). A failure leaves the rows in the
 * outbox with a growing delay (retry delay doubled per attempt, at most one hour).
 */
public class MailDispatcher {

  private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
  private static final Duration MAX_DELAY = Duration.ofHours(1);
  /** How long a node owns the mails it is sending; several nodes never send the same mail twice. */
  private static final Duration LEASE = Duration.ofMinutes(5);
  static final String FOOTER = "\n\n-- \nSamverkan. Du får det här brevet eftersom du innehar en funktion i Samverkan; "
      + "uppgifterna tillhör funktionen, inte dig personligen.";

  private final MailOutbox outbox;
  private final MailTransport transport;
  private final Duration retryDelay;

  public MailDispatcher(MailOutbox outbox, MailTransport transport, Duration retryDelay) {
    this.outbox = outbox;
    this.transport = transport;
    this.retryDelay = retryDelay;
  }

  /** Sends every due mail; returns how many messages went out. */
  public synchronized int dispatch() {
    Date now = ClockUtil.getCurrentTime();
    Date lease = new Date(now.getTime() + LEASE.toMillis());
    Map<String, List<OutboxMail>> bundles = outbox.claimDue(now, lease).stream()
        .collect(Collectors.groupingBy(m -> m.email() + "\n" + m.kind(), LinkedHashMap::new, Collectors.toList()));
    int sent = 0;
    for (List<OutboxMail> bundle : bundles.values()) {
      OutboxMail first = bundle.get(0);
      List<String> ids = bundle.stream().map(OutboxMail::id).toList();
      String subject = bundle.size() == 1 ? first.subject() : first.kind().bundleSubject(bundle.size());
      String body = "Hej!\n\n" + bundle.stream().map(OutboxMail::body).collect(Collectors.joining("\n\n")) + FOOTER;
      try {
        transport.send(first.email(), subject, body);
        outbox.markSent(ids, now);
        sent++;
      } catch (RuntimeException e) {
        int attempts = bundle.stream().mapToInt(OutboxMail::attempts).max().orElse(0);
        Duration delay = retryDelay.multipliedBy(1L << Math.min(attempts, 16));
        Date next = new Date(now.getTime() + (delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay).toMillis());
        outbox.markFailed(ids, e.getClass().getSimpleName() + ": " + e.getMessage(), next);
        log.warn("E-post till {} kunde inte skickas ({} st, försök {}), nytt försök {}: {}", first.email(), bundle.size(),
            attempts + 1, next, e.getMessage());
      }
    }
    return sent;
  }
}
