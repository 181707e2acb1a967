package se.samverkan.directory;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.savedrequest.NullRequestCache;
import se.samverkan.security.LoginThrottle;

/**
 * The SCIM endpoint's door: {@link ScimAuthentication} on {@code /scim/*} (after the request size
 * limit), and a Spring Security chain of its own that keeps it stateless (no session, no login
 * redirect, no bearer-token parsing of single sign-on: a SCIM token is not a person's token).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ScimConfiguration {

  @Bean
  FilterRegistrationBean<ScimAuthentication> scimAuthentication(DirectorySettings settings, LoginThrottle throttle) {
    FilterRegistrationBean<ScimAuthentication> registration = new FilterRegistrationBean<>(new ScimAuthentication(settings, throttle));
    registration.setName("samverkan-scim-authentication");
    registration.addUrlPatterns("/scim/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 2);
    return registration;
  }

  @Bean
  @Order(0)
  SecurityFilterChain scimSecurity(HttpSecurity http) throws Exception {
    // plain string matching (Camunda's Jersey servlets beside Spring MVC, as in SsoConfiguration)
    http.securityMatcher((HttpServletRequest request) -> {
          String path = request.getRequestURI().substring(request.getContextPath().length());
          return path.equals("/scim") || path.startsWith("/scim/");
        })
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    return http.build();
  }
}
