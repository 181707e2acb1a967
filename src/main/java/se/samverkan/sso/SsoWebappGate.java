package se.samverkan.sso;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' door when identity providers are configured:
 * <ul>
 * <li>opening Tasklist, Cockpit or Admin without a session leads to the organisation's identity
 * provider (one provider) or to Samverkan's login page (several); {@code ?lokal} keeps Camunda's
 * login form for local accounts (the administrator);</li>
 * <li>a session opened through a provider checks every {@code recheck-interval} that its user is still
 * an active user of the provider's source, and ends at once when not (a leaver);</li>
 * <li>Camunda's own logout of such a session also ends the provider login kept by Spring Security.</li>
 * </ul>
 */
class SsoWebappGate extends OncePerRequestFilter {

  static final String LOCAL_LOGIN = SsoWebappGate.class.getName() + ".LOCAL";
  static final String CHECKED_AT = SsoWebappGate.class.getName() + ".CHECKED_AT";
  static final String REFUSAL = SsoWebappGate.class.getName() + ".REFUSAL";
  private static final String CAMUNDA_AUTHENTICATIONS = "authenticatedUser";

  private final SsoSettings settings;
  private final SsoAccounts accounts;
  private final RequestCache requestCache;
  private final String webappPath;
  private final Pattern webappPage;
  private final Pattern camundaLogout;

  SsoWebappGate(SsoSettings settings, SsoAccounts accounts, RequestCache requestCache, String webappPath) {
    this.settings = settings;
    this.accounts = accounts;
    this.requestCache = requestCache;
    this.webappPath = webappPath;
    String path = Pattern.quote(webappPath);
    this.webappPage = Pattern.compile("^/?$|^" + path + "/?$|^" + path + "/app/((tasklist|cockpit|admin|welcome)/([^/]+/)?)?$");
    this.camundaLogout = Pattern.compile("^" + path + "/api/admin/auth/user/[^/]+/logout$");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    OAuth2AuthenticationToken login = SsoWebappAuthentication.ssoLogin();
    HttpSession session = request.getSession(false);
    if (login != null && session != null) {
      if (camundaLogout.matcher(path).matches() && "POST".equals(request.getMethod())) {
        session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContextHolder.clearContext();
      } else if (!stillAllowed(login, session)) {
        refuse(request, response, path);
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    if ("GET".equals(request.getMethod()) && webappPage.matcher(path).matches() && !camundaSession(session)) {
      if (request.getParameter("lokal") != null) {
        request.getSession().setAttribute(LOCAL_LOGIN, Boolean.TRUE);
      } else if (session == null || session.getAttribute(LOCAL_LOGIN) == null) {
        requestCache.saveRequest(request, response);
        response.sendRedirect(request.getContextPath() + loginPath());
        return;
      }
    }
    chain.doFilter(request, response);
  }

  /** Where a person without a session logs in: the only provider, or the page to choose one. */
  String loginPath() {
    return settings.providers().size() == 1
        ? "/oauth2/authorization/" + settings.providers().keySet().iterator().next()
        : "/sso/inloggning";
  }

  private boolean stillAllowed(OAuth2AuthenticationToken login, HttpSession session) {
    Instant now = Instant.now();
    if (session.getAttribute(CHECKED_AT) instanceof Instant checked && checked.plus(settings.recheckInterval()).isAfter(now)) {
      return true;
    }
    String providerId = login.getAuthorizedClientRegistrationId();
    Optional<String> refusal = settings.provider(providerId)
        .map(provider -> accounts.refusal(providerId, provider, login.getName()))
        .orElse(Optional.of("Inloggningstjänsten " + providerId + " är inte längre konfigurerad."));
    if (refusal.isPresent()) {
      session.setAttribute(REFUSAL, refusal.get());
      return false;
    }
    session.setAttribute(CHECKED_AT, now);
    return true;
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
    HttpSession session = request.getSession(false);
    String refusal = session == null ? null : (String) session.getAttribute(REFUSAL);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    request.getSession(true).setAttribute(REFUSAL, refusal);
    if (path.startsWith(webappPath + "/api/") || path.startsWith("/api/")) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setContentType("application/json");
      response.setCharacterEncoding(StandardCharsets.UTF_8.name());
      response.getWriter().write(SsoErrors.json("AuthenticationException", refusal));
    } else {
      response.sendRedirect(request.getContextPath() + "/sso/avvisad");
    }
  }

  private static boolean camundaSession(HttpSession session) {
    return session != null && session.getAttribute(CAMUNDA_AUTHENTICATIONS) instanceof
        org.camunda.bpm.webapp.impl.security.auth.Authentications authentications
        && !authentications.getAuthentications().isEmpty();
  }
}
