package se.samverkan.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the engine checks authorizations; the Camunda starter applies every ProcessEnginePlugin bean. */
@Configuration
class AuthorizationConfiguration {

  @Bean
  @ConditionalOnProperty(name = "samverkan.authorization.group-scan-per-command", havingValue = "false",
      matchIfMissing = true)
  AuthenticatedGroupsPlugin authenticatedGroupsPlugin() {
    return new AuthenticatedGroupsPlugin();
  }
}
