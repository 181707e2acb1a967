package se.samverkan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.ProcessEngines;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samverkan.engine.SwedishTime;
import se.samverkan.engine.EngineSettings;
import se.samverkan.engine.SwedishWorkingDays;
import se.samverkan.escalation.TaskEscalationListener;
import se.samverkan.escalation.TaskReminderListener;
import se.samverkan.forms.ChecklistCompleteListener;
import se.samverkan.forms.DeployedTaskForms;
import se.samverkan.forms.FormValidationListener;
import se.samverkan.modelrules.ModelBeans;
import se.samverkan.modelrules.ModelRulesPlugin;
import se.samverkan.notification.MailOutbox;
import se.samverkan.notification.TaskLinks;
import se.samverkan.notification.TaskNotifier;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationLoader;
import se.samverkan.security.StartValidation;
import se.samverkan.startup.EngineWiring;

/**
 * The engine of the fast process tests: in-memory H2, no job executor (tests drive time with
 * ClockUtil and execute jobs themselves), the same plugins, settings and model beans as the
 * application. Beans are plain objects here; models reference them as ${beanName} as in Spring.
 */
public final class ProcessTestEngine {

  private static final String JDBC_URL = "jdbc:h2:mem:samverkan-process-tests;DB_CLOSE_DELAY=-1";
  public static final SwedishWorkingDays WORKING_DAYS = new SwedishWorkingDays(SwedishTime.ZONE);

  private static final DeployedTaskForms FORMS = new DeployedTaskForms();
  private static final FormValidationListener FORM_VALIDATION = new FormValidationListener(FORMS);
  private static final ChecklistCompleteListener CHECKLIST_COMPLETE = new ChecklistCompleteListener(FORMS);

  private static final se.samverkan.documents.DocumentRenderer DOCUMENT_RENDERER =
      new se.samverkan.documents.DocumentRenderer();

  private static ProcessEngine engine;
  private static MailOutbox outbox;
  private static TaskNotifier notifier;

  private ProcessTestEngine() {}

  /** {@code @RegisterExtension static ProcessEngineExtension engine = ProcessTestEngine.extension();} */
  public static ProcessEngineExtension extension() {
    return ProcessEngineExtension.builder().useProcessEngine(engine()).build();
  }

  public static Organisation organisation() {
    return OrganisationLoader.load(ProcessTestEngine.class.getResourceAsStream("/organisation.yaml"),
        "organisation.yaml");
  }

  /**
   * The beans models may reference, built as Spring builds them: exactly {@link ModelBeans}' list
   * (the engine refuses to start otherwise); EngineWiringIT compares their classes with the
   * application's. The documents are stored in the engine's own database ({@code jdbcUrl}).
   */
  static Map<Object, Object> beans(Organisation organisation, String jdbcUrl) {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("organisation", organisation);
    beans.put("taskReminder", new TaskReminderListener(notifier()));
    beans.put("taskEscalation", new TaskEscalationListener(organisation, notifier()));
    beans.put("formValidation", FORM_VALIDATION);
    beans.put("checklistComplete", CHECKLIST_COMPLETE);
    beans.put("signatureCollector", new se.samverkan.signing.SignatureCollector(organisation));
    beans.put("lawDuties", new se.samverkan.lawduty.LawDuties());
    beans.put("documents", new se.samverkan.documents.Documents(
        new se.samverkan.documents.DocumentStore(new JdbcTemplate(new DriverManagerDataSource(jdbcUrl, "sa", ""))),
        DOCUMENT_RENDERER, new se.samverkan.documents.DocumentSettings(), organisation, Runnable::run));
    beans.put("lessonRecorder", new se.samverkan.lessons.LessonRecorder(organisation));
    beans.put("sharedLessons", new se.samverkan.lessons.SharedLessons());
    beans.put("lists", new se.samverkan.process.TextLists());
    beans.put("lpoVariables", new se.samverkan.agreement.LpoVariables(organisation));
    beans.put("situationPictureCollector", new se.samverkan.agreement.SituationPictureCollector());
    beans.put("situationPictureSummary", new se.samverkan.agreement.SituationPictureSummary());
    beans.put("jointAnalysisRules", new se.samverkan.agreement.JointAnalysisRules(organisation));
    beans.put("citizenDialogCollector", new se.samverkan.agreement.CitizenDialogCollector());
    beans.put("agreementDraftRules", new se.samverkan.agreement.AgreementDraftRules(organisation));
    beans.put("citizenPromiseStarter", new se.samverkan.agreement.CitizenPromiseStarter());
    beans.put("nextAgreementCycle", new se.samverkan.agreement.NextAgreementCycle());
    beans.put("promiseVariables", new se.samverkan.promise.PromiseVariables(organisation));
    beans.put("promiseRules", new se.samverkan.promise.PromiseRules());
    beans.put("promiseActivities", new se.samverkan.promise.PromiseActivities());
    beans.put("activityResultCollector", new se.samverkan.promise.ActivityResultCollector(organisation));
    beans.put("quarterlyReportCollector", new se.samverkan.promise.QuarterlyReportCollector());
    beans.put("followUpRules", new se.samverkan.promise.FollowUpRules());
    beans.put("promiseRenewal", new se.samverkan.promise.PromiseRenewal());
    beans.putAll(se.samverkan.est.EstTestBeans.beans(organisation));
    List<String> missing = ModelBeans.all().stream().map(ModelBeans.Bean::name)
        .filter(name -> !beans.containsKey(name)).toList();
    List<Object> unpublished = beans.keySet().stream().filter(name -> ModelBeans.named(String.valueOf(name)).isEmpty())
        .toList();
    if (!missing.isEmpty() || !unpublished.isEmpty()) {
      throw new IllegalStateException("The process tests' beans are not ModelBeans': missing " + missing
          + ", not published " + unpublished);
    }
    return beans;
  }

