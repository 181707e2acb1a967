package se.samverkan.est;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkan.engine.WorkingDays;
import se.samverkan.organisation.Organisation;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EstSettings.class)
class EstConfiguration {

  @Bean
  EstSchedule estSchedule(Organisation organisation, WorkingDays workingDays, EstSettings settings) {
    return new EstSchedule(organisation, workingDays, settings);
  }

  @Bean
  EstPause estPause(Organisation organisation) {
    return new EstPause(organisation);
  }

  @Bean
  EstCycles estCycles(EstSchedule schedule) {
    return new EstCycles(schedule);
  }

  @Bean
  EstReviews estReviews(EstSchedule schedule) {
    return new EstReviews(schedule);
  }

  @Bean
  EstActors estActors(Organisation organisation) {
    return new EstActors(organisation);
  }
}
