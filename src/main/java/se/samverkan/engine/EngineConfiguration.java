package se.samverkan.engine;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working days of due dates and timers (the engine's plugins: se.samverkan.startup.EngineWiring). */
@Configuration
class EngineConfiguration {

  @Bean
  SwedishWorkingDays swedishWorkingDays(@Value("${samverkan.calendar.time-zone:" + SwedishTime.ZONE_ID + "}") String zone) {
    return new SwedishWorkingDays(ZoneId.of(zone));
  }
}
