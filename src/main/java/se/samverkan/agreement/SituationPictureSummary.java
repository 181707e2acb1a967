package se.samverkan.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/**
 * The whole lägesbild as the joint analysis and the agreement show it: the police's picture and
 * every municipality's, in the organisation's order. {@code ${situationPictureSummary.render(execution)}}.
 */
@Component("situationPictureSummary")
public class SituationPictureSummary {

  public void render(DelegateExecution execution) {
    JsonNode pictures = JsonVariables.read(execution, AgreementProcess.SITUATION_PICTURES);
    StringBuilder md = new StringBuilder("#### Polisen\n\n")
        .append("**Brottsstatistik:** ").append(Markdown.block(JsonVariables.string(execution, "polisBrottsstatistik")))
        .append("\n\n**Händelser, platser och tider:** ").append(Markdown.block(JsonVariables.string(execution, "polisHandelser")))
        .append("\n\n**Otrygghet:** ").append(Markdown.block(JsonVariables.string(execution, "polisOtrygghet")));
    for (String kommun : JsonVariables.strings(execution, AgreementProcess.MUNICIPALITIES)) {
      md.append("\n\n").append(municipality(pictures.path(kommun), kommun));
    }
    execution.setVariable(AgreementProcess.SITUATION_PICTURE_SUMMARY, JsonVariables.longText(md.toString()));
  }

  static String municipality(JsonNode picture, String kommun) {
    if (picture.isMissingNode()) {
      return "#### " + kommun + "\n\n_(inget bidrag)_";
    }
    return "#### " + picture.path("kommunNamn").asText(kommun)
        + "\n\n**Trygghet:** " + Markdown.block(picture.path("trygghet").asText())
        + "\n\n**Signaler från skola och socialtjänst:** " + Markdown.block(picture.path("signaler").asText())
        + "\n\n**Brottslighet och ordningsstörningar:** " + Markdown.block(picture.path("brottslighet").asText())
        + "\n\n**Tidigare dialoger och EST:** " + Markdown.block(picture.path("tidigareDialoger").asText());
  }
}
