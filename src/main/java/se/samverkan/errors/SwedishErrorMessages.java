package se.samverkan.errors;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ResourceReport;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import se.samverkan.forms.Conflict;
import se.samverkan.forms.FormValidationException;

/**
 * Every error answer of both REST APIs (/engine-rest and the webapps' /camunda/api/engine), in one
 * place: its status and the Swedish sentence a person reads (Tasklist shows {@code message}). The
 * message is Swedish only; Camunda's English text, which helps an operator, goes to the log
 * (logger se.samverkan.errors: 5xx at ERROR with the stack trace, 409 at INFO, other 4xx at DEBUG).
 * {@code type} stays the exception's class name for scripts.
 *
 * <p>What a client sends never gives a 500: a conflict anywhere in the cause chain (optimistic
 * locking, a task claimed or completed by someone else, a {@link Conflict}) is 409, our own refusal
 * ({@link FormValidationException}, or a BadUserRequestException with a Swedish message) is 400 with
 * only our message, AuthorizationException is 403, something that does not exist is 404, malformed
 * JSON or a value the database cannot hold is 400.
 */
@Priority(Priorities.USER)
public class SwedishErrorMessages implements ContainerResponseFilter {

  private static final Logger LOG = LoggerFactory.getLogger(SwedishErrorMessages.class);

  /** Our own messages (validations) always hold a Swedish letter; Camunda's ids and texts never do. */
  static final Pattern SWEDISH = Pattern.compile("[åäöÅÄÖ]");
  /** Camunda's texts for something looked up that is not there (a NullValueException, or a REST wrapper's 500). */
  private static final Pattern NOT_FOUND = Pattern.compile(
      "Cannot find |doesn't exist|does not exist|No matching |not found", Pattern.CASE_INSENSITIVE);
  /** The engine refuses a Java-serialized variable with a plain ProcessEngineException (ENGINE-17007). */
  private static final Pattern JAVA_SERIALIZATION = Pattern.compile("Java serialization format is prohibited");

  static final String FORBIDDEN = "Du har inte behörighet till detta: uppgifter och ärenden hör till en funktion "
      + "och kan bara ses och ändras av den.";
  static final String NOT_FOUND_TEXT = "Det du söker finns inte (längre). En uppgift kan redan vara slutförd av "
      + "någon annan i din funktion.";
  static final String CONFLICT = "Någon annan ändrade samma sak samtidigt, och din ändring sparades inte. "
      + "Ladda om sidan och försök igen.";
  static final String ALREADY_COMPLETED = "Uppgiften är redan slutförd av någon annan i din funktion. "
      + "Ladda om sidan.";
  static final String CLAIMED = "Uppgiften är redan tagen av någon annan. Ladda om sidan.";
  static final String BAD_REQUEST = "Förfrågan kunde inte utföras: något värde saknas eller har fel typ eller format.";
  static final String MALFORMED_JSON = "Förfrågan kunde inte läsas: den är inte giltig JSON eller är nästlad i "
      + "för många nivåer.";
  static final String VALUE_TOO_LONG = "Förfrågan kunde inte utföras: ett värde är för långt eller har fel format "
      + "för att kunna sparas.";
  static final String JAVA_OBJECT = "Variabler med serialiserade Java-objekt tas inte emot. Skicka värdet som "
      + "JSON (typ Json, eller Object med serializationDataFormat application/json).";
  static final String VARIABLE_NAME_EMPTY = "En variabel saknar namn: varje variabel måste ha ett namn.";
  static final String VARIABLE_NAME_TOO_LONG = "Ett variabelnamn är för långt: högst %d tecken tillåts.";
  static final String NOT_ALLOWED = "Förfrågan kunde inte utföras: adressen eller metoden finns inte här.";
  static final String UNEXPECTED = "Ett oväntat fel inträffade. Försök igen; kvarstår felet, kontakta förvaltningen.";
  static final String DEPLOY_FORBIDDEN = "Du får inte driftsätta modeller: det får bara processägaren (funktionen "
      + "processagare). Ingenting driftsattes. Logga in i Camunda Modeler med ditt eget konto i processägarens funktion.";
  /** The first line of a refused model; the reasons follow, one a line (Modeler writes the message into its log). */
  static final String MODEL_REFUSED = "Modellen driftsattes inte, och ingenting av driftsättningen sparades; "
      + "körande ärenden påverkas inte. Rätta %s i Modeler och driftsätt igen:";

  /** What a person reads for a status, when nothing more specific is known. */
  static String swedish(int status) {
    return switch (status) {
      case 401, 403 -> FORBIDDEN;
      case 404 -> NOT_FOUND_TEXT;
      case 405, 406, 415 -> NOT_ALLOWED;
      case 409 -> CONFLICT;
      default -> status < 500 ? BAD_REQUEST : UNEXPECTED;
    };
  }

