package se.samverkan.modelrules;

import java.util.List;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import se.samverkan.organisation.Organisation;

/** The engine's BPMN parse, refusing a new deployment with a Swedish message per broken rule. */
class ModelRulesBpmnParse extends BpmnParse {

  private final Organisation organisation;

  ModelRulesBpmnParse(BpmnParser parser, Organisation organisation) {
    super(parser);
    this.organisation = organisation;
  }

  @Override
  protected void parseRootElement() {
    // Deployments already in the database were accepted once; they are only re-read here.
    if (deployment != null && deployment.isNew()) {
      List<ModelRuleViolation> violations =
          ModelRules.check(rootElement, DeploymentFormIds.of(deployment), organisation);
      for (ModelRuleViolation violation : violations) {
        addError(violation.message(), violation.element(), violation.elementId());
      }
      if (!violations.isEmpty()) {
        return;
      }
    }
    super.parseRootElement();
  }
}
