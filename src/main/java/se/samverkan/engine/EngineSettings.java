package se.samverkan.engine;

import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * The engine settings Samverkan depends on, the same in the application and the process tests.
 * Not operator settings (those stay in application.yaml: the database, the job executor, the
 * history cleanup window, the webapps): changing one of these changes what Samverkan guarantees.
 */
public class EngineSettings extends AbstractProcessEnginePlugin {

  /** Function ids are lowercase with hyphens (samordnare-lycksele), demo user ids have a dot. */
  public static final String USER_ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9._@-]*";
  public static final String GROUP_ID_PATTERN = "[a-zA-Z0-9][a-zA-Z0-9_-]*";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    // Samverkan reads the history: the identity-link log of a task (handover), EST's review period.
    configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
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
  }
}
