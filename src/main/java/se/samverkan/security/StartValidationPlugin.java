package se.samverkan.security;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ProcessDefinitionImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import se.samverkan.agreement.AgreementPeriods;
import se.samverkan.agreement.AgreementProcess;

/**
 * Makes the start checks impossible to skip, in two places of the engine:
 * <ul>
 *   <li>{@link StartValidation} on the start event of every deployed process, as a <em>built-in</em>
 *       listener ahead of the model's own: skipCustomListeners skips the model's listeners, never a
 *       built-in one, and no model can forget it or remove it in Modeler;</li>
 *   <li>{@link StartGuard} on the engine's commands: a function user cannot start at an activity of
 *       their choosing (start instructions, where skipCustomListeners and skipIoMappings live),
 *       restart an instance or modify one; those starts would not pass the start event;</li>
 *   <li>a built-in end listener on the samverkansprocess that gives a deleted instance's agreement
 *       period back (an ended instance keeps it).</li>
 * </ul>
 * It also gives the start form's LPO choice the reader's own LPOs ({@link StartFormLpoOptions}), by the
 * start check's rule.
 * Impl API (parse listener, command interceptors): the engine offers no public hook for either.
 */
public class StartValidationPlugin extends AbstractProcessEnginePlugin {

  /** A samverkansprocess deleted, not ended: its agreement period is free again (AgreementPeriods). */
  private static final ExecutionListener PERIOD_OF_A_DELETED_INSTANCE = execution -> {
    if (execution.isCanceled() && execution.getId().equals(execution.getProcessInstanceId())) {
      AgreementPeriods.release(execution.getProcessInstanceId());
    }
  };

  private final StartValidation startValidation;

  public StartValidationPlugin(StartValidation startValidation) {
    this.startValidation = startValidation;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreCommandInterceptorsTxRequired() == null) {
      configuration.setCustomPreCommandInterceptorsTxRequired(new ArrayList<>());
    }
    configuration.getCustomPreCommandInterceptorsTxRequired().add(0, new OutermostCommand());
    configuration.getCustomPreCommandInterceptorsTxRequired().add(1, new StartGuard(configuration));
    configuration.getCustomPreCommandInterceptorsTxRequired().add(2, new StartFormLpoOptions(configuration, startValidation));
    if (configuration.getCustomPreBPMNParseListeners() == null) {
      configuration.setCustomPreBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPreBPMNParseListeners().add(new AbstractBpmnParseListener() {
      @Override
      public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
        if (AgreementProcess.KEY.equals(processDefinition.getKey())) {
          processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, PERIOD_OF_A_DELETED_INSTANCE);
        }
      }

      @Override
      public void parseStartEvent(Element startEventElement, ScopeImpl scope, ActivityImpl startEventActivity) {
        if (scope instanceof ProcessDefinitionImpl) {
          startEventActivity.addBuiltInListener(ExecutionListener.EVENTNAME_START, startValidation, 0);
        }
      }
    });
  }
}
