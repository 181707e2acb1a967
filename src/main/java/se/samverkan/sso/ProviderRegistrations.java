package se.samverkan.sso;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

/**
 * The providers as Spring Security client registrations, each built from its issuer's discovery
 * document when it is first needed (a login), not at startup: a provider that is down when
 * Samverkan starts keeps no one else from working, and is tried again at the next login.
 */
class ProviderRegistrations implements ClientRegistrationRepository {

  private final SsoSettings settings;
  private final Map<String, ClientRegistration> registrations = new ConcurrentHashMap<>();

  ProviderRegistrations(SsoSettings settings) {
    this.settings = settings;
  }

  @Override
  public ClientRegistration findByRegistrationId(String registrationId) {
    SsoSettings.Provider provider = settings.providers().get(registrationId);
    if (provider == null) {
      return null;
    }
    return registrations.computeIfAbsent(registrationId, id -> ClientRegistrations
        .fromIssuerLocation(provider.issuerUri())
        .registrationId(id)
        .clientName(provider.name())
        .clientId(provider.clientId())
        .clientSecret(provider.clientSecret())
        .scope(provider.scopes())
        .userNameAttributeName(provider.userIdClaim())
        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
        .build());
  }
}
