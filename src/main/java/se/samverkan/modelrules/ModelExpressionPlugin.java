package se.samverkan.modelrules;

import java.util.AbstractMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.script.ScriptEngine;
import javax.script.ScriptEngineFactory;
import javax.script.ScriptEngineManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.JuelExpressionManager;
import org.camunda.bpm.engine.impl.scripting.engine.ScriptEngineResolver;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;

/**
 * At run time, what a model's expressions reach is what Samverkan offers models, whatever was
 * deployed: the engine's bean map holds only the beans of {@link ModelBeans} (instead of the whole
 * Spring context, Camunda's default), {@link ModelElResolver} comes first in the expression
 * language's resolver chain, and no script engine runs (JavaScript, Groovy, JUEL scripts alike).
 * The engine builds its resolver chain in its expression manager (JuelExpressionManager /
 * SpringExpressionManager#createElResolver); the two subclasses here only put ModelElResolver in
 * front of it.
 */
public class ModelExpressionPlugin extends AbstractProcessEnginePlugin {

  private final ApplicationContext applicationContext;

  /** Without Spring (the process tests' engine): the configuration's own bean map, limited to the published beans. */
  public ModelExpressionPlugin() {
    this(null);
  }

  public ModelExpressionPlugin(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    Map<Object, Object> beans;
    if (applicationContext != null) {
      beans = new PublishedSpringBeans(applicationContext);
      configuration.setExpressionManager(new RestrictedSpringExpressionManager(applicationContext, beans));
    } else {
      Map<Object, Object> configured = configuration.getBeans() == null ? Map.of() : configuration.getBeans();
      beans = configured.entrySet().stream()
          .filter(bean -> ModelBeans.named(String.valueOf(bean.getKey())).isPresent())
          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
      configuration.setExpressionManager(new RestrictedJuelExpressionManager(beans));
    }
    configuration.setBeans(beans);
    configuration.setScriptEngineResolver(new NoScriptEngines());
  }

  static final class RestrictedJuelExpressionManager extends JuelExpressionManager {
    RestrictedJuelExpressionManager(Map<Object, Object> beans) {
      super(beans);
    }

    @Override
    protected ELResolver createElResolver() {
      return restricted(beans, super.createElResolver());
    }
  }

  static final class RestrictedSpringExpressionManager extends SpringExpressionManager {
    RestrictedSpringExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
      super(applicationContext, beans);
    }

    @Override
    protected ELResolver createElResolver() {
      return restricted(beans, super.createElResolver());
    }
  }

  private static ELResolver restricted(Map<Object, Object> beans, ELResolver engineResolvers) {
    CompositeELResolver resolver = new CompositeELResolver();
    resolver.add(new ModelElResolver(beans));
    resolver.add(engineResolvers);
    return resolver;
  }

  /** The published beans of the Spring context, looked up when an expression names them. */
  static final class PublishedSpringBeans extends AbstractMap<Object, Object> {
    private final ApplicationContext context;

    PublishedSpringBeans(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean containsKey(Object name) {
      return name instanceof String bean && ModelBeans.named(bean).isPresent() && context.containsBean(bean);
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? context.getBean((String) name) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      Map<Object, Object> all = new LinkedHashMap<>();
      ModelBeans.all().stream().filter(bean -> containsKey(bean.name()))
          .forEach(bean -> all.put(bean.name(), context.getBean(bean.name())));
      return all.entrySet();
    }
  }

  /** No scripting language at all: a script in a model (deployed before the check) fails instead of running. */
  static final class NoScriptEngines implements ScriptEngineResolver {
    private final ScriptEngineManager none = new ScriptEngineManager(new ClassLoader(null) {});

    @Override
    public void addScriptEngineFactory(ScriptEngineFactory factory) {
      // Camunda registers its JUEL script engine here; models get none.
    }

    @Override
    public ScriptEngineManager getScriptEngineManager() {
      return none;
    }

    @Override
    public ScriptEngine getScriptEngine(String language, boolean useCache) {
      return null;
    }
  }
}
