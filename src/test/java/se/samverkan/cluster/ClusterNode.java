package se.samverkan.cluster;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import se.samverkan.engine.EngineSettings;

/**
 * One node of a Samverkan cluster as the cluster test needs it: an engine without the webapps on
 * the shared PostgreSQL database, configured like the application (job executor settings of
 * {@code application.yaml}, the {@code postgres} profile's data source, strong ids, deployment-aware
 * off, history full). {@link #main} runs a node in its own JVM, so that the test can kill it hard.
 */
public final class ClusterNode {

  /** System property: the PostgreSQL schema the test's nodes share (a test must not see the ITs' jobs). */
  public static final String SCHEMA_PROPERTY = "samverkan.cluster.schema";
  public static final String READY = "CLUSTER-NODE-READY";

  private ClusterNode() {}

  /** The application's own configuration: environment, then application-postgres.yaml, then application.yaml. */
  public static StandardEnvironment applicationConfiguration() {
    StandardEnvironment environment = new StandardEnvironment();
    for (String file : List.of("application-postgres.yaml", "application.yaml")) {
      YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
      yaml.setResources(new ClassPathResource(file));
      Properties properties = yaml.getObject();
      environment.getPropertySources().addLast(new PropertiesPropertySource(file, properties));
    }
    return environment;
  }

  public static HikariDataSource dataSource(StandardEnvironment configuration, String schema, int poolSize) {
    HikariDataSource dataSource = new HikariDataSource();
    dataSource.setJdbcUrl(configuration.getRequiredProperty("spring.datasource.url"));
    dataSource.setUsername(configuration.getProperty("spring.datasource.username"));
    dataSource.setPassword(configuration.getProperty("spring.datasource.password"));
    dataSource.setMaximumPoolSize(poolSize);
    dataSource.setSchema(schema);
    return dataSource;
  }

  /**
   * @param lockTimeMillis overrides {@code camunda.bpm.job-execution.lock-time-in-millis} when not null
   *     (the test shortens it so that a dead node's jobs come back in seconds, not minutes)
   */
  public static ProcessEngine start(String nodeName, String schema, Integer lockTimeMillis, boolean jobExecutorActive) {
    StandardEnvironment app = applicationConfiguration();
    String prefix = "camunda.bpm.job-execution.";
    DefaultJobExecutor jobExecutor = new DefaultJobExecutor();
    jobExecutor.setCorePoolSize(app.getRequiredProperty(prefix + "core-pool-size", Integer.class));
    jobExecutor.setMaxPoolSize(app.getRequiredProperty(prefix + "max-pool-size", Integer.class));
    jobExecutor.setQueueSize(app.getRequiredProperty(prefix + "queue-capacity", Integer.class));
    jobExecutor.setMaxJobsPerAcquisition(app.getRequiredProperty(prefix + "max-jobs-per-acquisition", Integer.class));
    jobExecutor.setWaitTimeInMillis(app.getRequiredProperty(prefix + "wait-time-in-millis", Integer.class));
    jobExecutor.setMaxWait(app.getRequiredProperty(prefix + "max-wait", Long.class));
    jobExecutor.setLockTimeInMillis(lockTimeMillis != null ? lockTimeMillis
        : app.getRequiredProperty(prefix + "lock-time-in-millis", Integer.class));
    jobExecutor.setLockOwner(nodeName);

    StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
    configuration.setProcessEngineName("cluster-" + nodeName);
    configuration.setDataSource(dataSource(app, schema, app.getRequiredProperty("spring.datasource.hikari.maximum-pool-size", Integer.class)));
    configuration.setDatabaseSchema(schema);
    configuration.setDatabaseTablePrefix(schema + ".");
    configuration.setDatabaseType(app.getRequiredProperty("camunda.bpm.database.type"));
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    // the history level and the other settings Samverkan depends on, as in the application
    configuration.getProcessEnginePlugins().add(new EngineSettings());
    if (!"strong".equals(app.getRequiredProperty("camunda.bpm.id-generator"))) {
      throw new IllegalStateException("a cluster needs the strong id generator");
    }
    configuration.setIdGenerator(new StrongUuidGenerator());
    configuration.setJobExecutorDeploymentAware(app.getRequiredProperty(prefix + "deployment-aware", Boolean.class));
    configuration.setJobExecutor(jobExecutor);
    configuration.setJobExecutorActivate(jobExecutorActive);
    configuration.setHostname(nodeName);
    configuration.setBeans(Map.of("recordNode", new RecordNodeDelegate(nodeName)));
    return configuration.buildProcessEngine();
  }

  /** {@code java -cp <test class path> se.samverkan.cluster.ClusterNode <node name> [lock time ms]}. */
  public static void main(String[] args) throws IOException {
    String nodeName = args[0];
    Integer lockTime = args.length > 1 ? Integer.valueOf(args[1]) : null;
    ProcessEngine engine = start(nodeName, System.getProperty(SCHEMA_PROPERTY), lockTime, true);
    System.out.println(READY + " " + nodeName);
    System.out.flush();
    // Runs until the test closes our stdin (or kills us); a node never outlives its test.
    InputStream in = System.in;
    while (in.read() != -1) {
      // ignore
    }
    engine.close();
    System.exit(0);
  }
}
