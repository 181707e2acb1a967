package se.samverkan.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The webapp sessions (Tasklist, Cockpit, Admin) of this node, by the user logged in to them, so a
 * person who leaves a function is logged out at once instead of working on with the groups the
 * session cached at login. Per node: the sessions live in each node's memory; on the other nodes the
 * webapps' group cache (camunda.bpm.webapp.auth.cache.time-to-live) expires within the same
 * reconciliation interval. HTTP Basic on /engine-rest and /api reads the groups on every request.
 */
@Component
public class WebSessions implements HttpSessionListener, HttpSessionAttributeListener {

  /** The session attribute the Camunda webapps keep their {@link Authentications} in (AuthenticationUtil). */
  public static final String CAMUNDA_AUTHENTICATIONS = "authenticatedUser";
  private static final Logger log = LoggerFactory.getLogger(WebSessions.class);

  private final Map<String, Set<HttpSession>> byUser = new ConcurrentHashMap<>();

  @Override
  public void attributeAdded(HttpSessionBindingEvent event) {
    index(event);
  }

  @Override
  public void attributeReplaced(HttpSessionBindingEvent event) {
    index(event);
  }

  private void index(HttpSessionBindingEvent event) {
    if (CAMUNDA_AUTHENTICATIONS.equals(event.getName())
        && event.getSession().getAttribute(CAMUNDA_AUTHENTICATIONS) instanceof Authentications authentications) {
      for (String userId : userIds(authentications)) {
        byUser.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(event.getSession());
      }
    }
  }

  @Override
  public void sessionDestroyed(HttpSessionEvent event) {
    byUser.values().forEach(sessions -> sessions.remove(event.getSession()));
    byUser.values().removeIf(Set::isEmpty);
  }

  /** Ends every webapp session of this node in which the person is logged in; returns how many. */
  public int endSessionsOf(String userId) {
    Set<HttpSession> sessions = byUser.remove(userId);
    if (sessions == null) {
      return 0;
    }
    int ended = 0;
    for (HttpSession session : sessions) {
      try {
        // the same session object may since carry another login (the Authentications are replaced)
        if (session.getAttribute(CAMUNDA_AUTHENTICATIONS) instanceof Authentications authentications
            && userIds(authentications).contains(userId)) {
          session.invalidate();
          ended++;
        }
      } catch (IllegalStateException alreadyInvalidated) {
        log.debug("Sessionen var redan avslutad", alreadyInvalidated);
      }
    }
    if (ended > 0) {
      log.info("{} har lämnat en funktion: {} webbsessioner på den här noden avslutade", userId, ended);
    }
    return ended;
  }

  /**
   * The person logged in to the webapps with this request's session, for the given engine (the
   * login Camunda's webapps keep, with the groups read at login); empty without a webapp login.
   * Samverkan's own pages and endpoints beside the webapps read who is asking here.
   */
  public static Optional<Authentication> webappLogin(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    if (session == null || !(session.getAttribute(CAMUNDA_AUTHENTICATIONS) instanceof Authentications all)) {
      return Optional.empty();
    }
    return Optional.ofNullable(all.getAuthenticationForProcessEngine(engineName));
  }

  private static List<String> userIds(Authentications authentications) {
    return authentications.getAuthentications().stream().map(Authentication::getIdentityId).toList();
  }
}
