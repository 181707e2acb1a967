package se.samverkan.sso;

import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Single sign-on with OpenID Connect (Spring Security's OAuth2 client and resource server). Two
 * filter chains: the REST API ({@code /engine-rest}, {@code /api}) takes bearer tokens of the
 * configured providers beside HTTP Basic (which Camunda's filter keeps checking, see
 * security/RestAuthenticationConfiguration); everything else is the webapps' OpenID Connect login
 * and logout. Without a provider Spring Security's filter is not registered at all, and Samverkan
 * logs in exactly as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SsoSettings.class)
class SsoConfiguration {

  static final String LOGIN_PAGE = "/sso/inloggning";
  static final String LOGOUT = "/sso/utloggning";
  static final String REFUSED_PAGE = "/sso/avvisad";

  @Bean
  SsoAccounts ssoAccounts(JdbcTemplate jdbc, IdentityService identityService) {
    return new SsoAccounts(jdbc, identityService);
  }

  @Bean
  ProviderRegistrations providerRegistrations(SsoSettings settings, Environment environment) {
    settings.check(environment.acceptsProfiles(Profiles.of("prod")));
    return new ProviderRegistrations(settings);
  }

  /** Without a provider Spring Security stays out of every request (no firewall, no headers, nothing). */
  @Bean
  static BeanPostProcessor springSecurityOnlyWithProviders(Environment environment) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DelegatingFilterProxyRegistrationBean registration && !enabled(environment)) {
          registration.setEnabled(false);
        }
        return bean;
      }
    };
  }

  static boolean enabled(Environment environment) {
    return Binder.get(environment).bind("samverkan.sso", SsoSettings.class).map(SsoSettings::enabled).orElse(false);
  }

  @Bean
  FilterRegistrationBean<SsoWebappAuthentication> ssoWebappAuthentication(SsoSettings settings,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) {
    FilterRegistrationBean<SsoWebappAuthentication> registration = new FilterRegistrationBean<>(new SsoWebappAuthentication());
    registration.setName("samverkan-sso-webapp-authentication");
    registration.addUrlPatterns(webappPath + "/*");
    // after Spring Security (its login is read here), before Camunda's webapp filters
    registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER + 10);
    registration.setEnabled(settings.enabled());
    return registration;
  }

  @Bean
  @Order(1)
  SecurityFilterChain restSecurity(HttpSecurity http, SsoSettings settings, SsoAccounts accounts) throws Exception {
    http.securityMatcher(under("/engine-rest/", "/api/"))
        .csrf(csrf -> csrf.disable())
        .headers(headers -> headers.disable())
        .logout(logout -> logout.disable())
        .requestCache(cache -> cache.requestCache(new NullRequestCache()))
        .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
    if (settings.enabled()) {
      http.oauth2ResourceServer(resourceServer -> resourceServer
          .authenticationManagerResolver(BearerTokens.resolver(settings, accounts))
          .authenticationEntryPoint(SsoErrors.bearerRefused()));
    }
    return http.build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain webappSecurity(HttpSecurity http, SsoSettings settings, SsoAccounts accounts,
      ProviderRegistrations registrations,
      @Value("${camunda.bpm.webapp.application-path:/camunda}") String webappPath) throws Exception {
    HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    requestCache.setMatchingRequestParameterName(null);
    http.csrf(csrf -> csrf.disable()) // the webapps have Camunda's CSRF filter; the login has OAuth2's state
        .headers(headers -> headers.disable()) // Camunda's header filter and Samverkan's settings as before
        .requestCache(cache -> cache.requestCache(requestCache));
    if (!settings.enabled()) {
      return http.build();
    }
    SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
    success.setRequestCache(requestCache);
    success.setDefaultTargetUrl(webappPath + "/app/tasklist/default/");
    OidcClientInitiatedLogoutSuccessHandler loggedOut = new OidcClientInitiatedLogoutSuccessHandler(registrations);
    loggedOut.setPostLogoutRedirectUri("{baseUrl}" + LOGIN_PAGE + "?utloggad");
    loggedOut.setDefaultTargetUrl(LOGIN_PAGE + "?utloggad");
    http.oauth2Login(login -> login
            .clientRegistrationRepository(registrations)
            .loginPage(LOGIN_PAGE)
            .userInfoEndpoint(userInfo -> userInfo.oidcUserService(new SsoUserService(settings, accounts)))
            .successHandler(success)
            .failureHandler((request, response, exception) -> {
              String message = exception instanceof OAuth2AuthenticationException oauth
                  && SsoUserService.REFUSED.equals(oauth.getError().getErrorCode())
                  ? oauth.getError().getDescription()
                  : "Inloggningen misslyckades. Försök igen, eller kontakta Samverkans administratör om felet består.";
              request.getSession().setAttribute(SsoWebappGate.REFUSAL, message);
              response.sendRedirect(request.getContextPath() + REFUSED_PAGE);
            }))
        .logout(logout -> logout
            .logoutRequestMatcher(under(LOGOUT))
            .logoutSuccessHandler(loggedOut))
        .addFilterAfter(new SsoWebappGate(settings, accounts, requestCache, webappPath), AnonymousAuthenticationFilter.class);
    return http.build();
  }

  /** Paths that are, or lie under, one of these (plain string matching: Camunda's Jersey servlets beside Spring MVC). */
  private static RequestMatcher under(String... prefixes) {
    return (HttpServletRequest request) -> {
      String path = request.getRequestURI().substring(request.getContextPath().length());
      for (String prefix : prefixes) {
        String folder = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (path.equals(folder) || path.startsWith(folder + "/")) {
          return true;
        }
      }
      return false;
    };
  }
}
