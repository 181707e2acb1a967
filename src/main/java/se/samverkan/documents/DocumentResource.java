package se.samverkan.documents;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import se.samverkan.engine.CallerGroups;
import se.samverkan.organisation.Organisation;

/**
 * {@code /engine-rest/samverkan/dokument}: the fixed documents, behind the REST API's authentication
 * (HTTP Basic as the rest of {@code /engine-rest}).
 * <ul>
 *   <li>{@code GET ?kommun=|lpo=|processInstanceId=}: the documents the caller may read (metadata, no bytes);</li>
 *   <li>{@code GET /{id}}: the PDF, the same bytes each time (ETag = its SHA-256);</li>
 *   <li>{@code PUT /{id}/diarienummer} {@code {"diarienummer": "KS 2027/123"}}: the municipality's
 *       samordnare or kommunledning registers it (blank clears).</li>
 * </ul>
 * A document the caller may not read answers 404, as one that does not exist. The documents are
 * Samverkan's own table, not engine data: the audience rule ({@link Documents#mayRead}) is the check.
 */
@Path("/samverkan/dokument")
public class DocumentResource {

  static final String PATH = "/engine-rest/samverkan/dokument";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final Documents documents;
  private final Organisation organisation;

  public DocumentResource(ProcessEngine engine, Documents documents, Organisation organisation) {
    this.engine = engine;
    this.documents = documents;
    this.organisation = organisation;
  }

  @GET
  @Produces(MediaType.APPLICATION_JSON)
  public Response list(@QueryParam("kommun") String kommun, @QueryParam("lpo") String lpo,
      @QueryParam("processInstanceId") String processInstanceId) {
    List<String> groups = groups();
    List<DocumentInfo> found;
    if (kommun != null && !kommun.isBlank()) {
      if (organisation.municipality(kommun).isEmpty()) {
        return json(Response.Status.NOT_FOUND, DocumentAnswers.message("Kommunen «" + kommun + "» finns inte i organisationen."));
      }
      found = documents.visibleTo(groups, kommun);
    } else if (lpo != null && !lpo.isBlank()) {
      if (organisation.lpo(lpo).isEmpty()) {
        return json(Response.Status.NOT_FOUND, DocumentAnswers.message("Lokalpolisområdet «" + lpo + "» finns inte i organisationen."));
      }
      found = documents.visibleInLpo(groups, lpo);
    } else if (processInstanceId != null && !processInstanceId.isBlank()) {
      found = documents.ofProcessInstance(groups, processInstanceId);
    } else {
      found = documents.visibleToAll(groups);
    }
    return json(Response.Status.OK, DocumentAnswers.of(found, PATH));
  }

  @GET
  @Path("/{id}")
  @Produces({"application/pdf", MediaType.APPLICATION_JSON})
  public Response pdf(@PathParam("id") String id) {
    Optional<DocumentInfo> document = documents.readable(id, groups());
    if (document.isEmpty()) {
      return json(Response.Status.NOT_FOUND, DocumentAnswers.message(DocumentAnswers.NOT_FOUND));
    }
    byte[] pdf = documents.pdf(document.get());
    return Response.ok(pdf, "application/pdf")
        .header("Content-Disposition", DocumentAnswers.contentDisposition(document.get()))
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .header("ETag", DocumentAnswers.etag(document.get()))
        .build();
  }

  @PUT
  @Path("/{id}/diarienummer")
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces(MediaType.APPLICATION_JSON)
  public Response register(@PathParam("id") String id, Map<String, Object> body) {
    List<String> groups = groups();
    Optional<DocumentInfo> document = documents.readable(id, groups);
    if (document.isEmpty()) {
      return json(Response.Status.NOT_FOUND, DocumentAnswers.message(DocumentAnswers.NOT_FOUND));
    }
    if (!documents.mayRegister(document.get(), groups)) {
      return json(Response.Status.FORBIDDEN, DocumentAnswers.message(
          "Bara kommunens samordnare eller kommunledning får ange diarienummer för «" + document.get().title() + "»."));
    }
    Object value = body == null ? null : body.get("diarienummer");
    if (value != null && !(value instanceof String)) {
      return json(Response.Status.BAD_REQUEST, DocumentAnswers.message("Diarienumret ska skickas som text, t.ex. «KS 2027/123»."));
    }
    try {
      DocumentInfo registered = documents.register(document.get(), (String) value,
          engine.getIdentityService().getCurrentAuthentication().getUserId());
      return json(Response.Status.OK, DocumentAnswers.of(registered, PATH));
    } catch (IllegalArgumentException refused) {
      return json(Response.Status.BAD_REQUEST, DocumentAnswers.message(refused.getMessage()));
    }
  }

  private List<String> groups() {
    IdentityService identity = engine.getIdentityService();
    return CallerGroups.of(identity, identity.getCurrentAuthentication());
  }

  private static Response json(Response.Status status, Object body) {
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(JSON.writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
