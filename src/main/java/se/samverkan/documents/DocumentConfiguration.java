package se.samverkan.documents;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.organisation.Organisation;

/** The documents' store and renderer, and {@link DocumentResource} in Camunda's REST API, behind its authentication. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentSettings.class)
class DocumentConfiguration {

  @Bean
  DocumentStore documentStore(JdbcTemplate jdbc) {
    return new DocumentStore(jdbc);
  }

  @Bean
  DocumentRenderer documentRenderer() {
    return new DocumentRenderer();
  }

  @Bean
  ResourceConfigCustomizer documentResource(ProcessEngine engine, Documents documents, Organisation organisation) {
    return config -> config.register(new DocumentResource(engine, documents, organisation));
  }
}
