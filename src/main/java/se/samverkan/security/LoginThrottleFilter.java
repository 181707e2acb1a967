package se.samverkan.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts the {@link LoginThrottle} in front of both doors a password goes through: the webapps' login
 * form (POST {@code /camunda/api/admin/auth/user/{engine}/login/{app}}) and HTTP Basic on
 * {@code /engine-rest} and {@code /api}. A throttled attempt is answered 429 with a Swedish message
 * and a Retry-After header, without the password being checked. The source is the client address
 * as Tomcat sees it (behind a reverse proxy: from X-Forwarded-For, see docs/security.md "Logins: throttling and the way back").
 */
public class LoginThrottleFilter extends OncePerRequestFilter {

  static final String MESSAGE = "För många misslyckade inloggningar. Försök igen om %d minuter, "
      + "eller logga in från din vanliga dator.";
  private static final Logger log = LoggerFactory.getLogger(LoginThrottleFilter.class);

  private final LoginThrottle throttle;
  private final String webappLoginPrefix;

  public LoginThrottleFilter(LoginThrottle throttle, String webappPath) {
    this.throttle = throttle;
    this.webappLoginPrefix = webappPath + "/api/admin/auth/user/";
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String source = request.getRemoteAddr();
    if (path.startsWith(webappLoginPrefix) && path.contains("/login/") && "POST".equals(request.getMethod())) {
      byte[] body = request.getInputStream().readAllBytes();
      String account = formParameter(body, "username");
      if (refused(response, source, account)) {
        return;
      }
      chain.doFilter(new RequestSizeLimitFilter.BufferedRequest(request, body), response);
      if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
        failed(source, account);
      } else if (response.getStatus() < 300) {
        throttle.succeeded(source, account);
      }
      return;
    }
    String account = basicUser(request.getHeader("Authorization"));
    if (account == null) {
      chain.doFilter(request, response);
      return;
    }
    if (refused(response, source, account)) {
      return;
    }
    chain.doFilter(request, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      failed(source, account);
    } else {
      throttle.succeeded(source, account);
    }
  }

  private void failed(String source, String account) {
    throttle.failed(source, account);
    if (throttle.waitBefore(source, account).isPresent()) {
      log.warn("Inloggningar från {} för kontot '{}' spärrade i {} efter upprepade felaktiga lösenord",
          source, account == null ? null : account.replaceAll("\\p{Cntrl}", "?"), throttle.lockDuration());
    }
  }

  private boolean refused(HttpServletResponse response, String source, String account) throws IOException {
    Optional<Duration> wait = throttle.waitBefore(source, account);
    if (wait.isEmpty()) {
      return false;
    }
    long seconds = Math.max(1, wait.get().toSeconds());
    response.setStatus(429);
    response.setHeader("Retry-After", String.valueOf(seconds));
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write("{\"type\":\"LoginThrottled\",\"message\":\""
        + String.format(MESSAGE, (seconds + 59) / 60) + "\"}");
    return true;
  }

  static String basicUser(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0 ? decoded : decoded.substring(0, colon);
    } catch (IllegalArgumentException malformed) {
      return "";
    }
  }

  static String formParameter(byte[] body, String name) {
    for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      if (name.equals(key)) {
        try {
          return URLDecoder.decode(equals < 0 ? "" : pair.substring(equals + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
          return "";
        }
      }
    }
    return null;
  }

  @Configuration(proxyBeanMethods = false)
  static class Registration {

    @Bean
    LoginThrottle loginThrottle(
        @Value("${samverkan.login.max-failures-per-account:5}") int maxFailuresPerAccount,
        @Value("${samverkan.login.max-failures-per-source:20}") int maxFailuresPerSource,
        @Value("${samverkan.login.window:PT15M}") Duration window,
        @Value("${samverkan.login.lock-duration:PT15M}") Duration lockDuration) {
      return new LoginThrottle(maxFailuresPerAccount, maxFailuresPerSource, window, lockDuration);
    }

    @Bean
    FilterRegistrationBean<LoginThrottleFilter> loginThrottleFilter(LoginThrottle throttle,
        @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
      FilterRegistrationBean<LoginThrottleFilter> registration =
          new FilterRegistrationBean<>(new LoginThrottleFilter(throttle, webappPath));
      registration.setName("samverkan-login-throttle");
      registration.addUrlPatterns("/engine-rest/*", "/api/*", webappPath + "/api/admin/auth/user/*");
      // after the size limit, before the REST authentication filter and the webapps' login
      registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
      return registration;
    }
  }
}
