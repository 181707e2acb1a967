package se.samverkan.notification;

/** Delivers one composed mail: by SMTP, or to the log when no mail server is configured. */
public interface MailTransport {

  void send(String to, String subject, String body);
}
