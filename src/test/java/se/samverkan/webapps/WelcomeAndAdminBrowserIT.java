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
  @org.springframework.beans.factory.annotation.Autowired org.camunda.bpm.engine.IdentityService identity;
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

  /**
   * Admin reloaded a user's groups only when its dialog was closed with "OK"; closed with Escape
   * after the groups were added, the page still said "… är inte med i någon grupp"
   * (scripts/samverkan-memberships.js).
   */
  @Test
  void shouldShowTheAddedGroupHoweverTheDialogIsClosed() {
    String userId = "admin.testperson";
    org.camunda.bpm.engine.identity.User user = identity.newUser(userId);
    user.setFirstName("Testa");
    user.setLastName("Person");
    user.setPassword("Langt-losenord-2026");
    identity.saveUser(user);
    try {
      webapp.logInTo("admin", "admin");
      webapp.open("admin", "/users/" + userId + "?tab=groups");
      webapp.waitForText(By.tagName("body"), "Testa Person är inte med i någon grupp.");
      webapp.button("Lägg till i en grupp").click(); // an ng-click link without href: no keyboard focus
      org.openqa.selenium.WebElement row = webapp.waitFor(By.cssSelector(".modal tbody tr"));
      String groupId = row.findElement(By.cssSelector(".group-id a")).getText();
      webapp.tick(row.findElement(By.cssSelector("input[type='checkbox']")));
      webapp.click(webapp.waitFor(By.xpath("//*[contains(@class,'modal')]//button[normalize-space(.)='Lägg till grupper']")));
      webapp.waitForText(By.cssSelector(".modal"), "Användaren är tillagd i de valda grupperna.");
      webapp.driver().findElement(By.tagName("body")).sendKeys(org.openqa.selenium.Keys.ESCAPE);
      webapp.waitUntilGone(By.cssSelector(".modal"));

      webapp.waitFor(By.xpath("//table//td[contains(@class,'group-id')]/a[normalize-space(.)='" + groupId + "']"));
      assertThat(webapp.bodyText()).doesNotContain("är inte med i någon grupp");
      assertThat(identity.createUserQuery().userId(userId).memberOfGroup(groupId).count()).isEqualTo(1);
    } finally {
      identity.deleteUser(userId);
    }
  }
}
