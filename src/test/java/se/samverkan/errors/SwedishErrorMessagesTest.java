package se.samverkan.errors;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;
import se.samverkan.errors.SwedishErrorMessages.Answer;
import se.samverkan.forms.Conflict;
import se.samverkan.forms.FormValidationException;
import se.samverkan.forms.StartConflictException;

class SwedishErrorMessagesTest {

  static class MarkedConflict extends FormValidationException implements Conflict {
    MarkedConflict(String message) {
      super(List.of(message), message);
    }
  }

  /** As Camunda's REST resources wrap what the engine throws: "Cannot submit task form …" as a 500. */
  static RestException wrapped(Throwable engine) {
    ProcessEngineException listener = new ProcessEngineException(
        "ENGINE-03051 There was an exception while invoking the TaskListener", engine);
    return new RestException(Status.INTERNAL_SERVER_ERROR, listener, "Cannot submit task form abc: " + listener.getMessage());
  }

  @Test
  void shouldAnswerOurRefusalWith400AndOnlyOurSwedishMessage() {
    FormValidationException refusal = new FormValidationException("Lägesbild", List.of("Fältet Trygghet måste fyllas i."));

    Answer answer = SwedishErrorMessages.answer(wrapped(refusal));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo(refusal.getMessage()).doesNotContain("ENGINE-", "Cannot");
    assertThat(answer.problems()).containsExactly("Fältet Trygghet måste fyllas i.");
  }

  @Test
  void shouldAnswerOptimisticLockingAnywhereInTheChainWith409() {
    Answer answer = SwedishErrorMessages.answer(wrapped(new OptimisticLockingException("ENGINE-03005 was updated by another transaction")));

    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.message()).isEqualTo(SwedishErrorMessages.CONFLICT);
  }

  @Test
  void shouldAnswerAConflictMarkerAndAStartConflictWith409AndTheirOwnMessage() {
    Answer marked = SwedishErrorMessages.answer(wrapped(new MarkedConflict("Processen startades redan av någon annan.")));
    Answer named = SwedishErrorMessages.answer(wrapped(new StartConflictException("Samverkansprocessen för perioden finns redan.")));

    assertThat(marked.status()).isEqualTo(409);
    assertThat(marked.message()).isEqualTo("Processen startades redan av någon annan.");
    assertThat(named.status()).isEqualTo(409);
    assertThat(named.message()).isEqualTo("Processen kan inte startas: Samverkansprocessen för perioden finns redan.");
  }

  @Test
  void shouldAnswerAClaimedTaskWith409AndAnAuthorizationWith403() {
    assertThat(SwedishErrorMessages.answer(new TaskAlreadyClaimedException("t", "someone")).status()).isEqualTo(409);
    Answer forbidden = SwedishErrorMessages.answer(wrapped(new AuthorizationException("user has no UPDATE")));
    assertThat(forbidden.status()).isEqualTo(403);
    assertThat(forbidden.message()).isEqualTo(SwedishErrorMessages.FORBIDDEN);
    Answer ours = SwedishErrorMessages.answer(new AuthorizationException("Du kan inte starta en process för Storuman."));
    assertThat(ours.message()).isEqualTo("Du kan inte starta en process för Storuman.");
  }

  @Test
  void shouldTellAFunctionUserThatOnlyTheProcessOwnerDeploys() {
    Answer deploy = SwedishErrorMessages.answer(new AuthorizationException("samordnare.lycksele",
        Permissions.CREATE.getName(), Resources.DEPLOYMENT.resourceName(), null));
    Answer readDeployment = SwedishErrorMessages.answer(new AuthorizationException("samordnare.lycksele",
        Permissions.READ.getName(), Resources.DEPLOYMENT.resourceName(), "d1"));

    assertThat(deploy.status()).isEqualTo(403);
    assertThat(deploy.message()).isEqualTo(SwedishErrorMessages.DEPLOY_FORBIDDEN).contains("processagare");
    assertThat(readDeployment.message()).isEqualTo(SwedishErrorMessages.FORBIDDEN);
  }

  @Test
  void shouldListEveryReasonOfARefusedModelWithFileAndLineUnderASwedishFirstLine() {
    Problem ours = problem("Processen \"Lägesbild\" (lagesbild) saknar historiktid. Regel: …", 3, 7);
    Problem engines = problem("Invalid destination 'Task_Gone' of sequence flow 'Flow_1'", 12, 0);
    ParseException refusal = new ParseException("ENGINE-09005 Could not parse BPMN process. Errors: …",
        "lagesbild.bpmn", List.of(ours, engines), List.of());

    Answer answer = SwedishErrorMessages.answer(new ProcessEngineException("deploy failed", refusal));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message().lines()).containsExactly(
        String.format(SwedishErrorMessages.MODEL_REFUSED, "de 2 punkterna"),
        "* " + ours.getMessage() + " (lagesbild.bpmn, rad 3, kolumn 7)",
        "* " + engines.getMessage() + " (lagesbild.bpmn, rad 12)");
  }

  private static Problem problem(String message, int line, int column) {
    return new Problem() {
      public String getMessage() {
        return message;
      }

      public int getLine() {
        return line;
      }

      public int getColumn() {
        return column;
      }

      public String getMainElementId() {
        return null;
      }

      public List<String> getElementIds() {
        return List.of();
      }
    };
  }

  @Test
  void shouldAnswerWhatIsNotThereWith404AndOtherMissingValuesWith400() {
    assertThat(SwedishErrorMessages.answer(wrapped(new NullValueException("Cannot find task with id x: task is null")))
        .status()).isEqualTo(404);
    assertThat(SwedishErrorMessages.answer(new NullValueException("variableName is null")).status()).isEqualTo(400);
  }

  @Test
  void shouldAnswerAValueTheDatabaseCannotHoldWith400() {
    SQLException tooLong = new SQLException("Value too long for column \"NAME_ CHARACTER VARYING(255)\"", "22001");
    Answer answer = SwedishErrorMessages.answer(wrapped(new ProcessEngineException("ENGINE-03004 flush failed", tooLong)));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.message()).isEqualTo(SwedishErrorMessages.VALUE_TOO_LONG);
  }

  @Test
  void shouldKeepA500ForWhatIsOurFaultButSayItInSwedish() {
    Answer answer = SwedishErrorMessages.answer(new IllegalStateException("a bug"));

    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.message()).isEqualTo(SwedishErrorMessages.UNEXPECTED);
  }

  @Test
  void shouldWriteTheAnswerAsJsonWithTypeMessageAndProblems() {
    var response = SwedishErrorMessages.toResponse(
        wrapped(new FormValidationException("Lägesbild", List.of("Fältet saknas."))), null);

    assertThat(response.getStatus()).isEqualTo(400);
    @SuppressWarnings("unchecked")
    Map<String, Object> body = (Map<String, Object>) response.getEntity();
    assertThat(body).containsEntry("type", "FormValidationException").containsKey("problems");
  }
}
