package se.samverkan.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;
import se.samverkan.process.JsonVariables;
import se.samverkan.process.Markdown;

/**
 * The whole lägesbild as the joint analysis shows it: the police's picture and every
 * municipality's, in the organisation's order ({@code lagesbildSammanstallning}, only in the
 * police-only {@code gemensam-lagesbild}); and the police's picture alone
 * ({@code polisensLagesbild}), which goes back to the samverkansprocess for the agreement.
 * {@code ${situationPictureSummary.render(execution)}}.
 */
@Component("situationPictureSummary")
public class SituationPictureSummary {

  public void render(DelegateExecution execution) {
    JsonNode pictures = JsonVariables.read(execution, JointSituationPictureProcess.SITUATION_PICTURES);
    String police = "**Brottsstatistik:** " + Markdown.block(JsonVariables.string(execution, "polisBrottsstatistik"))
        + "\n\n**Händelser, platser och tider:** " + Markdown.block(JsonVariables.string(execution, "polisHandelser"))
        + "\n\n**Otrygghet:** " + Markdown.block(JsonVariables.string(execution, "polisOtrygghet"));
    execution.setVariable(JointSituationPictureProcess.POLICE_SITUATION_PICTURE, JsonVariables.longText(police));
    StringBuilder md = new StringBuilder("#### Polisen\n\n").append(police);
    for (String kommun : JsonVariables.strings(execution, AgreementProcess.MUNICIPALITIES)) {
      md.append("\n\n").append(municipality(pictures.path(kommun), kommun));
    }
    execution.setVariable(JointSituationPictureProcess.SITUATION_PICTURE_SUMMARY, JsonVariables.longText(md.toString()));
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
