package se.samverkan.modelrules;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import se.samverkan.organisation.Organisation;

/**
 * Makes the engine refuse every new deployment whose model breaks Samverkan's rules, whether it
 * comes from Camunda Modeler through /engine-rest/deployment/create or from processes/ at startup.
 * A parse listener cannot report a problem, only throw; the engine's own parse errors (a
 * ParseException, answered with 400 by the REST API) are what Modeler shows, so the rules are
 * reported as parse errors by a BpmnParse of our own. Decisions (DMN) and cases (CMMN) have their
 * rules in a deployer that runs before the engine's ({@link ModelResourceRules}).
 */
public class ModelRulesPlugin extends AbstractProcessEnginePlugin {

  private final Organisation organisation;

  /** @param organisation the functions a user task may go to ({@link ModelRules}) */
  public ModelRulesPlugin(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBpmnParseFactory(parser -> new ModelRulesBpmnParse(parser, organisation));
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new java.util.ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new ModelResourceRules(organisation));
  }
}
