package se.samverkan.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import se.samverkan.forms.DeployedTaskForms;

/**
 * Puts {@link EngineGuard} into the engine's command chain, before the transaction and command
 * context are opened, so it sees each call as its caller made it: /engine-rest, the webapps' API and
 * Java callers go through the same chain.
 */
public class EngineGuardPlugin extends AbstractProcessEnginePlugin {

  private final DeployedTaskForms forms;

  public EngineGuardPlugin(DeployedTaskForms forms) {
    this.forms = forms;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new EngineGuard(configuration, forms));
  }
}
