package se.samverkan.benchmark;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * The benchmark's view into a request (issue 18: "the number of statements per request"): the
 * application's DataSource wrapped so that every statement a request thread executes is counted and
 * timed (execute, query, update, batch, commit), for the request that carries the header
 * {@value #HEADER}. Added to the in-process Samverkan by the benchmark only, as a source of its
 * application builder (no {@code @Configuration}: the tests' component scan must not find it).
 */
public class StatementCounter {

  static final String HEADER = "X-Benchmark-Request";

  /** What one request did in the database: statements, and the time spent in them (ns, as the driver returned). */
  record Usage(AtomicLong statements, AtomicLong nanos, java.util.List<String> sql) {
    static Usage empty() {
      return new Usage(new AtomicLong(), new AtomicLong(), new java.util.concurrent.CopyOnWriteArrayList<>());
    }
  }

  private static final Map<String, Usage> BY_REQUEST = new ConcurrentHashMap<>();
  private static final ThreadLocal<Usage> CURRENT = new ThreadLocal<>();
  private static final Set<String> COUNTED = Set.of("execute", "executeQuery", "executeUpdate", "executeBatch",
      "executeLargeUpdate", "executeLargeBatch", "commit", "rollback");

  /** The usage of the request sent with {@code HEADER: id}, removed from the table; empty if none was seen. */
  static Usage take(String id) {
    Usage usage = BY_REQUEST.remove(id);
    return usage == null ? Usage.empty() : usage;
  }

  @Bean
  static BeanPostProcessor countingDataSource() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass()) ? wrap(dataSource) : bean;
      }
    };
  }

  @Bean
  FilterRegistrationBean<Filter> benchmarkRequestFilter() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
      String id = request instanceof HttpServletRequest http ? http.getHeader(HEADER) : null;
      if (id == null) {
        chain.doFilter(request, response);
        return;
      }
      Usage usage = Usage.empty();
      BY_REQUEST.put(id, usage);
      CURRENT.set(usage);
      try {
        chain.doFilter(request, response);
      } finally {
        CURRENT.remove();
      }
    });
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
    registration.addUrlPatterns("/*");
    return registration;
  }

  static DataSource wrap(DataSource target) {
    return (DataSource) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          return result instanceof Connection connection ? proxy(Connection.class, connection, null) : result;
        });
  }

  /** {@code sql}: the statement's text when prepared (null for a connection or a plain statement). */
  private static <T> T proxy(Class<T> type, T target, String sql) {
    InvocationHandler handler = (proxy, method, args) -> {
      Usage usage = CURRENT.get();
      boolean counted = usage != null && COUNTED.contains(method.getName());
      long start = counted ? System.nanoTime() : 0;
      Object result = invoke(target, method, args);
      if (counted) {
        long nanos = System.nanoTime() - start;
        usage.nanos().addAndGet(nanos);
        usage.statements().incrementAndGet();
        String text = sql != null ? sql : args != null && args.length > 0 && args[0] instanceof String s ? s : method.getName();
        usage.sql().add(String.format(java.util.Locale.ROOT, "%.2f ms: %s", nanos / 1e6, text.replaceAll("\\s+", " ").trim()));
      }
      String prepared = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
      if (result instanceof CallableStatement statement) {
        return proxy(CallableStatement.class, statement, prepared);
      }
      if (result instanceof PreparedStatement statement) {
        return proxy(PreparedStatement.class, statement, prepared);
      }
      if (result instanceof Statement statement && !(target instanceof Statement)) {
        return proxy(Statement.class, statement, null);
      }
      return result;
    };
    return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