  /**
   * The application's plugins ({@link EngineWiring}, the same list in the same order), after Spin
   * (the starter's in the application), and Samverkan's schema (Flyway in the application).
   */
  static List<ProcessEnginePlugin> plugins() {
    Organisation organisation = organisation();
    List<ProcessEnginePlugin> plugins = new ArrayList<>();
    plugins.add(new SpinProcessEnginePlugin());
    plugins.addAll(EngineWiring.plugins(new EngineWiring.Parts(organisation, WORKING_DAYS, notifier(), FORMS,
        FORM_VALIDATION, CHECKLIST_COMPLETE, new StartValidation(organisation), null, false,
        new se.samverkan.directory.DirectorySettings(null, null), EngineSettings.FULL)));
    plugins.add(new SamverkanSchema());
    return plugins;
  }

  /**
   * Samverkan's own tables (db/migration, as Flyway runs them in the application after the engine
   * created its schema), e.g. the agreement periods the start check claims.
   */
  static final class SamverkanSchema extends org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin {
    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
      javax.sql.DataSource dataSource =
          ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
              .getDataSource();
      org.flywaydb.core.Flyway.configure().dataSource(dataSource).table("samverkan_schema_history")
          .locations("classpath:db/migration", "classpath:db/vendor/h2").baselineOnMigrate(true).baselineVersion("0")
          .load().migrate();
    }
  }

  /** Plain JDBC on the engine's H2 database, for the tables of Samverkan's own features. */
  public static JdbcTemplate jdbc() {
    return new JdbcTemplate(new DriverManagerDataSource(JDBC_URL, "sa", ""));
  }

  /** The mail outbox of the process tests: a table in the engine's H2 database. */
  public static synchronized MailOutbox outbox() {
    if (outbox == null) {
      outbox = new MailOutbox(jdbc());
    }
    return outbox;
  }

  public static synchronized TaskNotifier notifier() {
    if (notifier == null) {
      notifier = new TaskNotifier(outbox(), new TaskLinks("http://localhost:8080/camunda/app/tasklist/default/"),
          organisation(), WORKING_DAYS.zone());
    }
    return notifier;
  }

  public static synchronized ProcessEngine engine() {
    if (engine == null) {
      engine = configuration(JDBC_URL).buildProcessEngine();
    }
    return engine;
  }

  /**
   * A separate engine like this one (own H2 database, own name), not registered with
   * ProcessEngines: for a JVM that also runs the application, whose engine the webapps and REST
   * find by the name "default" (EngineWiringIT compares the two).
   */
  public static ProcessEngine unregisteredEngine(String name) {
    StandaloneInMemProcessEngineConfiguration configuration =
        configuration("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName(name);
    ProcessEngine separate = configuration.buildProcessEngine();
    ProcessEngines.unregister(separate);
    return separate;
  }

  /**
   * A separate engine like this one (own H2 database, own name) without the deployment check of
   * models, for tests of what the engine still refuses at run time in a model that got past it.
   */
  public static ProcessEngine engineWithoutModelRules(String name) {
    return engineWithout(name, ModelRulesPlugin.class);
  }

  /**
   * A separate engine like this one (own H2 database, own name) without one of its plugins, e.g. to
   * show what a plugin protects against.
   */
  public static ProcessEngine engineWithout(String name, Class<? extends ProcessEnginePlugin> plugin) {
    StandaloneInMemProcessEngineConfiguration configuration =
        configuration("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName(name);
    configuration.getProcessEnginePlugins().removeIf(plugin::isInstance);
    return configuration.buildProcessEngine();
  }

  /**
   * The beans and plugins every process-test engine shares (this one and CoverageProcessTestEngine),
   * on an in-memory H2 database without job executor; the engine settings come with the plugins
   * ({@link se.samverkan.engine.EngineSettings}).
   */
  static StandaloneInMemProcessEngineConfiguration configuration(String jdbcUrl) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setBeans(beans(organisation(), jdbcUrl));
    configuration.getProcessEnginePlugins().addAll(plugins());
    return configuration;
  }
}
