package se.samverkan.notification;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/** Sends through the SMTP server configured with spring.mail.* (SAMVERKAN_SMTP_HOST, …). */
class SmtpMailTransport implements MailTransport {

  private final JavaMailSender sender;
  private final String from;

  SmtpMailTransport(JavaMailSender sender, String from) {
    this.sender = sender;
    this.from = from;
  }

  @Override
  public void send(String to, String subject, String body) {
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to);
    message.setSubject(subject);
    message.setText(body);
    sender.send(message);
  }
}
