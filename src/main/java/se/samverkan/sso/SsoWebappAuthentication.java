package se.samverkan.sso;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;

/**
 * Opens the Camunda webapp session (Tasklist, Cockpit, Admin) for the user an OpenID Connect login
 * established: Camunda's {@link ContainerBasedAuthenticationFilter} with an {@link AuthenticationProvider}
 * that reads Spring Security's login. Camunda then reads the user's groups (the functions) and
 * applications from the engine, as for a form login, and refreshes them with its group cache. A
 * request without such a login passes on unchanged (the local form login for local accounts).
 */
class SsoWebappAuthentication extends ContainerBasedAuthenticationFilter {

  @Override
  public void init(FilterConfig filterConfig) {
    authenticationProvider = new SpringSecurityLogin();
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (ssoLogin() == null) {
      chain.doFilter(request, response);
    } else {
      super.doFilter(request, response, chain);
    }
  }

  static OAuth2AuthenticationToken ssoLogin() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof OAuth2AuthenticationToken token && token.isAuthenticated() ? token : null;
  }

  /** The user of the OpenID Connect login; groups and tenants are left to the engine (null). */
  static class SpringSecurityLogin implements AuthenticationProvider {
    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
      OAuth2AuthenticationToken login = ssoLogin();
      return login == null ? AuthenticationResult.unsuccessful() : AuthenticationResult.successful(login.getName());
    }

    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
      // the login page is the challenge (SsoWebappGate)
    }
  }
}
