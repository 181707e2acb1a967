package se.samverkan.modelrules;

import java.beans.FeatureDescriptor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;

/**
 * First in the engine's resolver chain: at run time no expression reaches Java reflection, the
 * engine or its services, the engine API behind {@code execution}/{@code task} beyond variables and
 * ids, Spin's {@code mapTo}, or a published bean's methods beyond those in {@link ModelBeans}, even
 * in a model deployed before the deployment check existed. It resolves nothing itself: what it does
 * not refuse goes on to the engine's own resolvers.
 */
final class ModelElResolver extends ELResolver {

  /** Bases no expression may call or read anything on. */
  private static final List<Class<?>> DENIED_TYPES = List.of(Class.class, ClassLoader.class, Runtime.class,
      ProcessBuilder.class, Process.class, Thread.class, System.class, java.lang.reflect.AccessibleObject.class,
      java.lang.reflect.Member.class, java.lang.invoke.MethodHandle.class, java.lang.invoke.MethodHandles.Lookup.class,
      Module.class, ProcessEngineServices.class, ProcessEngine.class, ProcessEngineConfiguration.class,
      org.camunda.bpm.engine.impl.interceptor.CommandContext.class,
      org.camunda.bpm.engine.impl.interceptor.CommandExecutor.class,
      javax.sql.DataSource.class, java.sql.Connection.class, javax.script.ScriptEngine.class,
      javax.script.ScriptEngineManager.class);

  private static final String SERVICE_PACKAGE = "org.camunda.bpm.engine.";

  private final Map<Object, Object> beans;

  ModelElResolver(Map<Object, Object> beans) {
    this.beans = beans;
  }

  @Override
  public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
    if (base == null || method == null) {
      return null;
    }
    String name = method.toString();
    deniedBase(base, name + "()");
    if (ModelExpressions.REFLECTION_METHODS.contains(name)) {
      throw refused(name + "()", "Java-reflektion och motorns tjänster nås inte från en modell");
    }
    if (base instanceof VariableScope && !ModelExpressions.EXECUTION_METHODS.contains(name)) {
      throw refused(name + "()", "av motorns API når en modell bara variabler och id:n");
    }
    if ("mapTo".equals(name) && base.getClass().getName().startsWith("org.camunda.spin.")) {
      throw refused(name + "()", "Spins mapTo bygger godtyckliga Java-klasser");
    }
    if (base.getClass().getName().startsWith("se.samverkan.")) {
      ModelBeans.Bean bean = publishedBean(base);
      if (bean != null && !bean.methods().contains(name)) {
        throw refused(bean.name() + "." + name + "()", "bönan erbjuder inte den metoden modeller");
      }
    }
    return null;
  }

  @Override
  public Object getValue(ELContext context, Object base, Object property) {
    check(base, property);
    return null;
  }

  @Override
  public Class<?> getType(ELContext context, Object base, Object property) {
    check(base, property);
    return null;
  }

  @Override
  public void setValue(ELContext context, Object base, Object property, Object value) {
    check(base, property);
  }

  @Override
  public boolean isReadOnly(ELContext context, Object base, Object property) {
    check(base, property);
    return false;
  }

  @Override
  public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
    return null;
  }

  @Override
  public Class<?> getCommonPropertyType(ELContext context, Object base) {
    return null;
  }

  private void check(Object base, Object property) {
    if (base == null || property == null) {
      return; // a root identifier: variables, execution/task, the published beans only
    }
    String name = property.toString();
    deniedBase(base, name);
    if (ModelExpressions.DENIED_PROPERTIES.contains(name)) {
      throw refused(name, "Java-reflektion och motorns tjänster nås inte från en modell");
    }
    if (base instanceof VariableScope && !ModelExpressions.EXECUTION_PROPERTIES.contains(name)) {
      throw refused(name, "av motorns API når en modell bara variabler och id:n");
    }
    if (base.getClass().getName().startsWith("se.samverkan.") && publishedBean(base) != null) {
      throw refused(name, "en böna används bara genom sina metoder");
    }
  }

  private static void deniedBase(Object base, String what) {
    for (Class<?> type : DENIED_TYPES) {
      if (type.isInstance(base)) {
        throw refused(what, "Java-reflektion och motorns tjänster nås inte från en modell");
      }
    }
    if (isEngineService(base.getClass())) {
      throw refused(what, "motorns tjänster nås inte från en modell");
    }
  }

  /** RuntimeService, IdentityService, … : the engine's public service interfaces. */
  private static boolean isEngineService(Class<?> type) {
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        if (i.getName().startsWith(SERVICE_PACKAGE) && i.getName().indexOf('.', SERVICE_PACKAGE.length()) < 0
            && i.getSimpleName().endsWith("Service")) {
          return true;
        }
      }
    }
    return false;
  }

  private ModelBeans.Bean publishedBean(Object base) {
    for (ModelBeans.Bean bean : ModelBeans.all()) {
      if (beans.containsKey(bean.name()) && beans.get(bean.name()) == base) {
        return bean;
      }
    }
    return null;
  }

  private static ELException refused(String what, String why) {
    return new ELException("Uttrycket i modellen vägras: '" + what + "' (" + why + ").");
  }
}
