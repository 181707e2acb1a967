package se.samverkan.sso;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

/**
 * Bearer tokens (JWT) on the REST API from the configured providers only, one authentication
 * manager per issuer ({@link JwtIssuerAuthenticationManagerResolver}; a token of any other issuer is
 * refused). A token is taken when its signature (the issuer's published keys), issuer, lifetime and
 * audience hold and its user id claim names an active user of the provider's own source, checked on
 * every request. The token's authorities are not used: the functions are the Camunda memberships.
 */
final class BearerTokens {

  private BearerTokens() {
  }

  static AuthenticationManagerResolver<HttpServletRequest> resolver(SsoSettings settings, SsoAccounts accounts) {
    Map<String, Map.Entry<String, SsoSettings.Provider>> byIssuer = settings.providers().entrySet().stream()
        .collect(Collectors.toMap(e -> e.getValue().issuerUri(), e -> e));
    Map<String, AuthenticationManager> managers = new ConcurrentHashMap<>();
    return new JwtIssuerAuthenticationManagerResolver(issuer -> {
      Map.Entry<String, SsoSettings.Provider> provider = byIssuer.get(issuer);
      return provider == null ? null : managers.computeIfAbsent(issuer, i -> manager(provider.getKey(), provider.getValue(), accounts));
    });
  }

  private static AuthenticationManager manager(String providerId, SsoSettings.Provider provider, SsoAccounts accounts) {
    JwtAuthenticationProvider jwt = new JwtAuthenticationProvider(new LazyDecoder(provider));
    jwt.setJwtAuthenticationConverter(token -> {
      Object claim = token.getClaims().get(provider.userIdClaim());
      String userId = claim == null ? null : claim.toString();
      Optional<String> refusal = accounts.refusal(providerId, provider, userId);
      if (refusal.isPresent()) {
        throw new SsoErrors.RefusedAccount(refusal.get());
      }
      return new JwtAuthenticationToken(token, List.of(), userId);
    });
    return jwt::authenticate;
  }

  /** The issuer's decoder, built from its discovery document at the first token (and again after a failure). */
  private static final class LazyDecoder implements JwtDecoder {
    private final SsoSettings.Provider provider;
    private volatile JwtDecoder decoder;

    LazyDecoder(SsoSettings.Provider provider) {
      this.provider = provider;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
      JwtDecoder current = decoder;
      if (current == null) {
        NimbusJwtDecoder built = JwtDecoders.fromIssuerLocation(provider.issuerUri());
        built.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(provider.issuerUri()), audience(provider.audience())));
        decoder = current = built;
      }
      return current.decode(token);
    }
  }

  private static OAuth2TokenValidator<Jwt> audience(String audience) {
    return jwt -> jwt.getAudience() != null && jwt.getAudience().contains(audience)
        ? OAuth2TokenValidatorResult.success()
        : OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Token för fel mottagare", null));
  }
}
