package se.samverkan.documents;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
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

  /**
   * Renders one small document in the background once the application is ready: the first
   * rendering of a JVM loads the fonts, the template engine and openhtmltopdf's classes (about 8 s
   * on two cores), which would otherwise fall on the first person to complete a step that fixes a
   * document; warm, a document takes well under a second.
   */
  @EventListener(ApplicationReadyEvent.class)
  void warmUpTheRenderer(ApplicationReadyEvent event) {
    DocumentRenderer renderer = event.getApplicationContext().getBean(DocumentRenderer.class);
    Thread warmUp = new Thread(() -> {
      try {
        renderer.pdf(DocumentContent.titled("Samverkan").section("Förberedelse").paragraph("Åäö").build());
      } catch (RuntimeException e) {
        LoggerFactory.getLogger(DocumentConfiguration.class).warn("Dokumentmotorn kunde inte förberedas: {}", e.toString());
      }
    }, "samverkan-documents-warm-up");
    warmUp.setDaemon(true);
    warmUp.setPriority(Thread.MIN_PRIORITY);
    warmUp.start();
  }

  @Bean
  ResourceConfigCustomizer documentResource(ProcessEngine engine, Documents documents, Organisation organisation) {
    return config -> config.register(new DocumentResource(engine, documents, organisation));
  }
}
