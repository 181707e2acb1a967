package se.samverkan.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine settings Samverkan depends on, the same in the application and the process tests.
 * Not operator settings (those stay in application.yaml: the database, the job executor, the
 * history cleanup window, the webapps): changing one of these changes what Samverkan guarantees.
 */
public class EngineSettings extends AbstractProcessEnginePlugin {

  private static final Logger log = LoggerFactory.getLogger(EngineSettings.class);

  /** samverkan.history.level: Camunda's {@code full}, the default. */
  public static final String FULL = "full";
  /** samverkan.history.level: {@link LeanHistoryLevel}, the audit without the bulk (docs/operations.md). */
  public static final String LEAN = "lean";

  private final String historyLevel;
  private final Set<String> taskCopies;

  /** History level {@code full}. */
  public EngineSettings() {
    this(FULL, Set.of());
  }

  /**
   * {@code historyLevel}: {@link #FULL} or {@link #LEAN}; anything else refuses to start.
   * {@code taskCopies}: task-local copies of case variables that {@code lean} keeps no history of
   * (Tasklist's list columns).
   */
  public EngineSettings(String historyLevel, Set<String> taskCopies) {
    if (!FULL.equals(historyLevel) && !LEAN.equals(historyLevel)) {
      throw new IllegalArgumentException("samverkan.history.level är '" + historyLevel + "': välj full eller lean "
          + "(docs/operations.md). / samverkan.history.level must be full or lean.");
    }
    this.historyLevel = historyLevel;
    this.taskCopies = Set.copyOf(taskCopies);
  }

  /** Function ids are lowercase with hyphens (samordnare-lycksele), demo user ids have a dot. */
  public static final String USER_ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9._@-]*";
  public static final String GROUP_ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9_-]*";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // MyBatis's OGNL without a reflective method lookup per expression (CachedOgnlReadMethods, issue 18).
    CachedOgnlReadMethods.install();
    // Samverkan reads the history: the identity-link log of a task (handover), EST's review period,
    // the variables' values. "lean" keeps all of that and the audit of what people changed, without the
    // detail rows of what the engine changed by itself (LeanHistoryLevel).
    if (LEAN.equals(historyLevel)) {
      List<HistoryLevel> custom = new ArrayList<>(configuration.getCustomHistoryLevels() == null ? List.of()
          : configuration.getCustomHistoryLevels());
      custom.add(new LeanHistoryLevel(taskCopies));
      configuration.setCustomHistoryLevels(custom);
      configuration.setHistory(LeanHistoryLevel.NAME);
      configuration.setCustomPreCommandInterceptorsTxRequired(with(configuration.getCustomPreCommandInterceptorsTxRequired()));
      configuration.setCustomPreCommandInterceptorsTxRequiresNew(with(configuration.getCustomPreCommandInterceptorsTxRequiresNew()));
    } else {
      configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
    }
    // Every model carries a history time to live (ModelRules refuses one without).
    configuration.setEnforceHistoryTimeToLive(true);
    // Adding a candidate group grants that group READ + TASK_WORK on the task, nothing more.
    configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
    // A function also reads the history of its own tasks (and nothing else of the history):
    // Tasklist's comments and a task's history tab need it.
    configuration.setEnableHistoricInstancePermissions(true);
    configuration.setUserResourceWhitelistPattern(USER_ID_PATTERN);
    configuration.setGroupResourceWhitelistPattern(GROUP_ID_PATTERN);
    // No Java-serialized variables (Camunda's default, named here): the REST APIs refuse them with
    // 400 before the engine sees them (se.samverkan.errors.ErrorMapping). Object variables in JSON
    // are deserialized only into java.lang and java.util collection types.
    configuration.setJavaSerializationFormatEnabled(false);
    configuration.setDeserializationTypeValidationEnabled(true);
    // No REVOKE authorizations exist in Samverkan: functions get grants only, and the engine refuses
    // to save a REVOKE (security/EngineGuard, for administrators too). So the engine need not look for
    // them: Camunda's default ("auto") asks the database on every command whether the user has any,
    // and its authorization join gets a revoke branch when they do. "never" is safe ONLY while no
    // REVOKE authorization exists; a database that has one (from before this setting) is checked at
    // startup and gets "auto" back (postProcessEngineBuild). docs/benchmark.md (issue 18).
    configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER.equals(configuration.getAuthorizationCheckRevokes())) {
      long revokes = revokeAuthorizations(engine);
      if (revokes > 0) {
        configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO);
        log.warn("Databasen har {} spärrande behörigheter (REVOKE), som Samverkan inte skapar: motorn kontrollerar dem "
            + "därför på varje anrop (authorizationCheckRevokes=auto), vilket gör Tasklist långsammare. Ta bort dem i "
            + "Admin och ge behörigheter som GRANT. / The database holds {} REVOKE authorizations: revoke checks stay on.",
            revokes, revokes);
      }
    }
  }

  private static List<CommandInterceptor> with(List<CommandInterceptor> interceptors) {
    List<CommandInterceptor> all = new ArrayList<>();
    all.add(new SubmittedFields());
    if (interceptors != null) {
      all.addAll(interceptors);
    }
    return all;
  }

  /** The REVOKE authorizations in the database (none, unless created before Samverkan refused them). */
  public static long revokeAuthorizations(ProcessEngine engine) {
    return engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(Authorization.AUTH_TYPE_REVOKE).count();
  }
}