  /** A task the request names (…/task/{id}/…): already completed, i.e. someone else was first. */
  private static final Pattern TASK_PATH = Pattern.compile("(?:^|/)task/([^/]+)");

  /** The answer to an exception that reached a REST API, and its log line. */
  public static Response toResponse(Throwable error, UriInfo request) {
    Answer answer = answer(error);
    // A task that is gone because someone completed it first: depending on when the racer read it,
    // the engine says "cannot find", "is null" or fails inside; for the person it is a conflict.
    if (answer.status() != 409 && answer.problems() == null && request != null
        && completedTask(request)) {
      answer = Answer.of(409, error, ALREADY_COMPLETED);
    }
    if (answer.status() >= 500) {
      LOG.error("REST {} ({}): {}", answer.status(), answer.type(), error.getMessage(), error);
    } else if (answer.status() == 409) {
      LOG.info("REST 409 ({}): {}", answer.type(), error.getMessage());
    } else {
      LOG.debug("REST {} ({}): {}", answer.status(), answer.type(), error.getMessage());
    }
    Optional<Throwable> detailed = find(error, t -> t instanceof ParseException
        || t instanceof MigrationPlanValidationException || t instanceof MigratingProcessInstanceValidationException);
    if (detailed.isPresent() && answer.status() < 500) {
      // Camunda's body with the details per element (Modeler shows them), our message
      ExceptionDto dto = ExceptionHandlerHelper.getInstance().fromException(detailed.get());
      dto.setMessage(answer.message());
      return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(dto).build();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", answer.type());
    body.put("message", answer.message());
    body.put("code", null);
    if (answer.problems() != null) {
      body.put("problems", answer.problems());
    }
    return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  /**
   * With the caller's own authentication (still set while the request is answered): a task the
   * caller may not see the history of stays a 404.
   */
  private static boolean completedTask(UriInfo request) {
    java.util.regex.Matcher task = TASK_PATH.matcher(request.getPath());
    if (!task.find()) {
      return false;
    }
    try {
      String engineName = request.getPathParameters().getFirst("name");
      ProcessEngine engine = EngineUtil.lookupProcessEngine(engineName);
      return engine != null && engine.getHistoryService().createHistoricTaskInstanceQuery()
          .taskId(task.group(1)).finished().count() > 0;
    } catch (RuntimeException e) {
      LOG.debug("Could not look up task {} in the history", task.group(1), e);
      return false;
    }
  }

  record Answer(int status, String type, String message, List<String> problems) {
    static Answer of(int status, Throwable cause, String message) {
      return new Answer(status, cause.getClass().getSimpleName(), message, null);
    }
  }

  static Answer answer(Throwable error) {
    Optional<Throwable> conflict = find(error, t -> t instanceof Conflict);
    if (conflict.isPresent()) {
      String own = conflict.get().getMessage();
      return new Answer(409, conflict.get().getClass().getSimpleName(), isSwedish(own) ? own : CONFLICT,
          conflict.get() instanceof FormValidationException refusal ? refusal.problems() : null);
    }
    Optional<FormValidationException> refusal = FormValidationException.findIn(error);
    if (refusal.isPresent()) {
      return new Answer(400, FormValidationException.class.getSimpleName(), refusal.get().getMessage(),
          refusal.get().problems());
    }
    Optional<Throwable> found;
    if ((found = find(error, t -> t instanceof OptimisticLockingException)).isPresent()) {
      return Answer.of(409, found.get(), CONFLICT);
    }
    if ((found = find(error, t -> t instanceof TaskAlreadyClaimedException)).isPresent()) {
      return Answer.of(409, found.get(), CLAIMED);
    }
    if ((found = find(error, t -> t instanceof AuthorizationException)).isPresent() && isDeployment(found.get())) {
      return Answer.of(403, found.get(), DEPLOY_FORBIDDEN);
    }
    if ((found = find(error, t -> t instanceof ParseException)).isPresent()) {
      return Answer.of(ExceptionHandlerHelper.getInstance().getStatus(found.get()).getStatusCode(), found.get(),
          modelRefused((ParseException) found.get()));
    }
    if ((found = find(error, t -> t instanceof AuthorizationException)).isPresent()) {
      // ours (e.g. StartValidation) says in Swedish why; Camunda's lists permissions in English
      return Answer.of(403, found.get(), isSwedish(found.get().getMessage()) ? found.get().getMessage() : FORBIDDEN);
    }
    if ((found = find(error, t -> t instanceof BadUserRequestException && isSwedish(t.getMessage()))).isPresent()) {
      return Answer.of(400, found.get(), found.get().getMessage());
    }
    if ((found = find(error, t -> t instanceof NotFoundException
        || (t instanceof NullValueException || t instanceof BadUserRequestException) && NOT_FOUND.matcher(String.valueOf(t.getMessage())).find())).isPresent()) {
      return Answer.of(404, found.get(), NOT_FOUND_TEXT);
    }
    if ((found = find(error, t -> t instanceof JsonProcessingException)).isPresent()) {
      return Answer.of(400, found.get(), MALFORMED_JSON);
    }
    if ((found = find(error, t -> JAVA_SERIALIZATION.matcher(String.valueOf(t.getMessage())).find())).isPresent()) {
      return Answer.of(400, found.get(), JAVA_OBJECT);
    }
    if ((found = find(error, t -> t instanceof SQLException sql && sql.getSQLState() != null
        && sql.getSQLState().startsWith("22"))).isPresent()) {
      // SQL class 22 is "data exception" (a value too long for its column, out of range): the client's data
      return Answer.of(400, found.get(), VALUE_TOO_LONG);
    }
    if ((found = find(error, t -> t instanceof NullValueException)).isPresent()) {
      return Answer.of(400, found.get(), BAD_REQUEST);
    }
    if ((found = find(error, t -> isSwedish(t.getMessage()))).isPresent()) {
      // another refusal of ours, e.g. a model rule (a ParseException, 400): its own status and words
      return Answer.of(ExceptionHandlerHelper.getInstance().getStatus(found.get()).getStatusCode(), found.get(),
          found.get().getMessage());
    }
    int status = error instanceof WebApplicationException web
        ? web.getResponse().getStatus()
        : ExceptionHandlerHelper.getInstance().getStatus(error).getStatusCode();
    if (status >= 500 && NOT_FOUND.matcher(messages(error)).find()) {
      status = 404;
    }
    return Answer.of(status, error, swedish(status));
  }

  /** Camunda refuses to create a deployment (CREATE on Deployment) to anyone but the process owner. */
  private static boolean isDeployment(Throwable refusal) {
    List<MissingAuthorization> missing = ((AuthorizationException) refusal).getMissingAuthorizations();
    return missing != null && missing.stream()
        .anyMatch(one -> Resources.DEPLOYMENT.resourceName().equals(one.getResourceType())
            && Permissions.CREATE.getName().equals(one.getViolatedPermissionName()));
  }

  /**
   * Every reason a deployment was refused (Samverkan's model rules and the engine's own parse
   * errors), one a line, each with the file and the line in it, under a Swedish first line instead
   * of the engine's "ENGINE-09005 Could not parse BPMN process. Errors:".
   */
  static String modelRefused(ParseException refusal) {
    List<String> reasons = new ArrayList<>();
    for (ResourceReport report : refusal.getResorceReports()) {
      for (Problem problem : report.getErrors()) {
        StringBuilder where = new StringBuilder(report.getResourceName() == null ? "" : report.getResourceName());
        if (problem.getLine() > 0) {
          where.append(where.isEmpty() ? "" : ", ").append("rad ").append(problem.getLine());
        }
        if (problem.getColumn() > 0) {
          where.append(", kolumn ").append(problem.getColumn());
        }
        reasons.add("* " + problem.getMessage() + (where.isEmpty() ? "" : " (" + where + ")"));
      }
    }
    if (reasons.isEmpty()) {
      reasons.add("* " + refusal.getMessage());
    }
    String what = reasons.size() == 1 ? "punkten" : "de " + reasons.size() + " punkterna";
    return String.format(MODEL_REFUSED, what) + "\n" + String.join("\n", reasons);
  }

  private static boolean isSwedish(String message) {
    return message != null && SWEDISH.matcher(message).find();
  }

  private static Optional<Throwable> find(Throwable error, Predicate<Throwable> test) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (test.test(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  private static String messages(Throwable error) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }

  /**
   * Error answers that did not come from an exception mapper (a resource that builds its own error
   * response, a text answer): the same Swedish sentence for their status.
   */
  @Override
  public void filter(ContainerRequestContext request, ContainerResponseContext response) {
    if (response.getStatus() < 400) {
      return;
    }
    Object entity = response.getEntity();
    String original;
    String type;
    if (entity instanceof String text) {
      original = text;
      type = "InvalidRequestException";
    } else if (entity instanceof ExceptionDto dto) {
      original = dto.getMessage();
      type = dto.getType();
    } else {
      return;
    }
    if (isSwedish(original)) {
      return;
    }
    LOG.debug("REST {} ({}): {}", response.getStatus(), type, original);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", swedish(response.getStatus()));
    body.put("code", null);
    response.setEntity(body, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
  }
}
