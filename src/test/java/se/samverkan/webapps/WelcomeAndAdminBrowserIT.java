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

  /** The login page of every webapp names Samverkan above the app, not only Camunda's logo and "Start". */
  @Test
  void shouldNameSamverkanOnEveryLoginPage() {
    for (String[] app : new String[][] {{"welcome", "Start"}, {"tasklist", "Uppgifter"}, {"cockpit", "Översikt"},
        {"admin", "Administration"}}) {
      webapp.logOut();
      webapp.open(app[0], "/login");
      org.openqa.selenium.WebElement name = webapp.waitFor(By.cssSelector(".login-header .app-name"));
      assertThat(name.getText()).as(app[0]).isEqualTo(app[1]);
      Object before = ((org.openqa.selenium.JavascriptExecutor) webapp.driver()).executeScript(
          "return getComputedStyle(arguments[0], '::before').content;", name);
      assertThat(String.valueOf(before)).as(app[0]).isEqualTo("\"Samverkan \"");
    }
  }
}
