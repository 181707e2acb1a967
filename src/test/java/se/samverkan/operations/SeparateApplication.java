package se.samverkan.operations;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.h2.tools.RunScript;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import se.samverkan.SamverkanApplication;

/**
 * Starts Samverkan a second time inside a test, apart from the shared integration-test context:
 * its own random port, its own engine name and its own in-memory H2 database. Command-line
 * arguments win over the profiles the build passes as system properties.
 */
public final class SeparateApplication {

  /** The order in which the engine itself runs Camunda's create scripts (DbSqlSession). */
  static final List<String> SCHEMA_COMPONENTS = List.of(
      "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history");

  private SeparateApplication() {}

  public static String newH2Url() {
    return "jdbc:h2:mem:separate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
  }

  /** The documented schema step (ops/create-schema.sh), with the H2 flavour of the same scripts. */
  static void createCamundaSchema(String h2Url) throws Exception {
    try (Connection connection = DriverManager.getConnection(h2Url, "sa", "")) {
      for (String component : SCHEMA_COMPONENTS) {
        String script = "/org/camunda/bpm/engine/db/create/activiti.h2.create." + component + ".sql";
        try (Reader reader = new InputStreamReader(
            SeparateApplication.class.getResourceAsStream(script), StandardCharsets.UTF_8)) {
          RunScript.execute(connection, reader);
        }
      }
    }
  }

  public static ConfigurableApplicationContext start(String engineName, String h2Url, String... extraArgs) {
    List<String> args = new ArrayList<>(List.of(
        "--server.port=0",
        "--camunda.bpm.process-engine-name=" + engineName,
        "--camunda.bpm.database.type=h2",
        "--spring.datasource.url=" + h2Url,
        "--spring.datasource.username=sa",
        "--spring.datasource.password=",
        "--camunda.bpm.job-execution.enabled=false",
        "--spring.jmx.enabled=false"));
    args.addAll(List.of(extraArgs));
    try {
      return new SpringApplication(SamverkanApplication.class).run(args.toArray(String[]::new));
    } catch (RuntimeException refused) {
      restoreWebappRuntimeDelegates();
      throw refused;
    }
  }

  /** Closes a second application and gives the shared test context its webapps back (see below). */
  public static void close(ConfigurableApplicationContext context) {
    try {
      context.close();
    } finally {
      restoreWebappRuntimeDelegates();
    }
  }

  /**
   * The webapps keep their runtime delegates in static fields, and a closing (or failing) second
   * application sets them to null for the whole JVM: the shared integration-test context's
   * Tasklist login would then answer 500. The same delegates the webapps' bootstrap creates.
   */
  static void restoreWebappRuntimeDelegates() {
    org.camunda.bpm.admin.Admin.setAdminRuntimeDelegate(new org.camunda.bpm.admin.impl.DefaultAdminRuntimeDelegate());
    org.camunda.bpm.cockpit.Cockpit.setCockpitRuntimeDelegate(
        new org.camunda.bpm.cockpit.impl.DefaultCockpitRuntimeDelegate());
    org.camunda.bpm.tasklist.Tasklist.setTasklistRuntimeDelegate(
        new org.camunda.bpm.tasklist.impl.DefaultTasklistRuntimeDelegate());
    org.camunda.bpm.welcome.Welcome.setRuntimeDelegate(new org.camunda.bpm.welcome.impl.DefaultWelcomeRuntimeDelegate());
  }
}
