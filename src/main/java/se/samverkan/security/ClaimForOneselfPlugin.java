package se.samverkan.security;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AddUserIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SetTaskOwnerCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A function user takes a task for themselves only: claiming, assigning, delegating, making an
 * owner or a candidate user with another person's user id is refused (403, Swedish), since it
 * would give that person the task and the engine's grants on it. Administrators
 * ({@link FunctionAuthorizations#ADMINISTRATORS} and the engine's admin users) may. Giving a task
 * back (claim or assign with no user) stays allowed: Tasklist's "unclaim" is an assignment to nobody,
 * for which the engine wants TASK_ASSIGN, a permission no function has, so a function user's
 * unclaim of a task assigned to themselves runs as a claim without a user (TASK_WORK, which the
 * function has). Only the command a caller gives the engine is
 * checked, not the commands the engine and our own listeners run inside it, and nothing without an
 * authenticated user (timers, job executor, the reconciliation). In the engine, so that
 * /engine-rest and Tasklist's own API (/camunda/api/engine) are covered alike.
 */
public class ClaimForOneselfPlugin extends AbstractProcessEnginePlugin {

  static final String REFUSAL = "Du kan bara ta en uppgift själv: att tilldela, delegera eller ta en uppgift åt "
      + "någon annan får bara en administratör göra.";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(new ClaimForOneself(configuration));
  }

  /**
   * Reads the user id out of Camunda's command objects (impl classes, no public getter): the only
   * place where every way of giving a task to a person meets, whichever API was called.
   */
  static class ClaimForOneself extends CommandInterceptor {

    private static final Set<Class<?>> GIVING_A_TASK = Set.of(ClaimTaskCmd.class, AssignTaskCmd.class,
        DelegateTaskCmd.class, SetTaskOwnerCmd.class, AddUserIdentityLinkCmd.class);
    private static final ThreadLocal<Integer> DEPTH = ThreadLocal.withInitial(() -> 0);

    private final ProcessEngineConfigurationImpl configuration;

    ClaimForOneself(ProcessEngineConfigurationImpl configuration) {
      this.configuration = configuration;
    }

    @Override
    public <T> T execute(Command<T> command) {
      int depth = DEPTH.get();
      Command<T> toRun = command;
      if (depth == 0) {
        toRun = check(command);
      }
      DEPTH.set(depth + 1);
      try {
        return next.execute(toRun);
      } finally {
        if (depth == 0) {
          DEPTH.remove();
        } else {
          DEPTH.set(depth);
        }
      }
    }

    /** The command to run instead: the given one, or for a function user's unclaim, a claim without a user. */
    @SuppressWarnings("unchecked")
    private <T> Command<T> check(Command<T> command) {
      if (!GIVING_A_TASK.contains(command.getClass())) {
        return command;
      }
      IdentityService identity = configuration.getIdentityService();
      Authentication authentication = identity.getCurrentAuthentication();
      if (authentication == null || authentication.getUserId() == null || Administrators.includes(authentication.getUserId(), authentication.getGroupIds(), configuration)) {
        return command;
      }
      String target = userId(command);
      if (target != null && !target.equals(authentication.getUserId())) {
        throw new AuthorizationException(REFUSAL);
      }
      if (target == null && command instanceof AssignTaskCmd) {
        return (Command<T>) new GiveBackOwnTask(CommandFields.readString(command, "taskId"), authentication.getUserId(),
            (Command<Void>) command);
      }
      return command;
    }

    /**
     * An unclaim by the task's assignee: run as {@link ClaimTaskCmd} without a user, which checks
     * TASK_WORK; anyone else's assignment to nobody runs unchanged, under the engine's own checks.
     */
    private record GiveBackOwnTask(String taskId, String userId, Command<Void> original) implements Command<Void> {
      @Override
      public Void execute(CommandContext commandContext) {
        TaskEntity task = taskId == null ? null : commandContext.getTaskManager().findTaskById(taskId);
        if (task != null && userId.equals(task.getAssignee())) {
          return new ClaimTaskCmd(taskId, null).execute(commandContext);
        }
        return original.execute(commandContext);
      }
    }

    private static String userId(Command<?> command) {
      for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
        try {
          Field field = type.getDeclaredField("userId");
          field.setAccessible(true);
          return (String) field.get(command);
        } catch (NoSuchFieldException notHere) {
          // look in the superclass
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("userId of " + command.getClass().getName() + " not readable", e);
        }
      }
      throw new IllegalStateException("No userId in " + command.getClass().getName());
    }
  }
}
