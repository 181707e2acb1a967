package se.samverkan.engine;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Engine plugins of Samverkan; the Camunda starter applies every ProcessEnginePlugin bean. */
@Configuration
class EngineConfiguration {

  @Bean
  SwedishWorkingDays swedishWorkingDays(@Value("${samverkan.calendar.time-zone:" + SwedishTime.ZONE_ID + "}") String zone) {
    return new SwedishWorkingDays(ZoneId.of(zone));
  }

  @Bean
  WorkingDayCalendarPlugin workingDayCalendarPlugin(SwedishWorkingDays workingDays) {
    return new WorkingDayCalendarPlugin(workingDays);
  }
}
