package se.samverkan.schema;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Samverkan's own versioned changes to the database, {@code db/migration/V<n>__<what>.sql}, and
 * {@code db/vendor/<postgresql|h2>/} for a version only one database can do (Flyway, history in
 * {@code samverkan_schema_history}): indexes that Camunda's schema lacks for our queries.
 * They change Camunda's tables, so they run after the engine has created or checked its schema
 * (Spring Boot would run them when the data source starts, before Camunda's tables exist on a new
 * database): as the first startup runner, before the organisation sync and before the application
 * is ready. Several nodes starting together wait for each other on Flyway's lock.
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

  private static final Logger log = LoggerFactory.getLogger(SchemaMigrations.class);

  /** Not when the data source starts: {@link #migrateAfterTheEngine} runs them. */
  @Bean
  FlywayMigrationStrategy migrateAfterTheEngineStarted() {
    return flyway -> { };
  }

  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  ApplicationRunner migrateAfterTheEngine(Flyway flyway, ProcessEngine engine) {
    return args -> {
      MigrateResult result = flyway.migrate();
      if (result.migrationsExecuted > 0) {
        log.info("Databasen: {} ändring(ar) av Samverkans schema gjorda, nu version {} (motor {})",
            result.migrationsExecuted, result.targetSchemaVersion, engine.getName());
      }
    };
  }
}
