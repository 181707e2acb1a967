package se.samverkan;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;

/**
 * The process-test engine of {@link ProcessTestEngine} (same beans, plugins and settings) with
 * process test coverage: every test class using {@link #extension()} adds to the report in
 * target/process-test-coverage/. The engine is its own (name "coverage", own H2 database) and is
 * not registered with {@link ProcessEngines}, so BPM Assert in other tests still finds exactly one
 * engine; tests on this engine call {@link #bindAssertions()} before and {@link BpmnAwareTests#reset()}
 * after each test.
 */
public final class CoverageProcessTestEngine {

  /** Where the coverage report lands (HTML and JSON per test class). */
  public static final String REPORT_DIRECTORY = "target/process-test-coverage";

  private static ProcessEngine engine;

  private CoverageProcessTestEngine() {}

  /**
   * The extension for a test class that must pass every flow node and sequence flow of the
   * processes it tests (the build fails below {@code atLeast}); {@code excluded} are processes the
   * class only touches, e.g. one it starts.
   */
  public static ProcessEngineCoverageExtension extension(double atLeast, String... excluded) {
    ProcessEngineCoverageExtension.Builder builder = ProcessEngineCoverageExtension.builder(new ExistingEngine());
    builder.assertClassCoverageAtLeast(atLeast);
    builder.excludeProcessDefinitionKeys(excluded);
    builder.reportDirectory(REPORT_DIRECTORY);
    return builder.build();
  }

  /** Hands the extension the one coverage engine instead of building another. */
  private static final class ExistingEngine extends StandaloneInMemProcessEngineConfiguration {
    @Override
    public ProcessEngine buildProcessEngine() {
      return engine();
    }
  }

  public static void bindAssertions() {
    BpmnAwareTests.init(engine());
  }

  public static synchronized ProcessEngine engine() {
    if (engine == null) {
      StandaloneInMemProcessEngineConfiguration configuration =
          ProcessTestEngine.configuration("jdbc:h2:mem:samverkan-coverage-tests;DB_CLOSE_DELAY=-1");
      configuration.setProcessEngineName("coverage");
      ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
      engine = configuration.buildProcessEngine();
      ProcessEngines.unregister(engine);
    }
    return engine;
  }
}
