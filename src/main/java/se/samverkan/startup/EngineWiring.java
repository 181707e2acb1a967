package se.samverkan.startup;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.context.ApplicationContext;
import se.samverkan.directory.DirectoryIdentityPlugin;
import se.samverkan.directory.DirectorySettings;
import se.samverkan.engine.EngineSettings;
import se.samverkan.engine.EveryUserTaskPlugin;
import se.samverkan.engine.SwedishWorkingDays;
import se.samverkan.engine.WorkingDayCalendarPlugin;
import se.samverkan.forms.ChecklistCompleteListener;
import se.samverkan.forms.DeployedTaskForms;
import se.samverkan.forms.FormValidationListener;
import se.samverkan.migration.TimeoutListenerProtectionPlugin;
import se.samverkan.modelrules.EngineAddedListeners;
import se.samverkan.modelrules.ModelExpressionPlugin;
import se.samverkan.modelrules.ModelRulesPlugin;
import se.samverkan.notification.NewTaskListener;
import se.samverkan.notification.TaskNotifier;
import se.samverkan.organisation.Organisation;
import se.samverkan.overview.ProjectionPlugin;
import se.samverkan.security.AuthenticatedGroupsPlugin;
import se.samverkan.security.ClaimForOneselfPlugin;
import se.samverkan.security.EngineGuardPlugin;
import se.samverkan.security.StartValidation;
import se.samverkan.security.StartValidationPlugin;
import se.samverkan.tasklist.CaseTaskNames;
import se.samverkan.tasklist.ListColumns;
import se.samverkan.tasklist.TasklistFilters;

/**
 * Samverkan's process engine plugins, in their order: the one list the application
 * ({@link EngineWiringConfiguration}) and the process tests ({@code ProcessTestEngine}) both
 * build the engine with, from plain objects. Spin comes first in both (the Camunda starter's in the
 * application, Camunda's own plugin in the process tests). A new plugin is added here, not as a bean
 * of its own: EngineWiringIT fails when the application's engine has a plugin the process tests lack.
 */
public final class EngineWiring {

  /**
   * What the plugins are built from.
   *
   * @param springBeans the application context, whose published model beans expressions reach; null
   *     in the process tests, whose engine's own bean map holds them
   * @param groupScanPerCommand samverkan.authorization.group-scan-per-command: Camunda's own group
   *     scan instead of {@link AuthenticatedGroupsPlugin}
   * @param directory samverkan.directory: the sources a directory-managed user's password is checked
   *     against (none in the process tests: every account is local there)
   * @param historyLevel samverkan.history.level: {@code full} (the default) or {@code lean}
   *     ({@link se.samverkan.engine.LeanHistoryLevel})
   */
  public record Parts(Organisation organisation, SwedishWorkingDays workingDays, TaskNotifier notifier,
      DeployedTaskForms forms, FormValidationListener formValidation, ChecklistCompleteListener checklistComplete,
      StartValidation startValidation, ApplicationContext springBeans, boolean groupScanPerCommand,
      DirectorySettings directory, String historyLevel) {}

  private EngineWiring() {}

  public static List<ProcessEnginePlugin> plugins(Parts parts) {
    List<ProcessEnginePlugin> plugins = new ArrayList<>();
    plugins.add(new EngineSettings(parts.historyLevel(), TasklistFilters.listColumnVariables()));
    plugins.add(parts.springBeans() == null ? new ModelExpressionPlugin() : new ModelExpressionPlugin(parts.springBeans()));
    plugins.add(new ModelRulesPlugin(parts.organisation()));
    plugins.add(new ClaimForOneselfPlugin());
    plugins.add(new EngineGuardPlugin(parts.forms()));
    plugins.add(new StartValidationPlugin(parts.startValidation()));
    plugins.add(new WorkingDayCalendarPlugin(parts.workingDays()));
    plugins.add(EngineAddedListeners.recipientCheck(parts.organisation()));
    plugins.add(EngineAddedListeners.completionChecks(parts.formValidation(), parts.checklistComplete()));
    plugins.add(new EveryUserTaskPlugin(new CaseTaskNames(parts.organisation())));
    plugins.add(new EveryUserTaskPlugin(new NewTaskListener(parts.notifier())));
    if (!parts.groupScanPerCommand()) {
      plugins.add(new AuthenticatedGroupsPlugin());
    }
    plugins.add(new EveryUserTaskPlugin(new ListColumns()));
    plugins.add(new TimeoutListenerProtectionPlugin());
    plugins.add(new DirectoryIdentityPlugin(parts.directory()));
    plugins.add(new ProjectionPlugin(parts.organisation()));
    return plugins;
  }
}
