package se.samverkan.errors;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;

/**
 * Camunda's REST API explains errors in English, and Tasklist shows that text to the person (e.g.
 * when a colleague in the same function has already completed the task). Every error answer gets
 * a Swedish sentence first; Camunda's own text follows in parentheses for whoever must dig deeper.
 * Answers that are already Swedish (form validation, start validation) are left as they are.
 */
@Priority(Priorities.USER)
public class SwedishErrorMessages implements ContainerResponseFilter {

  /** Our own messages (validations) always hold a Swedish letter; Camunda's ids and texts never do. */
  static final Pattern SWEDISH = Pattern.compile("[åäöÅÄÖ]");
  /** Camunda answers 500 when a task or definition it looks up is gone: for the person it is a 404. */
  private static final Pattern NOT_FOUND = Pattern.compile("Cannot find (task|process definition|process instance)");

  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 400) {
      return;
    }
    if (response.getEntity() instanceof String text) {
      // e.g. Jackson's answer to malformed JSON, as text/plain
      ExceptionDto error = new ExceptionDto();
      error.setType("InvalidRequestException");
      error.setMessage(swedish(response.getStatus(), null) + " (" + text + ")");
      response.setEntity(error, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
      return;
    }
    if (!(response.getEntity() instanceof ExceptionDto error)) {
      return;
    }
    String original = error.getMessage() == null ? "" : error.getMessage();
    if (SWEDISH.matcher(original).find()) {
      return;
    }
    if (response.getStatus() == 500 && NOT_FOUND.matcher(original).find()) {
      response.setStatus(404);
    }
    error.setMessage(swedish(response.getStatus(), error.getType()) + " (" + original + ")");
  }

  static String swedish(int status, String type) {
    if (status == 403 || "AuthorizationException".equals(type)) {
      return "Du har inte behörighet till detta: uppgifter och ärenden hör till en funktion och kan bara ses "
          + "och ändras av den.";
    }
    if (status == 404) {
      return "Det du söker finns inte (längre). En uppgift kan redan vara slutförd av någon annan i din funktion.";
    }
    if (status == 409 || "OptimisticLockingException".equals(type)) {
      return "Någon annan ändrade samma sak samtidigt. Ladda om och försök igen.";
    }
    if (status < 500) {
      return "Förfrågan kunde inte utföras: något värde saknas eller har fel typ eller format.";
    }
    return "Ett oväntat fel inträffade. Försök igen; kvarstår felet, kontakta förvaltningen.";
  }
}
