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
import org.springframework.scheduling.annotation.Scheduled;
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
  DocumentUpkeep documentUpkeep(DocumentStore store, Documents documents) {
    return new DocumentUpkeep(store, documents);
  }

  /** The documents' two scheduled chores; each logs its count when it did something. */
  static class DocumentUpkeep {
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(DocumentConfiguration.class);
    private final DocumentStore store;
    private final Documents documents;

    DocumentUpkeep(DocumentStore store, Documents documents) {
      this.store = store;
      this.documents = documents;
    }

    /**
     * A document's own retention (samverkan.documents.retention) is enforced here, not by Camunda's
     * history cleanup: once a day, the documents past their last day are removed.
     */
    @Scheduled(initialDelayString = "PT5M", fixedDelayString = "${samverkan.documents.cleanup-interval:P1D}")
    void removeExpired() {
      int removed = store.removeExpired(DocumentContents.today());
      if (removed > 0) {
        log.info("{} dokument vars bevarandetid gått ut togs bort", removed);
      }
    }

    /**
     * A document's PDF is rendered in the background after its step committed ({@link Documents}); a
     * node that stopped first leaves it waiting, with its layout. This sweep renders those, every
     * {@code samverkan.documents.render-sweep-interval} from startup (reading one renders it at once,
     * so nobody waits for the sweep).
     */
    @Scheduled(initialDelayString = "${samverkan.documents.render-sweep-interval:PT10M}",
        fixedDelayString = "${samverkan.documents.render-sweep-interval:PT10M}")
    void renderPending() {
      int rendered = documents.renderPending();
      if (rendered > 0) {
        log.info("{} väntande dokument renderade", rendered);
      }
    }
  }

  @Bean
  ResourceConfigCustomizer documentResource(ProcessEngine engine, Documents documents, Organisation organisation) {
    return config -> config.register(new DocumentResource(engine, documents, organisation));
  }
}
