package se.samverkan.documents;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import se.samverkan.security.WebSessions;

/**
 * The documents on the webapps' own login, so that a browser opens them from Tasklist
 * ({@code samverkan-documents.js}) and from Samverkan's pages: {@code GET /samverkan/dokument/{id}}
 * (the PDF) and {@code GET /samverkan/api/dokument?processInstanceId=} (the instance's documents the
 * person may read). The same audience rule as {@link DocumentResource}; only reads, so no CSRF token.
 */
@RestController
class DocumentController {

  static final String PATH = "/samverkan/dokument";

  private final Documents documents;
  private final ProcessEngine engine;

  DocumentController(Documents documents, ProcessEngine engine) {
    this.documents = documents;
    this.engine = engine;
  }

  @GetMapping("/samverkan/api/dokument")
  ResponseEntity<?> list(@RequestParam(required = false) String processInstanceId,
      @RequestParam(required = false) String kommun, HttpServletRequest request) {
    Optional<List<String>> groups = groups(request);
    if (groups.isEmpty()) {
      return ResponseEntity.status(401).body(DocumentAnswers.message("Logga in i Tasklist först."));
    }
    List<DocumentInfo> found = processInstanceId != null && !processInstanceId.isBlank()
        ? documents.ofProcessInstance(groups.get(), processInstanceId)
        : kommun != null && !kommun.isBlank() ? documents.visibleTo(groups.get(), kommun)
        : documents.visibleToAll(groups.get());
    return ResponseEntity.ok(DocumentAnswers.of(found, PATH));
  }

  @GetMapping(PATH + "/{id}")
  ResponseEntity<?> pdf(@PathVariable String id, HttpServletRequest request) {
    Optional<List<String>> groups = groups(request);
    if (groups.isEmpty()) {
      return ResponseEntity.status(401).contentType(MediaType.APPLICATION_JSON)
          .body(DocumentAnswers.message("Logga in i Tasklist först."));
    }
    Optional<DocumentInfo> document = documents.readable(id, groups.get());
    if (document.isEmpty()) {
      return ResponseEntity.status(404).contentType(MediaType.APPLICATION_JSON)
          .body(DocumentAnswers.message(DocumentAnswers.NOT_FOUND));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, DocumentAnswers.contentDisposition(document.get()))
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .eTag(DocumentAnswers.etag(document.get()))
        .body(documents.pdf(document.get()));
  }

  private Optional<List<String>> groups(HttpServletRequest request) {
    return WebSessions.webappLogin(request, engine.getName())
        .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast)
        .map(user -> user.getGroupIds() == null ? List.<String>of() : List.copyOf(user.getGroupIds()));
  }
}
