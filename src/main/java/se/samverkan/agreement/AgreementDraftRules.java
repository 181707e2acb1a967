package se.samverkan.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.organisation.Organisation;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/**
 * The cross-municipal agreement has exactly one part (åtgärder) for every municipality of the
 * LPO; the text the signers and the medborgarlöften see is {@code overenskommelseText}.
 */
@Component("agreementDraftRules")
public class AgreementDraftRules implements TaskListener {

  private final Organisation organisation;

  public AgreementDraftRules(Organisation organisation) {
    this.organisation = organisation;
  }

  @Override
  public void notify(DelegateTask task) {
    List<String> municipalities = JsonVariables.strings(task, AgreementProcess.MUNICIPALITIES);
    Map<String, String> parts = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (JsonNode row : JsonVariables.read(task, AgreementProcess.MUNICIPAL_ACTIONS)) {
      String kommun = JsonVariables.text(row, "kommun");
      if (!municipalities.contains(kommun)) {
        problems.add("«Varje kommuns åtgärder»: " + kommun + " hör inte till lokalpolisområdet.");
      } else if (parts.putIfAbsent(kommun, JsonVariables.text(row, "atgarder")) != null) {
        problems.add("«Varje kommuns åtgärder»: " + name(kommun) + " finns med mer än en gång; samla kommunens åtgärder på en rad.");
      }
    }
    List<String> missing = municipalities.stream().filter(k -> !parts.containsKey(k)).map(this::name).toList();
    if (!missing.isEmpty()) {
      problems.add("«Varje kommuns åtgärder»: åtgärder saknas för " + String.join(", ", missing) + ".");
    }
    if (!problems.isEmpty()) {
      throw new FormValidationException(task.getName(), problems);
    }
    StringBuilder md = new StringBuilder("**Avtalsperiod:** ").append(JsonVariables.string(task, AgreementProcess.PERIOD))
        .append("\n\n#### Gemensamma prioriteringar och åtaganden\n\n")
        .append(Markdown.block(JsonVariables.string(task, "overenskommelseGemensamt")));
    for (String kommun : municipalities) {
      md.append("\n\n#### ").append(name(kommun)).append(": åtgärder\n\n").append(Markdown.block(parts.get(kommun)));
    }
    task.getExecution().getProcessInstance().setVariable(AgreementProcess.AGREEMENT_TEXT, JsonVariables.longText(md.toString()));
  }

  private String name(String kommun) {
    return organisation.municipality(kommun).map(m -> m.name()).orElse(kommun);
  }
}
