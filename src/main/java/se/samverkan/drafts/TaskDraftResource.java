package se.samverkan.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The drafts on the REST API, behind its authentication (HTTP Basic, a bearer token):
 * {@code GET|PUT|DELETE /engine-rest/samverkan/uppgifter/{taskId}/utkast}, the same answers and rules
 * as for Tasklist ({@link TaskDraftService}); the REST filter has made the caller the engine's
 * current authentication.
 */
@Path("/samverkan/uppgifter/{taskId}/utkast")
public class TaskDraftResource {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TaskDraftService drafts;

  public TaskDraftResource(TaskDraftService drafts) {
    this.drafts = drafts;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response read(@PathParam("taskId") String taskId) {
    return answer(() -> drafts.read(taskId).map(DraftAnswers::of).orElseGet(DraftAnswers::none));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response save(@PathParam("taskId") String taskId, String body) {
    return answer(() -> {
      JsonNode json;
      try {
        json = body == null || body.isBlank() ? null : JSON.readTree(body);
      } catch (java.io.IOException e) {
        throw new TaskDraftService.Refused(400, "Innehållet är inte giltig JSON.");
      }
      return DraftAnswers.of(drafts.save(taskId, json == null ? null : json.get("varden")));
    });
  }

  @DELETE
  public Response remove(@PathParam("taskId") String taskId) {
    try {
      drafts.remove(taskId);
      return Response.noContent().build();
    } catch (TaskDraftService.Refused refused) {
      return refusal(refused);
    }
  }

  private static Response answer(Supplier<Map<String, Object>> work) {
    try {
      return json(Response.Status.OK.getStatusCode(), work.get());
    } catch (TaskDraftService.Refused refused) {
      return refusal(refused);
    }
  }

  private static Response refusal(TaskDraftService.Refused refused) {
    return json(refused.status(), DraftAnswers.refused(refused.getMessage()));
  }

  private static Response json(int status, Map<String, Object> body) {
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(JSON.writeValueAsString(body)).build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
