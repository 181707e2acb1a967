package se.samverkan.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Without a mail server (the demo) mails are written to the log, so the demo shows what would go out. */
class LogMailTransport implements MailTransport {

  private static final Logger log = LoggerFactory.getLogger(LogMailTransport.class);

  @Override
  public void send(String to, String subject, String body) {
    log.info("E-post (ingen e-postserver konfigurerad, skrivs bara i loggen)\nTill: {}\nÄmne: {}\n\n{}", to, subject, body);
  }
}
