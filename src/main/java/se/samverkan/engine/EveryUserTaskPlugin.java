package se.samverkan.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.util.xml.Element;

/**
 * Adds listeners to every user task of every model at parse time, without the process owner having
 * to remember them in Modeler: checks of the new task before everything else ({@link #checkEveryCreation}:
 * who it goes to), create listeners after the model's own (the task's name for its case,
 * CaseTaskNames; the notification of the function, NewTaskListener; the columns of Tasklist's lists,
 * ListColumns), and complete listeners
 * before the model's own ({@link #beforeEveryCompletion}: server-side form validation, then the
 * checklist), so that a model's collector (e.g. {@code ${situationPictureCollector}}) only ever sees
 * values that passed them.
 *
 * <p>The complete listeners are the task definition's built-in listeners (TaskDefinition keeps
 * built-in and model listeners apart and runs the built-in ones first, even when custom listeners
 * are skipped). A model from before they were added by the engine may still declare them as
 * {@code ${name}}; that declaration is taken out of the model's list (TaskDefinition hands out its
 * live list) so that the listener runs once, and first.
 */
public class EveryUserTaskPlugin extends AbstractProcessEnginePlugin {

  private final List<TaskListener> beforeCreation;
  private final List<TaskListener> onCreate;
  private final Map<String, TaskListener> beforeCompletion;

  /** A create listener for every user task, run after the model's own create listeners. */
  public EveryUserTaskPlugin(TaskListener createListener) {
    this(List.of(), List.of(createListener), Map.of());
  }

  private EveryUserTaskPlugin(List<TaskListener> beforeCreation, List<TaskListener> onCreate,
      Map<String, TaskListener> beforeCompletion) {
    this.beforeCreation = List.copyOf(beforeCreation);
    this.onCreate = List.copyOf(onCreate);
    this.beforeCompletion = beforeCompletion;
  }

  /**
   * A check of every new user task, run first of its create listeners (a built-in listener: before
   * the model's own and the other plugins', also when custom listeners are skipped); what it throws
   * fails the transaction that creates the task.
   */
  public static EveryUserTaskPlugin checkEveryCreation(TaskListener check) {
    return new EveryUserTaskPlugin(List.of(check), List.of(), Map.of());
  }

  /**
   * Complete listeners for every user task, in this order and before the model's own, each under
   * the bean name a model would reference it by ({@code ${name}}).
   */
  public static EveryUserTaskPlugin beforeEveryCompletion(Map<String, TaskListener> listenersByBeanName) {
    return new EveryUserTaskPlugin(List.of(), List.of(), new LinkedHashMap<>(listenersByBeanName));
  }

  /** The bean names of the complete listeners this plugin adds, in order. */
  public List<String> completeListenerNames() {
    return List.copyOf(beforeCompletion.keySet());
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    forEveryUserTask(configuration, (element, definition) -> {
      beforeCreation.forEach(check -> definition.addBuiltInTaskListener(TaskListener.EVENTNAME_CREATE, check));
      onCreate.forEach(listener -> definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener));
      beforeCompletion.forEach((name, listener) -> {
        List<TaskListener> declared = definition.getTaskListenersForEvent(TaskListener.EVENTNAME_COMPLETE);
        if (declared != null) {
          declared.removeIf(own -> own instanceof DelegateExpressionTaskListener expression
              && ("${" + name + "}").equals(expression.getExpressionText().strip()));
        }
        definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      });
    });
  }

  /**
   * Hands every user task of every model the engine parses, after its own parsing, to {@code each}:
   * the task's BPMN element and its definition (where listeners are added). The one place Samverkan's
   * plugins hook into user tasks (this plugin, Läget's read model).
   */
  public static void forEveryUserTask(ProcessEngineConfigurationImpl configuration,
      BiConsumer<Element, TaskDefinition> each) {
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          each.accept(element, behavior.getTaskDefinition());
        }
      }
    });
  }
}
