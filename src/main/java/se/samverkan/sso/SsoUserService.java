package se.samverkan.sso;

import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * After an OpenID Connect login: the Camunda user id from the provider's configured claim, taken only
 * when it is an active user of the provider's own source ({@link SsoAccounts}). The login carries no
 * authorities: the functions are the user's Camunda memberships, read by the webapps.
 */
class SsoUserService implements OAuth2UserService<OidcUserRequest, OidcUser> {

  static final String REFUSED = "samverkan_refused";

  private final OidcUserService oidc = new OidcUserService();
  private final SsoSettings settings;
  private final SsoAccounts accounts;

  SsoUserService(SsoSettings settings, SsoAccounts accounts) {
    this.settings = settings;
    this.accounts = accounts;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = oidc.loadUser(request);
    String providerId = request.getClientRegistration().getRegistrationId();
    SsoSettings.Provider provider = settings.providers().get(providerId);
    Object claim = user.getClaims().get(provider.userIdClaim());
    String userId = claim == null ? null : claim.toString();
    Optional<String> refusal = accounts.refusal(providerId, provider, userId);
    if (refusal.isPresent()) {
      throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED, refusal.get(), null), refusal.get());
    }
    return new DefaultOidcUser(List.of(), user.getIdToken(), user.getUserInfo(), provider.userIdClaim());
  }
}
