package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The start page and Admin in Swedish, as a samordnare and the administrator meet them. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WelcomeAndAdminBrowserIT {

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  Webapp webapp;

  @BeforeEach
  void openBrowser() {
    webapp = new Webapp(browser.driver(), port);
  }

  @Test
  void shouldGreetAUserInSwedishOnTheStartPage() {
    webapp.logInTo("welcome", "samordnare.lycksele");

    webapp.waitForText(By.tagName("body"), "Program");
    assertThat(webapp.bodyText()).contains("Uppgifter", "Profil", "Byt lösenord", "Samverkan Start")
        .doesNotContain("migrate to Camunda 8", "Change password");
  }

  @Test
  void shouldShowAdminInSwedish() {
    webapp.logInTo("admin", "admin");

    webapp.waitForText(By.tagName("body"), "Användare");
    assertThat(webapp.bodyText()).contains("Grupper", "Behörigheter", "Samverkan Administration")
        .doesNotContain("migrate to Camunda 8", "Authorizations");
  }
}
