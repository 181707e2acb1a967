package se.samverkan.modelrules;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.samverkan.engine.EveryUserTaskPlugin;
import se.samverkan.forms.ChecklistCompleteListener;
import se.samverkan.forms.FormValidationListener;

/**
 * What the engine adds to every user task, so that no model has to carry it ({@link ModelRules}
 * lists what a model must carry): before the model's own complete listeners, the server-side
 * validation of the form, then the to-do checklists. The create listeners (notification, list
 * columns) are added by their features' own {@link EveryUserTaskPlugin}s.
 */
@Configuration
public class EngineAddedListeners {

  public static final String FORM_VALIDATION = "formValidation";
  public static final String CHECKLIST_COMPLETE = "checklistComplete";

  /** The plugin, with the two listeners in their order; the process tests build theirs with it too. */
  public static EveryUserTaskPlugin completionChecks(TaskListener formValidation, TaskListener checklistComplete) {
    Map<String, TaskListener> listeners = new LinkedHashMap<>();
    listeners.put(FORM_VALIDATION, formValidation);
    listeners.put(CHECKLIST_COMPLETE, checklistComplete);
    return EveryUserTaskPlugin.beforeEveryCompletion(listeners);
  }

  @Bean
  EveryUserTaskPlugin completionChecksPlugin(FormValidationListener formValidation,
      ChecklistCompleteListener checklistComplete) {
    return completionChecks(formValidation, checklistComplete);
  }
}
