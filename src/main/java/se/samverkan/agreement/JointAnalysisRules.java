package se.samverkan.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/**
 * The joint analysis: the municipalities chosen for a medborgardialog must belong to the LPO and
 * become the collection {@code dialogKommunLista}; the prioritised problems with their causes
 * become the text later steps show ({@code analysSammanstallning}).
 */
@Component("jointAnalysisRules")
public class JointAnalysisRules implements TaskListener {

  private final Organisation organisation;

  public JointAnalysisRules(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> municipalities = JsonVariables.strings(task, AgreementProcess.MUNICIPALITIES);
    List<String> chosen = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    JsonVariables.read(task, AgreementProcess.DIALOG_MUNICIPALITIES).forEach(node -> {
      String kommun = node.asText();
      if (!municipalities.contains(kommun)) {
        problems.add("«Kommuner som håller en medborgardialog»: " + kommun + " hör inte till lokalpolisområdet.");
      } else if (!chosen.contains(kommun)) {
        chosen.add(kommun);
      }
    });
    if (!problems.isEmpty()) {
      throw new FormValidationException(task.getName(), problems);
    }
    DelegateExecution root = task.getExecution().getProcessInstance();
    root.setVariable(AgreementProcess.DIALOG_MUNICIPALITY_LIST, consumerReadsJavaList(root)
        ? Variables.objectValue(new ArrayList<>(chosen)).serializationDataFormat(Variables.SerializationDataFormats.JSON).create()
        : JsonVariables.stringList(chosen));
    root.setVariable(AgreementProcess.ANALYSIS_SUMMARY, JsonVariables.longText(render(task, chosen)));
  }

  /**
   * A samverkansprocess deployed before {@code ${lists.of(dialogKommunLista)}} reads the list as a Java
   * collection ({@code ${dialogKommunLista}}): its running instances still get one.
   */
  private static boolean consumerReadsJavaList(DelegateExecution root) {
    DelegateExecution consumer = root.getSuperExecution() != null ? root.getSuperExecution() : root;
    return consumer.getBpmnModelInstance().getModelElementsByType(MultiInstanceLoopCharacteristics.class).stream()
        .anyMatch(loop -> ("${" + AgreementProcess.DIALOG_MUNICIPALITY_LIST + "}").equals(loop.getCamundaCollection()));
  }

  private String render(DelegateTask task, List<String> dialogMunicipalities) {
    List<JsonNode> ranked = new ArrayList<>();
    JsonVariables.read(task, "problem").forEach(ranked::add);
    ranked.sort(Comparator.comparingDouble(p -> p.path("prioritet").asDouble(Double.MAX_VALUE)));
    StringBuilder md = new StringBuilder("| Prioritet | Problem | Orsaker (orsaksanalys) | Berörda kommuner |\n|---|---|---|---|\n");
    for (JsonNode p : ranked) {
      md.append("| ").append(p.path("prioritet").asInt()).append(" | ")
          .append(Markdown.cell(JsonVariables.text(p, "beskrivning"))).append(" | ")
          .append(Markdown.cell(JsonVariables.text(p, "orsaker"))).append(" | ")
          .append(Markdown.cell(JsonVariables.text(p, "berorda"))).append(" |\n");
    }
    md.append("\n**Sammanfattning:** ").append(Markdown.block(JsonVariables.string(task, "analysSammanfattning")));
    md.append("\n\n**Medborgardialog:** ").append(dialogMunicipalities.isEmpty() ? "ingen kommun"
        : String.join(", ", dialogMunicipalities.stream()
            .map(k -> organisation.municipality(k).map(m -> m.name()).orElse(k)).toList()));
    return md.toString();
  }
}
