package se.samverkan.security;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo profile Samverkan refuses to start without an admin password from the
 * environment: Camunda would otherwise create the admin user with its id as password. The
 * production profile never runs together with the demo profile (its users all have the password
 * "demo"), whatever else is active.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

  static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";
  static final String POLICY_PROPERTY = "camunda.bpm.generic-properties.properties.enable-password-policy";

  static final String PROD_WITH_DEMO = "Samverkan startar inte: profilen 'prod' får inte köras tillsammans med "
      + "'demo' (demo-användare med lösenordet 'demo'). Ta bort 'demo' (och 'test') ur SPRING_PROFILES_ACTIVE. "
      + "/ Refusing to start: profile 'prod' must not be combined with 'demo' (demo users with password 'demo').";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> profiles = Arrays.asList(environment.getActiveProfiles());
    if (profiles.contains("prod") && profiles.contains("demo")) {
      // Profile groups are expanded by now (ConfigData runs first): "prod,test" includes demo too.
      throw new IllegalStateException(PROD_WITH_DEMO + " Active profiles: " + String.join(",", profiles) + ".");
    }
    if (profiles.contains("demo")) {
      return;
    }
    String password = environment.getProperty(PASSWORD_PROPERTY);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "Samverkan startar inte utan administratörslösenord: sätt miljövariabeln SAMVERKAN_ADMIN_PASSWORD "
              + "(och gärna SAMVERKAN_ADMIN_USER). Profilen 'demo' har demo-lösenord och är bara för prov.");
    }
    if (environment.getProperty(POLICY_PROPERTY, Boolean.class, false) && !meetsPolicy(password, environment)) {
      // Camunda would stop with "Password does not match policy" deep inside the engine start.
      throw new IllegalStateException(
          "Samverkan startar inte: SAMVERKAN_ADMIN_PASSWORD uppfyller inte lösenordspolicyn (minst 10 tecken, "
              + "stor och liten bokstav, siffra och specialtecken, och inte användarens id eller namn).");
    }
  }

  private static boolean meetsPolicy(String password, ConfigurableEnvironment environment) {
    List<PasswordPolicyRule> rules = new DefaultPasswordPolicyImpl().getRules();
    // The user-data rule needs a user object; checked below against the configured admin instead.
    boolean rulesMet = rules.stream()
        .filter(rule -> !(rule instanceof PasswordPolicyUserDataRuleImpl))
        .allMatch(rule -> rule.execute(password));
    String lower = password.toLowerCase(Locale.ROOT);
    boolean containsUserData = Stream.of("camunda.bpm.admin-user.id", "camunda.bpm.admin-user.first-name",
            "camunda.bpm.admin-user.last-name")
        .map(environment::getProperty)
        .filter(value -> value != null && !value.isBlank())
        .anyMatch(value -> lower.contains(value.toLowerCase(Locale.ROOT)));
    return rulesMet && !containsUserData;
  }
}
