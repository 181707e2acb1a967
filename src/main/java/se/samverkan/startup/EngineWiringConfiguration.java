package se.samverkan.startup;

import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkan.directory.DirectorySettings;
import se.samverkan.engine.SwedishWorkingDays;
import se.samverkan.forms.ChecklistCompleteListener;
import se.samverkan.forms.DeployedTaskForms;
import se.samverkan.forms.FormValidationListener;
import se.samverkan.notification.TaskNotifier;
import se.samverkan.organisation.Organisation;
import se.samverkan.security.StartValidation;

/** The application's engine plugins: {@link EngineWiring}'s list, as one bean the Camunda starter applies. */
@Configuration
class EngineWiringConfiguration {

  @Bean
  CompositeProcessEnginePlugin samverkanEnginePlugins(Organisation organisation, SwedishWorkingDays workingDays,
      TaskNotifier notifier, DeployedTaskForms forms, FormValidationListener formValidation,
      ChecklistCompleteListener checklistComplete, StartValidation startValidation, ApplicationContext context, DirectorySettings directory,
      @Value("${samverkan.authorization.group-scan-per-command:false}") boolean groupScanPerCommand,
      @Value("${samverkan.history.level:full}") String historyLevel) {
    return new CompositeProcessEnginePlugin(EngineWiring.plugins(new EngineWiring.Parts(organisation, workingDays,
        notifier, forms, formValidation, checklistComplete, startValidation, context, groupScanPerCommand,
        directory, historyLevel)));
  }
}
