package se.samverkan.est;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverkan.organisation.Organisation;

/**
 * The runtime switch to pause and resume a municipality's EST, for its samordnare or kommunledning
 * (and administrators): {@code PUT /api/est/<kommun>/paus} pauses, {@code DELETE} resumes and
 * starts the next cycle, {@code GET} tells. HTTP Basic as for /engine-rest.
 */
@RestController
@RequestMapping("/api/est/{kommun}/paus")
public class EstPauseController {

  private final Organisation organisation;
  private final EstScheduler scheduler;
  private final EstPause pause;
  private final IdentityService identity;
  private final ManagementService management;

  public EstPauseController(Organisation organisation, EstScheduler scheduler, EstPause pause,
      IdentityService identity, ManagementService management) {
    this.organisation = organisation;
    this.scheduler = scheduler;
    this.pause = pause;
    this.identity = identity;
    this.management = management;
  }

  @GetMapping
  public ResponseEntity<Map<String, Object>> status(@PathVariable String kommun) {
    return allowed(kommun).orElseGet(() -> asSystem(() -> ResponseEntity.ok(state(kommun, List.of()))));
  }

  @PutMapping
  public ResponseEntity<Map<String, Object>> pause(@PathVariable String kommun) {
    return allowed(kommun).orElseGet(() -> asSystem(() -> {
      scheduler.pause(kommun);
      return ResponseEntity.ok(state(kommun, List.of()));
    }));
  }

  @DeleteMapping
  public ResponseEntity<Map<String, Object>> resume(@PathVariable String kommun) {
    return allowed(kommun).orElseGet(() -> asSystem(() -> ResponseEntity.ok(state(kommun, scheduler.resume(kommun)))));
  }

  /** Engine properties and starting cycles need system rights; the function was checked above. */
  private <T> T asSystem(java.util.function.Supplier<T> work) {
    return se.samverkan.engine.AsSystem.call(identity, work);
  }

  private Map<String, Object> state(String kommun, List<String> started) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("kommun", kommun);
    state.put("pausad", pause.isPaused(kommun, management));
    state.put("pausadIOrganisationsfilen", organisation.municipality(kommun).orElseThrow().est().isPaused());
    state.put("startade", started);
    return state;
  }

  private java.util.Optional<ResponseEntity<Map<String, Object>>> allowed(String kommun) {
    if (organisation.municipality(kommun).isEmpty()) {
      return java.util.Optional.of(refuse(HttpStatus.NOT_FOUND, "Okänd kommun: " + kommun));
    }
    Authentication user = identity.getCurrentAuthentication();
    List<String> groups = user == null || user.getGroupIds() == null ? List.of() : user.getGroupIds();
    if (groups.contains(Groups.CAMUNDA_ADMIN) || groups.contains(Organisation.groupId("samordnare", kommun))
        || groups.contains(Organisation.groupId("kommunledning", kommun))) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(refuse(HttpStatus.FORBIDDEN,
        "Endast kommunens samordnare eller kommunledning kan pausa och återuppta EST i " + kommun + "."));
  }

  private static ResponseEntity<Map<String, Object>> refuse(HttpStatus status, String message) {
    return ResponseEntity.status(status).body(Map.of("message", message));
  }
}
