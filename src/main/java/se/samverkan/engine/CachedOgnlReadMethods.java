package se.samverkan.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;

/**
 * OGNL's property reads for MyBatis, with the read method looked up once per class and name.
 *
 * <p>MyBatis evaluates the {@code test} expressions of Camunda's SQL mappings with OGNL on every
 * statement (a task query has hundreds). For a property without a JavaBean getter, such as
 * {@code authCheck.isHistoricInstancePermissionsEnabled} in every authorization check, OGNL's own
 * accessor caches nothing and looks the method up again on every evaluation
 * ({@code OgnlRuntime.getReadMethod}: {@code Class.getMethods()} copied and every name compared
 * case-insensitively): 7 % of the CPU of Tasklist's requests in Java Flight Recorder
 * (docs/benchmark.md, issue 18). This accessor finds the method with OGNL's own two lookups
 * ({@code getGetMethod}, then {@code getReadMethod}), remembers it, checks access and invokes it as
 * OGNL does; a name without a readable method is read as OGNL then reads it, as a field or not at all.
 */
public final class CachedOgnlReadMethods extends ObjectPropertyAccessor {

  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private final ClassValue<Map<String, Optional<Method>>> readMethods = new ClassValue<>() {
    @Override
    protected Map<String, Optional<Method>> computeValue(Class<?> type) {
      return new ConcurrentHashMap<>();
    }
  };

  /**
   * Makes this OGNL's accessor for every class without one of its own (maps, lists and arrays keep
   * theirs), once per JVM. Before the first statement: OGNL remembers a class's accessor once used.
   */
  public static void install() {
    if (INSTALLED.compareAndSet(false, true)) {
      OgnlRuntime.setPropertyAccessor(Object.class, new CachedOgnlReadMethods());
    }
  }

  @Override
  public Object getPossibleProperty(OgnlContext context, Object target, String name) throws OgnlException {
    if (target == null) {
      return super.getPossibleProperty(context, target, name);
    }
    Class<?> type = target.getClass();
    Optional<Method> read = readMethods.get(type).computeIfAbsent(name, n -> Optional.ofNullable(readMethod(type, n)));
    try {
      if (read.isEmpty() || !context.getMemberAccess().isAccessible(context, target, read.get(), name)) {
        // what OGNL's accessor does when no readable method is found, without looking for one again:
        // the field, or NotFound
        return OgnlRuntime.getFieldValue(context, target, name, true);
      }
      return OgnlRuntime.invokeMethod(target, read.get(), OgnlRuntime.NoArguments);
    } catch (InvocationTargetException e) {
      throw new OgnlException(name, e.getTargetException());
    } catch (ReflectiveOperationException | RuntimeException e) {
      // as OGNL's accessor wraps them
      throw new OgnlException(name, e);
    }
  }

  private static Method readMethod(Class<?> type, String name) {
    Method getter = OgnlRuntime.getGetMethod(type, name);
    return getter != null ? getter : OgnlRuntime.getReadMethod(type, name, null);
  }
}
