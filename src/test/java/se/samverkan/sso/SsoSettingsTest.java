package se.samverkan.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SsoSettingsTest {

  private static SsoSettings.Provider provider(String issuer) {
    return new SsoSettings.Provider("Lycksele kommun", issuer, "samverkan", "secret", null, "lycksele", null, null);
  }

  @Test
  void productionRefusesAnIssuerWithoutTls() {
    SsoSettings settings = new SsoSettings(Map.of("lycksele", provider("http://login.lycksele.se/realms/kommun")), null);

    assertThatThrownBy(() -> settings.check(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Samverkan startar inte: inloggningstjänsten 'lycksele'")
        .hasMessageContaining("utan https");
    assertThatCode(() -> settings.check(false)).doesNotThrowAnyException();
  }

  @Test
  void productionTakesAnHttpsIssuer() {
    SsoSettings settings = new SsoSettings(Map.of("lycksele", provider("https://login.lycksele.se/realms/kommun")), null);

    assertThatCode(() -> settings.check(true)).doesNotThrowAnyException();
  }

  @Test
  void aProviderWithoutItsSourceIsRefusedInEveryProfile() {
    SsoSettings.Provider noSource = new SsoSettings.Provider("Lycksele kommun", "https://login.lycksele.se", "samverkan",
        "secret", null, " ", null, null);
    SsoSettings settings = new SsoSettings(Map.of("lycksele", noSource), null);

    assertThatThrownBy(() -> settings.check(false))
        .hasMessageContaining("saknar source (samverkan.sso.providers.lycksele.source)");
  }

  @Test
  void defaultsNameTheUserClaimTheAudienceAndTheScopes() {
    SsoSettings.Provider provider = provider("https://login.lycksele.se");

    assertThat(provider.userIdClaim()).isEqualTo("preferred_username");
    assertThat(provider.audience()).isEqualTo("samverkan");
    assertThat(provider.scopes()).containsExactly("openid", "profile", "email");
    assertThat(new SsoSettings(null, null).enabled()).isFalse();
  }
}
