package se.samverkan.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;
import se.samverkan.promise.PromiseProcess;
import se.samverkan.promise.PromiseStart;

/**
 * Once the agreement is signed, every municipality of the LPO gets its medborgarlöfte: a
 * {@code medborgarlofte} instance started by its start message with the joint analysis, the
 * municipality's own part of the lägesbild (never another municipality's), its medborgardialog and
 * the agreement. Runs once per element of {@code kommuner}.
 */
@Component("citizenPromiseStarter")
public class CitizenPromiseStarter implements JavaDelegate {

  static final String NO_DIALOG = "Ingen medborgardialog hölls i kommunen under lägesbildsarbetet.";

  @Override
  public void execute(DelegateExecution execution) {
    String kommun = JsonVariables.string(execution, "kommun");
    JsonNode picture = ownSituationPicture(execution, kommun);
    JsonNode dialog = JsonVariables.read(execution, AgreementProcess.DIALOGS).path(kommun);
    String situation = "#### Gemensam analys\n\n" + JsonVariables.string(execution, AgreementProcess.ANALYSIS_SUMMARY)
        + "\n\n" + SituationPictureSummary.municipality(picture, kommun);
    VariableMap variables = Variables.createVariables()
        .putValue(PromiseProcess.MUNICIPALITY, kommun)
        .putValue(PromiseProcess.LPO, JsonVariables.string(execution, AgreementProcess.LPO))
        .putValue(PromiseProcess.PERIOD, JsonVariables.string(execution, AgreementProcess.PERIOD))
        .putValue(PromiseProcess.ROUND, 1)
        .putValue(PromiseProcess.AGREEMENT_INSTANCE, execution.getProcessInstanceId())
        .putValueTyped(PromiseProcess.SITUATION_PICTURE, JsonVariables.longText(situation))
        .putValueTyped(PromiseProcess.DIALOG_TEXT,
            JsonVariables.longText(dialog.isMissingNode() ? NO_DIALOG : CitizenDialogCollector.render(dialog)))
        .putValueTyped(PromiseProcess.AGREEMENT_TEXT,
            JsonVariables.longText(JsonVariables.string(execution, AgreementProcess.AGREEMENT_TEXT)));
    PromiseStart.start(execution.getProcessEngineServices().getRuntimeService(), variables);
  }

  /**
   * The municipality's own picture, from the history of this cycle's police-only
   * {@code gemensam-lagesbild} (the samverkansprocess never holds it): only this municipality's
   * goes into its medborgarlöfte, whose audience is the municipality's functions, its EST actors
   * and the LPO's police. Read by the engine for the process (no person's authorizations apply to
   * delegate code), never shown to anyone but the promise's audience.
   */
  static JsonNode ownSituationPicture(DelegateExecution execution, String kommun) {
    HistoryService history = execution.getProcessEngineServices().getHistoryService();
    for (HistoricProcessInstance joint : history.createHistoricProcessInstanceQuery()
        .processDefinitionKey(JointSituationPictureProcess.KEY)
        .superProcessInstanceId(execution.getProcessInstanceId())
        .orderByProcessInstanceStartTime().desc().list()) {
      for (HistoricVariableInstance pictures : history.createHistoricVariableInstanceQuery()
          .processInstanceId(joint.getId()).variableName(JointSituationPictureProcess.SITUATION_PICTURES).list()) {
        JsonNode picture = JsonVariables.toJson(pictures.getValue()).path(kommun);
        if (!picture.isMissingNode()) {
          return picture;
        }
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
