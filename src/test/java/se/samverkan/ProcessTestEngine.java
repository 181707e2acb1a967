package se.samverkan;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import se.samverkan.engine.EveryUserTaskPlugin;
import se.samverkan.engine.SwedishWorkingDays;
import se.samverkan.engine.WorkingDayCalendarPlugin;
import se.samverkan.escalation.TaskEscalationListener;
import se.samverkan.escalation.TaskReminderListener;
import se.samverkan.forms.FormValidationListener;
import se.samverkan.modelrules.ModelExpressionPlugin;
import se.samverkan.modelrules.ModelRulesPlugin;
import se.samverkan.notification.MailOutbox;
import se.samverkan.notification.NewTaskListener;
import se.samverkan.notification.TaskLinks;
import se.samverkan.notification.TaskNotifier;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationLoader;
import se.samverkan.security.AuthenticatedGroupsPlugin;
import se.samverkan.security.StartValidation;
import se.samverkan.security.StartValidationPlugin;
import se.samverkan.tasklist.ListColumns;

/**
 * The engine of the fast process tests: in-memory H2, no job executor (tests drive time with
 * ClockUtil and execute jobs themselves), the same plugins and beans as the application.
 * Beans are plain objects here; models reference them as ${beanName} as in Spring.
 */
public final class ProcessTestEngine {

  private static final String JDBC_URL = "jdbc:h2:mem:samverkan-process-tests;DB_CLOSE_DELAY=-1";
  public static final SwedishWorkingDays WORKING_DAYS = new SwedishWorkingDays(java.time.ZoneId.of("Europe/Stockholm"));

  private static final se.samverkan.forms.DeployedTaskForms FORMS = new se.samverkan.forms.DeployedTaskForms();

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

  /** The beans models may reference. Add the beans of a new feature here. */
  static Map<Object, Object> beans(Organisation organisation) {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("organisation", organisation);
    beans.put("taskReminder", new TaskReminderListener(notifier()));
    beans.put("taskEscalation", new TaskEscalationListener(organisation, notifier()));
    beans.put("formValidation", new FormValidationListener(FORMS));
    beans.put("checklistComplete", new se.samverkan.forms.ChecklistCompleteListener(FORMS));
    beans.put("signatureCollector", new se.samverkan.signing.SignatureCollector(organisation));
    beans.put("lawDuties", new se.samverkan.lawduty.LawDuties());
    beans.put("lessonRecorder", new se.samverkan.lessons.LessonRecorder(organisation));
    beans.put("sharedLessons", new se.samverkan.lessons.SharedLessons());
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
    return beans;
  }

  static List<ProcessEnginePlugin> plugins() {
    return List.of(new SpinProcessEnginePlugin(), new WorkingDayCalendarPlugin(WORKING_DAYS),
        new EveryUserTaskPlugin(new NewTaskListener(notifier())), new EveryUserTaskPlugin(new ListColumns()),
        se.samverkan.modelrules.EngineAddedListeners.completionChecks(
            new FormValidationListener(FORMS), new se.samverkan.forms.ChecklistCompleteListener(FORMS)),
        new ModelRulesPlugin(organisation()),
        new ModelExpressionPlugin(), new AuthenticatedGroupsPlugin(), new StartValidationPlugin(new StartValidation(organisation())),
        new SamverkanSchema());
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
   * A separate engine like this one (own H2 database, own name) without the deployment check of
   * models, for tests of what the engine still refuses at run time in a model that got past it.
   */
  public static ProcessEngine engineWithoutModelRules(String name) {
    StandaloneInMemProcessEngineConfiguration configuration =
        configuration("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName(name);
    configuration.getProcessEnginePlugins().removeIf(plugin -> plugin instanceof ModelRulesPlugin);
    return configuration.buildProcessEngine();
  }

  /**
   * The settings, beans and plugins every process-test engine shares (this one and
   * CoverageProcessTestEngine), mirroring application.yaml, on an in-memory H2 database.
   */
  static StandaloneInMemProcessEngineConfiguration configuration(String jdbcUrl) {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl(jdbcUrl);
    configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
    configuration.setJobExecutorActivate(false);
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    configuration.setEnforceHistoryTimeToLive(true);
    configuration.setUserResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9._@-]*");
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9][a-zA-Z0-9_-]*");
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setBeans(beans(organisation()));
    configuration.getProcessEnginePlugins().addAll(plugins());
    return configuration;
  }
}
