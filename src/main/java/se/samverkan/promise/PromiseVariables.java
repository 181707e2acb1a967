package se.samverkan.promise;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.lawduty.LawDuties;
import se.samverkan.lessons.LessonRecorder;
import se.samverkan.organisation.Lpo;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.JsonVariables;
import se.samverkan.signing.SignatureCollector;

/**
 * At the start of a medborgarlöfte: the municipality must exist; its LPO, names and the functions
 * an activity may be given to ({@code funktionsval}: the municipality's own functions, its EST
 * actors and the LPO's police functions) come from the organisation.
 */
@Component("promiseVariables")
public class PromiseVariables implements ExecutionListener {

  private final Organisation organisation;

  public PromiseVariables(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String slug = JsonVariables.string(execution, PromiseProcess.MUNICIPALITY);
    Municipality municipality = organisation.municipality(slug).orElseThrow(() -> new FormValidationException(
        "Starta medborgarlöfte", List.of("Kommunen «" + slug + "» finns inte i organisationen.")));
    Lpo lpo = organisation.lpoOf(slug).orElseThrow();
    execution.setVariable(PromiseProcess.MUNICIPALITY_NAME, municipality.name());
    execution.setVariable(PromiseProcess.LPO, lpo.slug());
    execution.setVariable(PromiseProcess.LPO_NAME, lpo.name());
    JsonVariables.write(execution, PromiseProcess.FUNCTION_OPTIONS, functionOptions(lpo, slug));
    defaultTo(execution, PromiseProcess.ROUND, 1);
    defaultTo(execution, PromiseProcess.PERIOD, "");
    defaultTo(execution, PromiseProcess.SITUATION_PICTURE, JsonVariables.longText("_(ingen lägesbild bifogad)_"));
    defaultTo(execution, PromiseProcess.DIALOG_TEXT, JsonVariables.longText("Ingen medborgardialog hölls."));
    defaultTo(execution, PromiseProcess.AGREEMENT_TEXT, JsonVariables.longText("_(ingen överenskommelse bifogad)_"));
    execution.setVariable(PromiseProcess.ACTIVITY_STATUS, JsonVariables.longText("Inga aktiviteter är rapporterade ännu."));
    execution.setVariable(PromiseProcess.QUARTERLY_REPORTS, JsonVariables.longText("Inga kvartalsrapporter ännu."));
    execution.setVariable(SignatureCollector.REJECTION_REASONS, JsonVariables.longText(SignatureCollector.NO_REJECTIONS));
    JsonVariables.write(execution, LawDuties.VARIABLE, JsonNodeFactory.instance.objectNode());
    JsonVariables.write(execution, LessonRecorder.VARIABLE, JsonNodeFactory.instance.arrayNode());
  }

  ArrayNode functionOptions(Lpo lpo, String kommun) {
    ArrayNode options = JsonNodeFactory.instance.arrayNode();
    for (OrganisationFunction function : organisation.allFunctions()) {
      if (kommun.equals(function.scopeSlug()) || lpo.slug().equals(function.scopeSlug())) {
        options.addObject().put("label", function.name()).put("value", function.groupId());
      }
    }
    return options;
  }

  private static void defaultTo(DelegateExecution execution, String name, Object value) {
    if (execution.getVariable(name) == null) {
      execution.setVariable(name, value);
    }
  }
}
