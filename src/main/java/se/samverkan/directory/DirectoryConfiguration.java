package se.samverkan.directory;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import se.samverkan.handover.FunctionReconciliation;
import se.samverkan.notification.MailOutbox;
import se.samverkan.organisation.Organisation;

@Configuration
@EnableConfigurationProperties(DirectorySettings.class)
class DirectoryConfiguration {

  @Bean
  UserSources userSources(JdbcTemplate jdbc) {
    return new UserSources(jdbc);
  }

  @Bean
  DirectoryChanges directoryChanges(JdbcTemplate jdbc, @Value("${samverkan.directory.node:}") String node) {
    return new DirectoryChanges(jdbc, node == null || node.isBlank() ? hostName() : node);
  }

  /**
   * The sync; the settings are checked first (SourceRules: the functions each source may fill, TLS
   * in prod), so that Samverkan does not start with a directory that could grant what it may not.
   */
  @Bean
  DirectorySync directorySync(DirectorySettings settings, Organisation organisation, Environment environment,
      IdentityService identity, JdbcTemplate jdbc, PlatformTransactionManager transactionManager, DirectoryChanges changes,
      FunctionReconciliation reconciliation, MailOutbox outbox, ScimStore scimStore) {
    SourceRules.check(settings, organisation, environment.acceptsProfiles(Profiles.of("prod")));
    return new DirectorySync(settings, new LdapDirectoryReader(), scimStore, identity, jdbc, transactionManager, changes,
        new DirectoryLock(jdbc), reconciliation, outbox, organisation);
  }

  @Bean
  ScimStore scimStore(JdbcTemplate jdbc, IdentityService identity) {
    return new ScimStore(jdbc, identity);
  }

  @Bean
  ResourceConfigCustomizer directoryResource(DirectorySync sync, DirectoryChanges changes, IdentityService identity) {
    return config -> config.register(new DirectoryResource(sync, changes, identity));
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "okänd nod";
    }
  }
}
