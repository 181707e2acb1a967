package se.samverkan.engine;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * The variables the call into the engine was sent with by its caller: a task's completion or form
 * submission (a person in Tasklist, a REST client, Samverkan's tests), or a start form. Read by
 * {@link LeanHistoryLevel}, which keeps the detail history of exactly these. Set for the outermost
 * command only; commands inside it (listeners, delegates) see the same set.
 */
public final class SubmittedFields extends CommandInterceptor {

  private static final ThreadLocal<Set<String>> CURRENT = new ThreadLocal<>();

  /** Whether the variable was among those the caller of the running command sent. */
  static boolean includes(String name) {
    Set<String> names = CURRENT.get();
    return names != null && names.contains(name);
  }

  @Override
  public <T> T execute(Command<T> command) {
    if (CURRENT.get() != null) {
      return next.execute(command);
    }
    CURRENT.set(namesOf(command));
    try {
      return next.execute(command);
    } finally {
      CURRENT.remove();
    }
  }

  private static Set<String> namesOf(Command<?> command) {
    String field = command instanceof CompleteTaskCmd || command instanceof SubmitStartFormCmd ? "variables"
        : command instanceof SubmitTaskFormCmd ? "properties" : null;
    if (field == null) {
      return Set.of();
    }
    Object variables = read(command, field);
    return variables instanceof Map<?, ?> map ? Set.copyOf(map.keySet().stream().map(String::valueOf).toList()) : Set.of();
  }

  private static Object read(Object command, String name) {
    for (Class<?> type = command.getClass(); type != null; type = type.getSuperclass()) {
      try {
        java.lang.reflect.Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field.get(command);
      } catch (NoSuchFieldException e) {
        // look in the superclass
      } catch (IllegalAccessException | RuntimeException e) {
        return null;
      }
    }
    return null;
  }
}
