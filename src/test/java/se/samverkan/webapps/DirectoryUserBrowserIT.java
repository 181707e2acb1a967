package se.samverkan.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import se.samverkan.directory.DirectoryWrites;

/**
 * Admin shows a directory-managed user read-only and names its directory; a local account keeps its
 * edit controls. The user is written as the directory sync writes it (a row in
 * samverkan_directory_user, the account inside DirectoryWrites) and removed afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DirectoryUserBrowserIT {

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  Webapp webapp;
  String userId;
  String localId;

  @BeforeEach
  void aUserFromADirectory() {
    webapp = new Webapp(browser.driver(), port);
    userId = "katalog.webb" + System.nanoTime();
    localId = "lokal.webb" + System.nanoTime();
    Timestamp now = Timestamp.from(Instant.now());
    jdbc.update("INSERT INTO samverkan_directory_user (user_id, source, external_id, first_synced_at, last_synced_at)"
        + " VALUES (?, 'lycksele-ad', ?, ?, ?)", userId, "uid=" + userId + ",ou=personer,dc=lycksele,dc=example", now, now);
    DirectoryWrites.run(() -> identity.saveUser(user(userId)));
    identity.saveUser(user(localId));
  }

  @AfterEach
  void removeThem() {
    DirectoryWrites.run(() -> identity.deleteUser(userId));
    jdbc.update("DELETE FROM samverkan_directory_user WHERE user_id = ?", userId);
    identity.deleteUser(localId);
  }

  @Test
  void shouldShowADirectoryUserReadOnlyWithItsDirectoryAndALocalUserEditable() {
    webapp.logInTo("admin", "admin");
    webapp.open("admin", "/users/" + userId + "?tab=profile");

    webapp.waitForText(By.id("samverkan-katalog"), "Hanteras av katalogen lycksele-ad");
    List<WebElement> fields = webapp.waitForAll(By.cssSelector("form input"));
    assertThat(fields).isNotEmpty().allMatch(field -> !field.isEnabled());

    webapp.open("admin", "/users/" + localId + "?tab=profile");
    webapp.waitFor(By.cssSelector("form input"));
    webapp.waitUntilGone(By.id("samverkan-katalog"));
    assertThat(webapp.driver().findElements(By.cssSelector("form input"))).anyMatch(WebElement::isEnabled);
  }

  private User user(String id) {
    User user = identity.newUser(id);
    user.setFirstName("Webb");
    user.setLastName("Test");
    user.setEmail(id + "@samverkan.example");
    return user;
  }
}
