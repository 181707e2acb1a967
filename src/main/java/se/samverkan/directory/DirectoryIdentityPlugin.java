package se.samverkan.directory;

import java.util.concurrent.atomic.AtomicBoolean;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;

/**
 * Installs {@link DirectoryIdentityProvider} as the engine's identity provider (read-only and
 * writable alike), so that every password check (webapp login, HTTP Basic) and every identity write
 * (REST, Admin, Java) goes through it.
 */
public class DirectoryIdentityPlugin extends AbstractProcessEnginePlugin {

  private final DirectorySettings settings;
  private final AtomicBoolean tablesPresent = new AtomicBoolean();

  public DirectoryIdentityPlugin(DirectorySettings settings) {
    this.settings = settings == null ? new DirectorySettings(null, null) : settings;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setIdentityProviderSessionFactory(new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return DirectoryIdentityProvider.class;
      }

      @Override
      public Session openSession() {
        return new DirectoryIdentityProvider(settings, tablesPresent);
      }
    });
  }
}
