package se.samverkan.drafts;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samverkan.security.WebSessions;

/**
 * The drafts for Tasklist ({@code samverkan-drafts.js}) on the webapps' own login:
 * {@code GET|PUT|DELETE /samverkan/api/uppgifter/{taskId}/utkast}. The person is the one logged in to
 * the webapps (the session Camunda's login keeps, with its groups); a change must carry the
 * session's CSRF token in {@code X-XSRF-TOKEN}, as every change the webapps make does. The engine then
 * answers as that person ({@link TaskDraftService}).
 */
@RestController
@RequestMapping("/samverkan/api/uppgifter/{taskId}/utkast")
class TaskDraftController {

  /** Camunda's CsrfPreventionFilter keeps the session's token here (CsrfConstants). */
  static final String CSRF_SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";
  static final String CSRF_HEADER = "X-XSRF-TOKEN";
  private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

  private final TaskDraftService drafts;
  private final ProcessEngine engine;
  private final IdentityService identity;

  TaskDraftController(TaskDraftService drafts, ProcessEngine engine) {
    this.drafts = drafts;
    this.engine = engine;
    this.identity = engine.getIdentityService();
  }

  @GetMapping
  ResponseEntity<Map<String, Object>> read(@PathVariable String taskId, HttpServletRequest request) {
    return as(request, false, () -> ResponseEntity.ok(drafts.read(taskId).map(DraftAnswers::of).orElseGet(DraftAnswers::none)));
  }

  @PutMapping
  ResponseEntity<Map<String, Object>> save(@PathVariable String taskId, @RequestBody(required = false) String body,
      HttpServletRequest request) {
    // read only once the person and the CSRF token are checked
    return as(request, true, () -> {
      JsonNode json;
      try {
        json = body == null || body.isBlank() ? null : JSON.readTree(body);
      } catch (java.io.IOException e) {
        throw new TaskDraftService.Refused(400, "Utkastet kunde inte läsas: innehållet är inte giltig JSON.");
      }
      return ResponseEntity.ok(DraftAnswers.of(drafts.save(taskId, json == null ? null : json.get("varden"))));
    });
  }

  @DeleteMapping
  ResponseEntity<Map<String, Object>> remove(@PathVariable String taskId, HttpServletRequest request) {
    return as(request, true, () -> {
      drafts.remove(taskId);
      return ResponseEntity.noContent().build();
    });
  }

  private ResponseEntity<Map<String, Object>> as(HttpServletRequest request, boolean change,
      Supplier<ResponseEntity<Map<String, Object>>> work) {
    Authentication login = WebSessions.webappLogin(request, engine.getName()).orElse(null);
    if (!(login instanceof UserAuthentication user)) {
      return ResponseEntity.status(401).body(DraftAnswers.refused("Logga in i Tasklist först."));
    }
    if (change && !sameToken(request.getHeader(CSRF_HEADER), request.getSession().getAttribute(CSRF_SESSION_ATTRIBUTE))) {
      return ResponseEntity.status(403).body(DraftAnswers.refused(
          "Sidan är för gammal för att spara från (säkerhetsnyckeln saknas eller har bytts). Ladda om sidan och spara igen."));
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds());
    List<String> tenants = user.getTenantIds() == null ? List.of() : List.copyOf(user.getTenantIds());
    identity.setAuthentication(user.getIdentityId(), groups, tenants);
    try {
      return work.get();
    } catch (TaskDraftService.Refused refused) {
      return ResponseEntity.status(refused.status()).body(DraftAnswers.refused(refused.getMessage()));
    } finally {
      identity.clearAuthentication();
    }
  }

  private static boolean sameToken(String header, Object sessionToken) {
    return header != null && sessionToken instanceof String token
        && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
  }
}
