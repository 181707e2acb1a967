package se.samverkan.notification;

import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import se.samverkan.engine.SwedishWorkingDays;
import se.samverkan.organisation.Organisation;

/**
 * Mail: SMTP when spring.mail.host is set (SAMVERKAN_SMTP_HOST), otherwise the log. Mails go
 * through the outbox; see {@link MailDispatcher}.
 */
@Configuration
class NotificationConfiguration {

  @Bean
  MailOutbox mailOutbox(JdbcTemplate jdbc) {
    return new MailOutbox(jdbc);
  }

  @Bean
  MailTransport mailTransport(ObjectProvider<JavaMailSender> sender, @Value("${spring.mail.host:}") String host,
      @Value("${samverkan.mail.from}") String from) {
    JavaMailSender smtp = sender.getIfAvailable();
    return smtp == null || host.isBlank() ? new LogMailTransport() : new SmtpMailTransport(smtp, from);
  }

  @Bean
  MailDispatcher mailDispatcher(MailOutbox outbox, MailTransport transport,
      @Value("${samverkan.mail.retry-delay}") Duration retryDelay) {
    return new MailDispatcher(outbox, transport, retryDelay);
  }

  @Bean
  TaskLinks taskLinks(@Value("${samverkan.mail.tasklist-url}") String tasklistUrl, Environment environment) {
    return new TaskLinks(PublicAddress.tasklistUrl(tasklistUrl, environment.acceptsProfiles(Profiles.of("prod"))));
  }

  @Bean
  TaskNotifier taskNotifier(MailOutbox outbox, TaskLinks links, Organisation organisation, SwedishWorkingDays workingDays) {
    return new TaskNotifier(outbox, links, organisation, workingDays.zone());
  }
}
