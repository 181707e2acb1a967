package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The application's engine runs every command with {@link AuthenticatedGroupsAuthorizationManager}. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AuthenticatedGroupsPluginIT {

  @Autowired ProcessEngine engine;

  @Test
  void shouldUseTheAuthorizationManagerWithoutGroupScan() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();

    AuthorizationManager manager = configuration.getCommandExecutorTxRequired()
        .execute(commandContext -> commandContext.getAuthorizationManager());

    assertThat(manager).isInstanceOf(AuthenticatedGroupsAuthorizationManager.class);
  }
}
