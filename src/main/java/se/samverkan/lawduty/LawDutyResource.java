package se.samverkan.lawduty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import se.samverkan.engine.AsSystem;
import se.samverkan.engine.CallerGroups;
import se.samverkan.organisation.Municipality;
import se.samverkan.organisation.Organisation;
import se.samverkan.organisation.OrganisationFunction;

/**
 * {@code GET /engine-rest/samverkan/lagkrav/<kommun>}: the municipality's record of lag (2023:196),
 * each duty with whether and when it was last met, in which step and instance, e.g. to show the
 * county board. Behind the REST API's authentication; readable by the functions of the
 * municipality and its LPO, by oversight ({@code readsAll}: länsstyrelsen) and administrators,
 * never by another municipality or the process owner.
 *
 * <p>Audience: the answer holds duties met, dates, step names and instance ids, never case data.
 * It is read from the history of every instance's {@code lagkrav} (samverkansprocess,
 * gemensam-lagesbild, kommunens-lagesbild, medborgarlofte), which none of its readers may read
 * themselves (länsstyrelsen reads no history at all): so after this resource's own audience rule
 * ({@link #mayRead}) it reads as the system, and returns only this municipality's entries.
 */
@Path("/samverkan/lagkrav")
public class LawDutyResource {

  static final String ADMIN_GROUP = "camunda-admin";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ProcessEngine engine;
  private final Organisation organisation;

  public LawDutyResource(ProcessEngine engine, Organisation organisation) {
    this.engine = engine;
    this.organisation = organisation;
  }

  @GET
  @Path("/{kommun}")
  @Produces(MediaType.APPLICATION_JSON)
  public Response record(@PathParam("kommun") String kommun) {
    Optional<Municipality> municipality = organisation.municipality(kommun);
    if (municipality.isEmpty()) {
      return answer(Response.Status.NOT_FOUND, message("Kommunen «" + kommun + "» finns inte i organisationen."));
    }
    IdentityService identity = engine.getIdentityService();
    Authentication authentication = identity.getCurrentAuthentication();
    if (authentication == null || !mayRead(identity, authentication, kommun)) {
      return answer(Response.Status.FORBIDDEN, message("Du har ingen funktion som får läsa lagkraven för "
          + municipality.get().name() + "."));
    }
    // the person may read this municipality's record, not every instance's history: read it as the system
    ObjectNode record = AsSystem.call(identity, () -> new LawDutyRecords(engine.getHistoryService()).of(kommun));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("kommun", kommun);
    body.put("kommunNamn", municipality.get().name());
    ArrayNode duties = body.putArray("lagkrav");
    for (LawDuty duty : LawDuty.values()) {
      JsonNode met = record.path(duty.name());
      ObjectNode entry = duties.addObject();
      entry.put("krav", duty.name());
      entry.put("benamning", duty.label());
      entry.put("uppfyllt", !met.isMissingNode());
      if (!met.isMissingNode()) {
        entry.put("datum", met.path("datum").asText());
        entry.put("steg", met.path("steg").asText());
        entry.put("processinstans", met.path("processinstans").asText());
      }
    }
    return answer(Response.Status.OK, body);
  }

  private boolean mayRead(IdentityService identity, Authentication authentication, String kommun) {
    List<String> groups = CallerGroups.of(identity, authentication);
    String lpo = organisation.lpoOf(kommun).map(l -> l.slug()).orElse("");
    for (String group : groups) {
      if (ADMIN_GROUP.equals(group)) {
        return true;
      }
      Optional<OrganisationFunction> function = organisation.function(group);
      if (function.isEmpty()) {
        continue;
      }
      String scope = function.get().scopeSlug();
      boolean oversight = organisation.definitionOf(function.get()).map(d -> d.readsAll()).orElse(false);
      if (kommun.equals(scope) || lpo.equals(scope) || oversight) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode message(String text) {
    return JsonNodeFactory.instance.objectNode().put("message", text);
  }

  private static Response answer(Response.Status status, JsonNode body) {
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(JSON.writeValueAsString(body)).build();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
