package se.samverkan.security;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The REST API's user: the one a bearer token names when Spring Security's resource server took the
 * token (single sign-on, se.samverkan.sso: issuer, signature, lifetime, audience and the user's
 * source checked there), otherwise HTTP Basic against Camunda's identity service (service accounts,
 * local accounts). The groups are read from the engine either way.
 */
public class BearerOrBasicAuthenticationProvider extends HttpBasicAuthenticationProvider {

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token && token.isAuthenticated()) {
      return AuthenticationResult.successful(token.getName());
    }
    return super.extractAuthenticatedUser(request, engine);
  }
}
