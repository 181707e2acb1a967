package se.samverkan.overview;

import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import se.samverkan.engine.AfterReady;
import se.samverkan.organisation.Organisation;

/** Läget's read model: filled from history after the start where it lacks tasks (an older installation). */
@Configuration(proxyBeanMethods = false)
class OverviewConfiguration {

  @Bean
  ProjectionRebuild projectionRebuild(ProcessEngine engine, Organisation organisation, DataSource dataSource) {
    return new ProjectionRebuild(engine, organisation, dataSource);
  }

  @Bean
  ProjectionStartup projectionStartup(ProjectionRebuild rebuild, AfterReady afterReady) {
    return new ProjectionStartup(rebuild, afterReady);
  }

  static final class ProjectionStartup {
    private final ProjectionRebuild rebuild;
    private final AfterReady afterReady;

    ProjectionStartup(ProjectionRebuild rebuild, AfterReady afterReady) {
      this.rebuild = rebuild;
      this.afterReady = afterReady;
    }

    @EventListener(ApplicationReadyEvent.class)
    void fill() {
      afterReady.run("Lägets uppgifter och ärenden ur historiken", rebuild::fillMissing);
    }
  }
}
