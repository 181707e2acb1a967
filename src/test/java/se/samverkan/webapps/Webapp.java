package se.samverkan.webapps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The Camunda webapps as a person uses them: log in, click, read; explicit waits, never sleeps. */
public class Webapp {

  static final Duration WAIT = Duration.ofSeconds(20);

  private final WebDriver driver;
  private final String baseUrl;

  public Webapp(WebDriver driver, int port) {
    this.driver = driver;
    this.baseUrl = "http://localhost:" + port + "/camunda/app/";
  }

  public WebDriver driver() {
    return driver;
  }

  /** Opens an app (tasklist, cockpit, admin, welcome) at a route and logs in as the user, password demo. */
  public void logInTo(String app, String user) {
    logOut();
    driver.get(baseUrl + app + "/default/#/login");
    // The login page focuses the user field once Angular has rendered it; keys typed before that
    // can land in the wrong field (seen in CI: "samordnare.lyckseledemo"). Type until both fields
    // hold exactly what was typed.
    for (int attempt = 1; ; attempt++) {
      WebElement username = waitFor(By.cssSelector("input[ng-model='username']"));
      WebElement password = waitFor(By.cssSelector("input[ng-model='password']"));
      username.clear();
      username.sendKeys(user);
      password.clear();
      password.sendKeys("demo");
      if (user.equals(username.getDomProperty("value")) && "demo".equals(password.getDomProperty("value"))) {
        break;
      }
      if (attempt == 3) {
        throw new IllegalStateException("Could not type the login of " + user + " into the login form");
      }
    }
    driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit'], button[type='submit']")).click();
    waitFor(By.cssSelector("[cam-widget-header] .navbar-nav, [cam-widget-header] .account"));
  }

  public void open(String app, String route) {
    driver.get(baseUrl + app + "/default/#" + route);
  }

  public void logOut() {
    // The webapps keep the session and the CSRF token in cookies: drop them, leave the page, and
    // the next page load starts a fresh session (a hash change alone would keep the old token).
    if (driver.getCurrentUrl() != null && driver.getCurrentUrl().startsWith("http")) {
      ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }
    driver.manage().deleteAllCookies();
    driver.get("about:blank");
  }

  public void scrollTo(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
  }

  /**
   * Presses a button with the keyboard, as a person tabbing to it would: a long form's last button
   * can sit under the page footer, where a mouse click would land on the footer.
   */
  public void click(WebElement element) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(element)).sendKeys(Keys.ENTER);
  }

  /**
   * Ticks a checkbox with a real click, once the element is where it is drawn: inside a dialog that
   * is still sliding in, the click lands on what covers it (ElementClickIntercepted) and is tried again.
   */
  public void tick(WebElement checkbox) {
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", checkbox);
    new WebDriverWait(driver, WAIT).ignoring(org.openqa.selenium.ElementClickInterceptedException.class).until(d -> {
      if (!checkbox.isSelected()) {
        checkbox.click();
      }
      return checkbox.isSelected();
    });
  }

  /** Clicks a Tasklist filter by its name and waits for its list. */
  public void filter(String name) {
    waitFor(By.xpath("//*[contains(@class,'task-filters')]//a[contains(normalize-space(.),'" + name + "')]")).click();
    waitFor(By.xpath("//*[contains(@class,'task-filters')]//*[contains(@class,'active')][contains(normalize-space(.),'" + name + "')]"));
  }

  public WebElement waitFor(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  public List<WebElement> waitForAll(By by) {
    return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfAllElementsLocatedBy(by));
  }

  public void waitForText(By by, String text) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  public void waitUntilGone(By by) {
    new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(by));
  }

  public WebElement button(String text) {
    return waitFor(By.xpath("//button[normalize-space(.)='" + text + "'] | //a[normalize-space(.)='" + text + "']"));
  }

  /** The texts of the notifications shown now (e.g. a refusal), which are then closed. */
  public List<String> takeNotifications() {
    List<WebElement> shown = waitForAll(By.cssSelector(".page-notifications .alert"));
    List<String> texts = shown.stream().map(WebElement::getText).toList();
    driver.findElements(By.cssSelector(".page-notifications .alert .close"))
        .forEach(close -> ((JavascriptExecutor) driver).executeScript("arguments[0].click();", close));
    waitUntilGone(By.cssSelector(".page-notifications .alert"));
    return texts;
  }

  /**
   * The engine's and the webapps' English that must never reach a person: what Camunda wraps a
   * refusal in ("Cannot submit task form …: ENGINE-03051 There was an exception while invoking the
   * TaskListener", "Cannot instantiate process definition …") and its usual words.
   */
  static final java.util.List<String> ENGLISH = java.util.List.of("ENGINE-", "Cannot", "cannot", "Exception", "exception",
      "TaskListener", "instantiate", "submit", "invoking", "process definition", "Error", "error", "null", "Field is required");

  /** Fails when the text holds a word of {@link #ENGLISH}. */
  static void assertNoEnglish(String text) {
    for (String word : ENGLISH) {
      org.assertj.core.api.Assertions.assertThat(text).as("English «%s» shown to a person", word).doesNotContain(word);
    }
  }

  public String bodyText() {
    return driver.findElement(By.tagName("body")).getText();
  }

  /** Saves a screenshot of the page (or of one element) to a file under docs/, kept in git. */
  public void screenshot(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), file,
        StandardCopyOption.REPLACE_EXISTING);
  }

  public void screenshot(WebElement element, Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }
}
