package se.samverkan.security;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Refuses a function user the commands that start or move a process past its start checks:
 * starting with instructions (startBeforeActivity, startAfterActivity, startTransition; the only
 * start that takes skipCustomListeners and skipIoMappings), restarting ended instances, and
 * modifying instances (also with skipped listeners or mappings). Administrators and the engine's
 * own work keep them. Both REST applications reach the engine through these commands.
 */
class StartGuard extends CommandInterceptor {

  private static final List<Class<?>> REFUSED = List.of(StartProcessInstanceAtActivitiesCmd.class,
      AbstractRestartProcessInstanceCmd.class, ModifyProcessInstanceCmd.class,
      ModifyProcessInstanceAsyncCmd.class, AbstractModificationCmd.class);

  private final ProcessEngineConfigurationImpl configuration;

  StartGuard(ProcessEngineConfigurationImpl configuration) {
    this.configuration = configuration;
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (REFUSED.stream().anyMatch(type -> type.isInstance(command))
        && StartValidation.Starter.current(configuration).map(s -> !s.administrator())
            .orElse(false)) {
      throw new AuthorizationException(command instanceof StartProcessInstanceAtActivitiesCmd
          ? "Du kan bara starta en process från dess början: start vid en vald aktivitet, och att hoppa över "
              + "processens lyssnare eller in- och utmappningar, är inte tillåtet för funktioner."
          : "Att starta om eller ändra en process (modifiering) är inte tillåtet för funktioner; "
              + "det gör förvaltningens administratör.");
    }
    return next.execute(command);
  }
}
