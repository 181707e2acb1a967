package se.samverkan.sso;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import se.samverkan.webapps.BrowserExtension;

/**
 * Tasklist through an organisation's identity provider: Samverkan's Swedish login page offers both
 * providers, the provider's login page (mock-oauth2-server's interactive login) logs the samordnare
 * in, and Tasklist opens in Swedish as that user with that user's function's tasks; "Logga ut" ends
 * Samverkan's session and the provider's, and a user of another source is refused with a Swedish page.
 */
class SingleSignOnBrowserIT {

  @RegisterExtension static BrowserExtension browser = new BrowserExtension();
  private static SsoTestApplication app;
  private static String taskId;

  @BeforeAll
  static void start() {
    app = new SsoTestApplication();
    app.directoryUser("samordnare.lycksele", "lycksele-katalog");
    app.directoryUser("kommunpolis.sodra-lappland", "polisen-katalog");
    TaskService tasks = app.bean(TaskService.class);
    Task task = tasks.newTask();
    task.setName("Enkätsvar att läsa");
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), "samordnare-lycksele");
    taskId = task.getId();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.bean(TaskService.class).deleteTask(taskId, true);
      app.close();
    }
  }

  @Test
  void shouldLogInToTasklistThroughTheProviderAsTheRightUserAndLogOutOfBoth() {
    WebDriver driver = browser.driver();
    driver.manage().deleteAllCookies();
    driver.get(base() + "/camunda/app/tasklist/" + app.engineName + "/");

    wait(driver).until(ExpectedConditions.urlContains("/sso/inloggning"));
    assertThat(body(driver)).contains("Logga in med Lycksele kommun", "Logga in med Polisen", "Lokalt konto");
    driver.findElement(By.id("login-lycksele")).click();

    signInAtTheProvider(driver, "samordnare.lycksele");

    wait(driver).until(ExpectedConditions.urlContains("/camunda/app/tasklist/" + app.engineName + "/"));
    wait(driver).until(ExpectedConditions.elementToBeClickable(By.partialLinkText("Min funktions uppgifter"))).click();
    wait(driver).until(d -> body(d).contains("Enkätsvar att läsa"));
    assertThat(body(driver)).as("Swedish Tasklist with the samordnare's task").contains("Uppgifter")
        .doesNotContain("Sign in");
    String account = wait(driver).until(d -> d.findElement(By.cssSelector("[cam-widget-header] .account")).getDomProperty("textContent"));
    assertThat(account).as("logged in as the samordnare").isNotBlank();

    driver.findElement(By.cssSelector("[cam-widget-header] .account > a, [cam-widget-header] .account .dropdown-toggle")).click();
    wait(driver).until(ExpectedConditions.elementToBeClickable(By.cssSelector("li.logout a"))).click();

    wait(driver).until(ExpectedConditions.urlContains("/sso/inloggning"));
    wait(driver).until(d -> body(d).contains("Du är utloggad"));
    driver.get(base() + "/camunda/app/tasklist/" + app.engineName + "/");
    wait(driver).until(ExpectedConditions.urlContains("/sso/inloggning"));
    driver.findElement(By.id("login-lycksele")).click();
    wait(driver).until(d -> body(d).contains("Mock OAuth2 Server Sign-in"));
  }

  @Test
  void shouldRefuseAUserOfAnotherSourceWithASwedishPage() {
    WebDriver driver = browser.driver();
    driver.manage().deleteAllCookies();
    driver.get(base() + "/sso/inloggning");
    driver.findElement(By.id("login-lycksele")).click();

    signInAtTheProvider(driver, "kommunpolis.sodra-lappland");

    wait(driver).until(ExpectedConditions.urlContains("/sso/avvisad"));
    assertThat(body(driver)).contains("Inloggningen nekades",
        "Kontot kommunpolis.sodra-lappland hör inte till Lycksele kommun");
    driver.get(base() + "/camunda/app/tasklist/" + app.engineName + "/");
    wait(driver).until(ExpectedConditions.urlContains("/sso/inloggning"));
  }

  private static void signInAtTheProvider(WebDriver driver, String userId) {
    wait(driver).until(d -> body(d).contains("Mock OAuth2 Server Sign-in"));
    driver.findElement(By.name("username")).sendKeys(userId);
    driver.findElement(By.name("claims")).sendKeys("{\"preferred_username\": \"" + userId + "\"}");
    driver.findElement(By.cssSelector("input[type='submit']")).click();
  }

  private static String base() {
    return "http://localhost:" + app.port;
  }

  private static String body(WebDriver driver) {
    return driver.findElement(By.tagName("body")).getText();
  }

  private static WebDriverWait wait(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(20));
  }
}
