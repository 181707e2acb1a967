package se.samverkan.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/**
 * Keeps each municipality's medborgardialog (format, date, participants, what citizens said) in
 * {@code medborgardialoger} and the text the agreement shows in {@code dialogSammanstallning}.
 * The format "annat" needs a name.
 */
@Component("citizenDialogCollector")
public class CitizenDialogCollector implements TaskListener {

  public static final Map<String, String> FORMATS = Map.of(
      "speed-dating", "Speed dating", "trygghetsvandring", "Trygghetsvandring", "enkat", "Enkät",
      "oppet-mote", "Öppet möte", "skolbesok", "Skolbesök", "annat", "Annat format");

  @Override
  public void notify(DelegateTask task) {
    String format = JsonVariables.string(task, "dialogFormat");
    String otherFormat = JsonVariables.string(task, "dialogAnnatFormat");
    if ("annat".equals(format) && otherFormat.isBlank()) {
      throw new FormValidationException(task.getName(), List.of("«Vilket format?» måste fyllas i när formatet är Annat."));
    }
    String kommun = JsonVariables.string(task, "kommun");
    DelegateExecution root = task.getExecution().getProcessInstance();
    ObjectNode dialogs = JsonVariables.object(root, AgreementProcess.DIALOGS);
    ObjectNode dialog = dialogs.putObject(kommun);
    dialog.put("kommunNamn", JsonVariables.string(task, "kommunNamn"));
    dialog.put("format", format);
    dialog.put("formatNamn", "annat".equals(format) ? otherFormat : FORMATS.getOrDefault(format, format));
    dialog.put("datum", JsonVariables.toJson(task.getVariable("dialogDatum")).asText(""));
    dialog.put("deltagare", JsonVariables.read(task, "dialogDeltagare").asText(""));
    dialog.put("resultat", JsonVariables.string(task, "dialogResultat"));
    JsonVariables.write(root, AgreementProcess.DIALOGS, dialogs);
    StringBuilder md = new StringBuilder();
    dialogs.fields().forEachRemaining(e -> md.append(render(e.getValue())).append("\n\n"));
    root.setVariable(AgreementProcess.DIALOG_SUMMARY, JsonVariables.longText(md.toString().strip()));
  }

  static String render(JsonNode dialog) {
    return "#### " + dialog.path("kommunNamn").asText() + ": " + dialog.path("formatNamn").asText()
        + " (" + dialog.path("datum").asText() + ", " + dialog.path("deltagare").asText("?") + " deltagare)\n\n"
        + Markdown.block(dialog.path("resultat").asText());
  }
}
