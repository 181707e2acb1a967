package se.samverkan.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Outside the demo profile Samverkan refuses to start without an admin password from the
 * environment: Camunda would otherwise create the admin user with its id as password.
 */
public class AdminPasswordGuard implements EnvironmentPostProcessor {

  static final String PASSWORD_PROPERTY = "camunda.bpm.admin-user.password";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (Arrays.asList(environment.getActiveProfiles()).contains("demo")) {
      return;
    }
    String password = environment.getProperty(PASSWORD_PROPERTY);
    if (password == null || password.isBlank()) {
      throw new IllegalStateException(
          "Samverkan startar inte utan administratörslösenord: sätt miljövariabeln SAMVERKAN_ADMIN_PASSWORD "
              + "(och gärna SAMVERKAN_ADMIN_USER). Profilen 'demo' har demo-lösenord och är bara för prov.");
    }
  }
}
