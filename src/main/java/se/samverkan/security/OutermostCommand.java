package se.samverkan.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.EvaluateStartConditionCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Remembers the command a call into the engine began with. A process started by a person begins
 * with a start command; a process started by another process (a delegate sending a start message
 * while a task is completed) begins with that task's completion, and its starter was checked then.
 */
class OutermostCommand extends CommandInterceptor {

  private static final ThreadLocal<Command<?>> OUTERMOST = new ThreadLocal<>();

  private static final Set<Class<?>> STARTS = Set.of(StartProcessInstanceCmd.class,
      StartProcessInstanceAtActivitiesCmd.class, SubmitStartFormCmd.class, CorrelateMessageCmd.class,
      CorrelateAllMessageCmd.class, MessageEventReceivedCmd.class, SignalEventReceivedCmd.class,
      EvaluateStartConditionCmd.class);

  @Override
  public <T> T execute(Command<T> command) {
    if (OUTERMOST.get() != null) {
      return next.execute(command);
    }
    OUTERMOST.set(command);
    try {
      return next.execute(command);
    } finally {
      OUTERMOST.remove();
    }
  }

  /** True when the command is the one the current call into the engine began with, not one nested in it. */
  static boolean isOutermost(Command<?> command) {
    return OUTERMOST.get() == command;
  }

  /** True when the current call into the engine is a start made directly by its caller. */
  static boolean isDirectStart() {
    Command<?> command = OUTERMOST.get();
    return command != null && STARTS.contains(command.getClass());
  }
}
