package se.samverkan.webapps;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium (Debian's chromium + chromium-driver) per test class. Nothing is
 * downloaded: the driver and the browser are given by path, so Selenium Manager is never asked.
 * Without the browser the tests are skipped, unless SAMVERKAN_BROWSER_TESTS=required (CI), when
 * its absence fails them. A failing test leaves a screenshot and the page in target/browser-screenshots/.
 */
public class BrowserExtension implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path FAILURES = Path.of("target", "browser-screenshots");
  static final String REQUIRED_SETTING = "SAMVERKAN_BROWSER_TESTS";

  private ChromeDriver driver;
  private Path profile;

  public ChromeDriver driver() {
    return driver;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (required()) {
      if (!present) {
        throw new IllegalStateException(REQUIRED_SETTING + "=required but " + CHROMIUM + " or " + CHROMEDRIVER
            + " is missing: apt-get install -y chromium chromium-driver");
      }
    } else {
      Assumptions.assumeTrue(present, "no " + CHROMIUM + " / " + CHROMEDRIVER + ": browser tests skipped");
    }
    profile = Files.createTempDirectory("samverkan-chromium-");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-extensions", "--disable-default-apps", "--lang=sv-SE", "--window-size=1400,1000",
        "--user-data-dir=" + profile.toAbsolutePath());
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "sv-SE,sv"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @Override
  public void afterTestExecution(ExtensionContext context) throws IOException {
    if (context.getExecutionException().isPresent() && driver != null) {
      Files.createDirectories(FAILURES);
      String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
      File shot = driver.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), FAILURES.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      Files.writeString(FAILURES.resolve(name + ".html"), driver.getPageSource(), StandardCharsets.UTF_8);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (driver != null) {
      driver.quit();
    }
    if (profile != null) {
      try (var files = Files.walk(profile)) {
        files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      }
    }
  }

  static boolean required() {
    String value = System.getProperty(REQUIRED_SETTING, System.getenv(REQUIRED_SETTING));
    return "required".equalsIgnoreCase(value);
  }
}
