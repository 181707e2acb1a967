package se.samverkan.sso;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Single sign-on ({@code samverkan.sso.*}): the organisations' OpenID Connect identity providers.
 * Without any provider Samverkan logs in as before (the webapps' login form, HTTP Basic).
 *
 * @param providers the providers by id (ASCII, lowercase; the id is part of the redirect URI
 *     {@code <public-url>/login/oauth2/code/<id>} registered at the provider)
 * @param recheckInterval how often a webapp session opened through a provider checks again that its
 *     user is still an active user of the provider's source (default 20 s)
 */
@ConfigurationProperties("samverkan.sso")
public record SsoSettings(Map<String, Provider> providers, Duration recheckInterval) {

  public SsoSettings {
    providers = providers == null ? Map.of() : Map.copyOf(providers);
    recheckInterval = recheckInterval == null ? Duration.ofSeconds(20) : recheckInterval;
  }

  /**
   * One identity provider, one organisation.
   *
   * @param name the organisation's name for people, on the login page ("Lycksele kommun")
   * @param issuerUri the issuer; its discovery document is read at the first login or token
   * @param clientId Samverkan's client id at the provider
   * @param clientSecret its secret
   * @param userIdClaim the claim that holds the Camunda user id (preferred_username, upn, or a claim
   *     of the organisation's own)
   * @param source the directory source (samverkan.directory.sources.&lt;id&gt;) whose users this
   *     provider may log in; nobody else
   * @param audience the audience a bearer token must name (default: the client id)
   * @param scopes the scopes asked for at login (default openid, profile, email)
   */
  public record Provider(String name, String issuerUri, String clientId, String clientSecret, String userIdClaim,
      String source, String audience, List<String> scopes) {
    public Provider {
      userIdClaim = userIdClaim == null || userIdClaim.isBlank() ? "preferred_username" : userIdClaim;
      audience = audience == null || audience.isBlank() ? clientId : audience;
      scopes = scopes == null || scopes.isEmpty() ? List.of("openid", "profile", "email") : List.copyOf(scopes);
    }

    boolean usesTls() {
      return issuerUri != null && issuerUri.toLowerCase(Locale.ROOT).startsWith("https://");
    }
  }

  public boolean enabled() {
    return !providers.isEmpty();
  }

  public Optional<Provider> provider(String id) {
    return Optional.ofNullable(id == null ? null : providers.get(id));
  }

  /** Refuses settings Samverkan cannot work with; in production also a provider without TLS. */
  void check(boolean production) {
    providers.forEach((id, provider) -> {
      for (String[] required : new String[][] {{"issuer-uri", provider.issuerUri()}, {"client-id", provider.clientId()},
          {"source", provider.source()}, {"name", provider.name()}}) {
        if (required[1] == null || required[1].isBlank()) {
          throw new IllegalStateException("Samverkan startar inte: inloggningstjänsten '" + id + "' saknar "
              + required[0] + " (samverkan.sso.providers." + id + "." + required[0] + ").");
        }
      }
      if (production && !provider.usesTls()) {
        throw new IllegalStateException("Samverkan startar inte: inloggningstjänsten '" + id + "' har utfärdaren "
            + provider.issuerUri() + " utan https. I profilen 'prod' måste varje OpenID Connect-tjänst nås med TLS. "
            + "/ Refusing to start: OIDC provider '" + id + "' has an issuer without https.");
      }
    });
  }
}
