package se.samverkan.agreement;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import se.samverkan.lawduty.LawDuties;
import se.samverkan.lessons.LessonRecorder;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.JsonVariables;
import se.samverkan.signing.SignatureCollector;

/**
 * At the start, after the start check (security/StartValidation, which also claims the LPO's period): what the steps need from the organisation
 * (the LPO's name, its municipalities as the multi-instance collection {@code kommuner} and as
 * options {@code kommunVal} for the forms) and the empty records the steps fill.
 */
@Component("lpoVariables")
public class LpoVariables implements ExecutionListener {

  private final Organisation organisation;

  public LpoVariables(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Lpo lpo = organisation.lpo(JsonVariables.string(execution, AgreementProcess.LPO)).orElseThrow();
    execution.setVariable(AgreementProcess.LPO, lpo.slug());
    execution.setVariable(AgreementProcess.LPO_NAME, lpo.name());
    execution.setVariable(AgreementProcess.MUNICIPALITIES,
        JsonVariables.stringList(lpo.municipalities().stream().map(Municipality::slug).toList()));
    execution.setVariable(AgreementProcess.MUNICIPALITIES_TEXT,
        lpo.municipalities().stream().map(Municipality::name).collect(Collectors.joining(", ")));
    ArrayNode options = JsonNodeFactory.instance.arrayNode();
    lpo.municipalities().forEach(m -> options.addObject().put("label", m.name()).put("value", m.slug()));
    JsonVariables.write(execution, AgreementProcess.MUNICIPALITY_OPTIONS, options);
    JsonVariables.write(execution, LawDuties.VARIABLE, JsonNodeFactory.instance.objectNode());
    JsonVariables.write(execution, LessonRecorder.VARIABLE, JsonNodeFactory.instance.arrayNode());
    execution.setVariable(AgreementProcess.DIALOG_SUMMARY, JsonVariables.longText("Ingen medborgardialog har hållits."));
    execution.setVariable(SignatureCollector.REJECTION_REASONS, JsonVariables.longText(SignatureCollector.NO_REJECTIONS));
    execution.setProcessBusinessKey(
        AgreementPeriods.businessKey(lpo.slug(), JsonVariables.string(execution, AgreementProcess.PERIOD)));
  }
}
