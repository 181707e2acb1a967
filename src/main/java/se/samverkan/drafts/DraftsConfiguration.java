package se.samverkan.drafts;

import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/** The drafts: the service, its REST resource, and the removal of drafts whose task is gone. */
@Configuration(proxyBeanMethods = false)
class DraftsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(DraftsConfiguration.class);

  @Bean
  TaskDraftService taskDraftService(JdbcTemplate jdbc, ProcessEngine engine, PlatformTransactionManager transactionManager,
      @Value("${samverkan.drafts.max-characters:200000}") int maxCharacters) {
    return new TaskDraftService(new TaskDrafts(jdbc), engine.getTaskService(), engine.getFormService(),
        engine.getIdentityService(), engine.getAuthorizationService(), engine.getRepositoryService(), transactionManager,
        maxCharacters);
  }

  @Bean
  ResourceConfigCustomizer taskDraftResource(TaskDraftService drafts) {
    return config -> config.register(new TaskDraftResource(drafts));
  }

  @Bean
  OrphanDrafts orphanDrafts(TaskDraftService drafts) {
    return new OrphanDrafts(drafts);
  }

  /** A completed or cancelled task's draft is unreadable at once (no task); the row goes within the interval. */
  static class OrphanDrafts {
    private final TaskDraftService drafts;

    OrphanDrafts(TaskDraftService drafts) {
      this.drafts = drafts;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "${samverkan.drafts.cleanup-interval:PT1H}")
    void removeOrphans() {
      int removed = drafts.removeOrphans();
      if (removed > 0) {
        log.info("{} utkast till avslutade uppgifter togs bort", removed);
      }
    }
  }
}
