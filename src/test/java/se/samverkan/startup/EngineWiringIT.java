package se.samverkan.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.ClassUtils;
import se.samverkan.ProcessTestEngine;
import se.samverkan.modelrules.ModelBeans;

/**
 * The process tests run what production runs: the application's engine (Spring) and the process
 * tests' engine have the same Samverkan plugins in the same order, every other plugin of the
 * application (Spin) has its counterpart, the published model beans are of the same classes, and
 * the engine settings Samverkan depends on are the same. A plugin registered as a bean of its own,
 * outside {@link EngineWiring}, fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EngineWiringIT {

  /** The starter's own configurations: they apply application.yaml (data source, job executor, webapps). */
  private static final String STARTER_CONFIGURATION = "org.camunda.bpm.spring.boot.starter.configuration.";

  /**
   * Spring-only plugins of the starter, each with the reason the process tests do without it. The
   * event publisher hands the engine's task and execution events to Spring {@code @EventListener}s;
   * Samverkan has none (its listeners are engine listeners, in the models or EngineAddedListeners).
   * The class-loader switch sets the Spring application's class loader for the engine's threads;
   * the process tests have one class loader.
   */
  private static final List<String> SPRING_ONLY = List.of(
      "org.camunda.bpm.spring.boot.starter.event.EventPublisherPlugin",
      "org.camunda.bpm.spring.boot.starter.plugin.ApplicationContextClassloaderSwitchPlugin");

  /** Built once, beside the application's engine, without taking its place in ProcessEngines. */
  private static ProcessEngine processTestEngine;

  @Autowired ProcessEngine engine;

  ProcessEngineConfigurationImpl application() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  ProcessEngineConfigurationImpl processTests() {
    synchronized (EngineWiringIT.class) {
      if (processTestEngine == null) {
        processTestEngine = ProcessTestEngine.unregisteredEngine("engine-wiring-comparison");
      }
    }
    return (ProcessEngineConfigurationImpl) processTestEngine.getProcessEngineConfiguration();
  }

  @Test
  void shouldRunTheProcessTestsWithEveryPluginOfTheApplicationInTheSameOrder() {
    List<ProcessEnginePlugin> application = plugins(application().getProcessEnginePlugins()).stream()
        .filter(plugin -> !plugin.getClass().getName().startsWith(STARTER_CONFIGURATION))
        .filter(plugin -> !SPRING_ONLY.contains(plugin.getClass().getName())).toList();
    List<ProcessEnginePlugin> processTests = plugins(processTests().getProcessEnginePlugins());

    assertThat(samverkans(processTests)).containsExactlyElementsOf(samverkans(application));
    assertThat(samverkans(application)).contains("EngineSettings", "ModelExpressionPlugin", "ModelRulesPlugin",
        "ClaimForOneselfPlugin", "EngineGuardPlugin", "StartValidationPlugin", "WorkingDayCalendarPlugin",
        "EveryUserTaskPlugin", "AuthenticatedGroupsPlugin");
    List<String> withoutCounterpart = application.stream().filter(other -> !isSamverkans(other))
        .filter(other -> processTests.stream().noneMatch(plugin -> plugin.getClass().isAssignableFrom(other.getClass())))
        .map(other -> other.getClass().getName()).toList();
    assertThat(withoutCounterpart).as("plugins of the application the process tests lack").isEmpty();
  }

  @Test
  void shouldGiveTheProcessTestsTheApplicationsModelBeans() {
    for (ModelBeans.Bean bean : ModelBeans.all()) {
      Object inApplication = application().getBeans().get(bean.name());
      Object inProcessTests = processTests().getBeans().get(bean.name());
      assertThat(inApplication).as(bean.name()).isNotNull();
      assertThat(inProcessTests).as(bean.name()).isNotNull();
      assertThat(inProcessTests.getClass()).as(bean.name()).isEqualTo(ClassUtils.getUserClass(inApplication));
    }
    assertThat(processTests().getBeans().keySet()).containsExactlyInAnyOrderElementsOf(
        ModelBeans.all().stream().map(ModelBeans.Bean::name).toList());
  }

  @Test
  void shouldRunBothEnginesWithTheSettingsSamverkanDependsOn() {
    List<Function<ProcessEngineConfigurationImpl, Object>> settings = List.of(
        ProcessEngineConfigurationImpl::getHistory,
        ProcessEngineConfigurationImpl::isEnforceHistoryTimeToLive,
        ProcessEngineConfigurationImpl::getDefaultUserPermissionNameForTask,
        ProcessEngineConfigurationImpl::isEnableHistoricInstancePermissions,
        ProcessEngineConfigurationImpl::getUserResourceWhitelistPattern,
        ProcessEngineConfigurationImpl::getGroupResourceWhitelistPattern,
        ProcessEngineConfigurationImpl::isJavaSerializationFormatEnabled,
        ProcessEngineConfigurationImpl::isDeserializationTypeValidationEnabled);
    for (Function<ProcessEngineConfigurationImpl, Object> setting : settings) {
      assertThat(setting.apply(processTests())).isEqualTo(setting.apply(application()));
    }
    assertThat(application().getHistory()).isEqualTo("full");
    assertThat(application().getDefaultUserPermissionNameForTask()).isEqualTo("TASK_WORK");
    assertThat(application().isJavaSerializationFormatEnabled()).isFalse();
  }

  private static List<ProcessEnginePlugin> plugins(List<ProcessEnginePlugin> plugins) {
    List<ProcessEnginePlugin> flat = new ArrayList<>();
    for (ProcessEnginePlugin plugin : plugins) {
      if (plugin instanceof CompositeProcessEnginePlugin composite) {
        flat.addAll(plugins(composite.getPlugins()));
      } else {
        flat.add(plugin);
      }
    }
    return flat;
  }

  private static boolean isSamverkans(ProcessEnginePlugin plugin) {
    return plugin.getClass().getName().startsWith("se.samverkan.");
  }

  /** Samverkan's plugins in order, by class; the process tests' own schema plugin (Flyway in the application) left out. */
  private static List<String> samverkans(List<ProcessEnginePlugin> plugins) {
    return plugins.stream().filter(EngineWiringIT::isSamverkans)
        .filter(plugin -> !plugin.getClass().getName().equals(ProcessTestEngine.class.getName() + "$SamverkanSchema"))
        .map(plugin -> plugin.getClass().getSimpleName()).toList();
  }
}
