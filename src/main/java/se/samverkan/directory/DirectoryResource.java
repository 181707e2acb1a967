package se.samverkan.directory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import se.samverkan.engine.AsSystem;
import se.samverkan.engine.CallerGroups;

/**
 * The directory sync for administrators ({@code camunda-admin}) only, behind the REST API's
 * authentication:
 * <ul>
 *   <li>{@code POST /engine-rest/samverkan/katalog/synkronisera}: syncs every source now (reads each LDAP directory, applies what each SCIM provider pushed) and
 *       answers what it did, in Swedish; {@code ?slappIgenom=<source id>} lets that source's held
 *       removals through this once (the mass-removal valve);</li>
 *   <li>{@code GET /engine-rest/samverkan/katalog/andringar?kalla=&anvandare=&antal=}: the latest
 *       recorded changes (newest first, at most 1,000) and each source's last sync.</li>
 * </ul>
 */
@Path("/samverkan/katalog")
public class DirectoryResource {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DirectorySync sync;
  private final DirectoryChanges changes;
  private final IdentityService identity;

  public DirectoryResource(DirectorySync sync, DirectoryChanges changes, IdentityService identity) {
    this.sync = sync;
    this.changes = changes;
    this.identity = identity;
  }

  @POST
  @Path("/synkronisera")
  @Produces(MediaType.APPLICATION_JSON)
  public Response synchronise(@QueryParam("slappIgenom") List<String> release) {
    Authentication authentication = identity.getCurrentAuthentication();
    if (!isAdministrator(authentication)) {
      return refused();
    }
    // the sync changes identities as the system, as it does on its schedule
    DirectorySync.Outcome outcome = AsSystem.call(identity, () -> sync.run(release == null ? Set.of() : Set.copyOf(release)));
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    if (outcome.skippedBecauseLocked()) {
      body.put("meddelande", "En annan nod synkroniserar katalogerna just nu; försök igen om en stund.");
      return answer(Response.Status.CONFLICT, body);
    }
    body.put("synkroniserad", outcome.ran());
    body.put("meddelande", !outcome.ran() ? "Ingen katalogkälla (LDAP eller SCIM) är konfigurerad (samverkan.directory.sources)."
        : outcome.reconciliationRun() ? "Katalogerna är synkroniserade; funktionernas avstämning har körts (återlämnade uppgifter, överlämningar, vakanser)."
        : "Katalogerna är synkroniserade; inga funktioner ändrades.");
    body.put("avstamningKord", outcome.reconciliationRun());
    ArrayNode sources = body.putArray("kallor");
    for (DirectorySync.SourceOutcome source : outcome.sources()) {
      sources.addObject()
          .put("kalla", source.source())
          .put("namn", source.name())
          .put("status", switch (source.status()) {
            case OK -> "SYNKRONISERAD";
            case FAILED -> "MISSLYCKAD";
            case HELD -> "INNEHALLEN";
          })
          .put("meddelande", source.message())
          .put("nyaAnvandare", source.usersCreated())
          .put("uppdateradeAnvandare", source.usersUpdated())
          .put("avstangdaKonton", source.accountsDeactivated())
          .put("givnaFunktioner", source.membershipsAdded())
          .put("tagnaFunktioner", source.membershipsRemoved())
          .put("krockar", source.collisions())
          .put("ejIntagnaPoster", source.refused());
    }
    return answer(Response.Status.OK, body);
  }

  @GET
  @Path("/andringar")
  @Produces(MediaType.APPLICATION_JSON)
  public Response latestChanges(@QueryParam("kalla") String source, @QueryParam("anvandare") String userId,
      @QueryParam("antal") @DefaultValue("100") int limit) {
    if (!isAdministrator(identity.getCurrentAuthentication())) {
      return refused();
    }
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    ArrayNode states = body.putArray("kallor");
    for (Map<String, Object> state : changes.sourceStates()) {
      ObjectNode node = states.addObject();
      node.put("kalla", String.valueOf(state.get("source")));
      node.put("status", String.valueOf(state.get("status")));
      node.put("detalj", state.get("detail") == null ? null : String.valueOf(state.get("detail")));
      node.put("senastForsok", String.valueOf(state.get("last_attempt_at")));
      node.put("senastLyckad", state.get("last_success_at") == null ? null : String.valueOf(state.get("last_success_at")));
    }
    ArrayNode list = body.putArray("andringar");
    for (DirectoryChanges.Change change : changes.latest(Math.max(1, Math.min(1000, limit)), blankToNull(source),
        blankToNull(userId))) {
      list.addObject()
          .put("tid", change.changedAt().toInstant().toString())
          .put("kalla", change.source())
          .put("anvandare", change.userId())
          .put("funktion", change.groupId())
          .put("slag", change.kind())
          .put("detalj", change.detail())
          .put("nod", change.node());
    }
    return answer(Response.Status.OK, body);
  }

  private boolean isAdministrator(Authentication authentication) {
    if (authentication == null || authentication.getUserId() == null) {
      return false;
    }
    return CallerGroups.of(identity, authentication).contains(SourceRules.ADMIN_GROUP);
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  private static Response refused() {
    return answer(Response.Status.FORBIDDEN, JsonNodeFactory.instance.objectNode()
        .put("message", "Bara administratörer får synkronisera katalogerna och läsa vad synkroniseringen ändrat."));
  }

  private static Response answer(Response.Status status, ObjectNode body) {
    try {
      return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
          .entity(JSON.writeValueAsString(body)).build();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
