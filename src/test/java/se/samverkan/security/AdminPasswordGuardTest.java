package se.samverkan.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordGuardTest {

  private final AdminPasswordGuard guard = new AdminPasswordGuard();

  @Test
  void shouldRefuseToStartWithoutAdminPasswordOutsideDemo() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("postgres");
    env.setProperty(AdminPasswordGuard.PASSWORD_PROPERTY, "");

    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("SAMVERKAN_ADMIN_PASSWORD");
  }

  @Test
  void shouldStartWithAdminPasswordFromTheEnvironment() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    env.setProperty(AdminPasswordGuard.PASSWORD_PROPERTY, "ett-långt-lösenord");

    assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void shouldAllowTheDemoProfileItsDemoPassword() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("demo");

    assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseAnAdminPasswordAgainstThePolicyWithASwedishMessage() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    env.setProperty(AdminPasswordGuard.POLICY_PROPERTY, "true");
    env.setProperty("camunda.bpm.admin-user.id", "admin");
    env.setProperty(AdminPasswordGuard.PASSWORD_PROPERTY, "Drift-Admin-2026!");

    assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lösenordspolicyn");
  }

  @Test
  void shouldStartWithAnAdminPasswordThatMeetsThePolicy() {
    MockEnvironment env = new MockEnvironment();
    env.setActiveProfiles("prod");
    env.setProperty(AdminPasswordGuard.POLICY_PROPERTY, "true");
    env.setProperty("camunda.bpm.admin-user.id", "admin");
    env.setProperty(AdminPasswordGuard.PASSWORD_PROPERTY, "Ops-Secret-2026!x");

    assertThatCode(() -> guard.postProcessEnvironment(env, new SpringApplication())).doesNotThrowAnyException();
  }

  @Test
  void shouldRefuseTheProductionProfileTogetherWithTheDemoProfileEvenWithAPassword() {
    for (String[] profiles : new String[][] {{"prod", "demo"}, {"demo", "prod"}, {"prod", "postgres", "demo"}}) {
      MockEnvironment env = new MockEnvironment();
      env.setActiveProfiles(profiles);
      env.setProperty(AdminPasswordGuard.PASSWORD_PROPERTY, "Ops-Secret-2026!x");

      assertThatThrownBy(() -> guard.postProcessEnvironment(env, new SpringApplication()))
          .as(String.join(",", profiles))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'prod' får inte köras tillsammans med 'demo'")
          .hasMessageContaining("must not be combined");
    }
  }
}
