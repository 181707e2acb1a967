package se.samverkan.migration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import se.samverkan.organisation.Organisation;
import se.samverkan.security.WebSessions;

/**
 * Who may use the model-version page: a person logged in to the Camunda webapps (Cockpit) whose
 * current groups (read from the identity service at every request, not the session's cached ones,
 * so a person who left the function is out at once) include a function that deploys models
 * ({@code deploysModels} in the organisation file: the processägare) or Camunda's administrators.
 * Every POST carries the session's own token ({@link #CSRF_PARAMETER}).
 */
@Component
class ProcessOwnerAccess {

  static final String CSRF_PARAMETER = "_csrf";
  private static final String CSRF_ATTRIBUTE = ProcessOwnerAccess.class.getName() + ".csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ProcessEngine engine;
  private final IdentityService identity;
  private final Set<String> allowedGroups = new LinkedHashSet<>();

  ProcessOwnerAccess(ProcessEngine engine, Organisation organisation) {
    this.engine = engine;
    this.identity = engine.getIdentityService();
    organisation.allFunctions().stream()
        .filter(function -> organisation.definitionOf(function).map(d -> d.deploysModels()).orElse(false))
        .forEach(function -> allowedGroups.add(function.groupId()));
    allowedGroups.add(Groups.CAMUNDA_ADMIN);
  }

  /** The user id of the process owner behind the request; 401 without a webapp login, 403 for anyone else. */
  String processOwner(HttpServletRequest request) {
    String user = loggedIn(request).orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED,
        "Logga in i Cockpit först."));
    boolean member = identity.createGroupQuery().groupMember(user).list().stream()
        .anyMatch(group -> allowedGroups.contains(group.getId()));
    if (!member) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN,
          "Bara processägaren kan se modellversionerna och flytta pågående ärenden.");
    }
    return user;
  }

  /** As {@link #processOwner}, and the request must carry the session's token. */
  String processOwnerPosting(HttpServletRequest request) {
    String user = processOwner(request);
    HttpSession session = request.getSession(false);
    String expected = session == null ? null : (String) session.getAttribute(CSRF_ATTRIBUTE);
    String sent = request.getParameter(CSRF_PARAMETER);
    if (expected == null || sent == null
        || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Formuläret saknar en giltig kontrollkod. Ladda om sidan.");
    }
    return user;
  }

  /** The token of the session, for the page's forms. */
  String csrfToken(HttpServletRequest request) {
    HttpSession session = request.getSession();
    String token = (String) session.getAttribute(CSRF_ATTRIBUTE);
    if (token == null) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      session.setAttribute(CSRF_ATTRIBUTE, token);
    }
    return token;
  }

  private Optional<String> loggedIn(HttpServletRequest request) {
    return WebSessions.webappLogin(request, engine.getName()).map(Authentication::getIdentityId);
  }
}
