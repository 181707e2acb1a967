package se.samverkan.lawduty;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkan.organisation.Organisation;

/** Adds {@link LawDutyResource} to Camunda's REST API, behind its authentication. */
@Configuration(proxyBeanMethods = false)
class LawDutyRestConfiguration {

  @Bean
  ResourceConfigCustomizer lawDutyResource(ProcessEngine engine, Organisation organisation) {
    return config -> config.register(new LawDutyResource(engine, organisation));
  }
}
