package se.samverkan.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Makes every command use {@link AuthenticatedGroupsAuthorizationManager} instead of Camunda's
 * AuthorizationManager. The engine registers custom session factories after its own ones, keyed by
 * session type, so this one replaces the default. Registered by se.samverkan.startup.EngineWiring
 * unless {@code samverkan.authorization.group-scan-per-command} is true.
 */
public class AuthenticatedGroupsPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(new AuthorizationManagerFactory());
  }

  static class AuthorizationManagerFactory implements SessionFactory {

    @Override
    public Class<?> getSessionType() {
      return AuthorizationManager.class;
    }

    @Override
    public Session openSession() {
      return new AuthenticatedGroupsAuthorizationManager();
    }
  }
}
