package se.samverkan.security;

import java.lang.reflect.Field;

/**
 * Reads and replaces the protected fields of Camunda's command classes (a completion's task id and
 * variables, a comment's task). The engine offers no getters for them and the classes live in
 * org.camunda.bpm.engine.impl.cmd, so this is reflection, kept in this one class. A field that cannot
 * be read throws {@link Unreadable}: the guard then refuses the call (fails closed).
 */
final class CommandFields {

  private CommandFields() {}

  static final class Unreadable extends RuntimeException {
    Unreadable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  static Object read(Object command, String name) {
    try {
      return field(command.getClass(), name).get(command);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new Unreadable(command.getClass().getName() + "." + name, e);
    }
  }

  static String readString(Object command, String name) {
    Object value = read(command, name);
    if (value != null && !(value instanceof String)) {
      throw new Unreadable(command.getClass().getName() + "." + name + " is no String", null);
    }
    return (String) value;
  }

  static void write(Object command, String name, Object value) {
    try {
      field(command.getClass(), name).set(command, value);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new Unreadable(command.getClass().getName() + "." + name, e);
    }
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      try {
        Field field = c.getDeclaredField(name);
        field.setAccessible(true);
        return field;
      } catch (NoSuchFieldException e) {
        // look in the superclass
      }
    }
    throw new NoSuchFieldException(type.getName() + "." + name);
  }
}
