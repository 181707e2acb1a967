package se.samverkan.signing;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import se.samverkan.forms.FormValidationException;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;
import se.samverkan.process.CandidateGroups;
import se.samverkan.process.JsonVariables;

/**
 * A signing round: every signer's decision (the form fields {@code beslut} and {@code motivering},
 * local to the signing task) goes into {@code underskrifter}; a rejection sets {@code avslagFinns}
 * and its reason goes back to the drafter in {@code avslagsmotiveringar}. A rejection without a
 * reason is refused. {@code ${signatureCollector.newRound(execution)}} starts a round.
 */
@Component("signatureCollector")
public class SignatureCollector implements TaskListener {

  public static final String SIGNATURES = "underskrifter";
  public static final String REJECTED = "avslagFinns";
  public static final String REJECTION_REASONS = "avslagsmotiveringar";
  public static final String DECISION = "beslut";
  public static final String REASON = "motivering";
  public static final String SIGN = "signera";
  public static final String REJECT = "avsla";
  public static final String NO_REJECTIONS = "Inga avslag.";

  private final Organisation organisation;

  public SignatureCollector(Organisation organisation) {
    this.organisation = organisation;
  }

  public void newRound(DelegateExecution execution) {
    DelegateExecution root = execution.getProcessInstance();
    JsonVariables.write(root, SIGNATURES, JsonNodeFactory.instance.objectNode());
    root.setVariable(REJECTED, false);
    root.setVariable(REJECTION_REASONS, JsonVariables.longText(NO_REJECTIONS));
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = JsonVariables.string(task, DECISION);
    String reason = JsonVariables.string(task, REASON);
    if (REJECT.equals(decision) && reason.isBlank()) {
      throw new FormValidationException(task.getName(), List.of(
          "Skriv en motivering när du avslår, så att den som skriver om utkastet vet vad som måste ändras."));
    }
    String signer = signerOf(task);
    String signerName = organisation.function(signer).map(OrganisationFunction::name).orElse(signer);
    DelegateExecution root = task.getExecution().getProcessInstance();
    ObjectNode signatures = JsonVariables.object(root, SIGNATURES);
    ObjectNode entry = signatures.putObject(signer);
    entry.put("funktion", signerName);
    entry.put("beslut", decision);
    entry.put("motivering", reason);
    entry.put("datum", JsonVariables.now());
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (user != null && user.getUserId() != null) {
      entry.put("anvandare", user.getUserId());
    }
    JsonVariables.write(root, SIGNATURES, signatures);
    if (REJECT.equals(decision)) {
      root.setVariable(REJECTED, true);
      String previous = JsonVariables.string(root, REJECTION_REASONS);
      String line = "- **" + signerName + "**: " + reason.replace('\n', ' ');
      root.setVariable(REJECTION_REASONS, JsonVariables.longText(NO_REJECTIONS.equals(previous) || previous.isBlank()
          ? line : previous + "\n" + line));
    }
  }

  private static String signerOf(DelegateTask task) {
    return CandidateGroups.of(task).stream().findFirst().orElse(task.getTaskDefinitionKey());
  }
}
