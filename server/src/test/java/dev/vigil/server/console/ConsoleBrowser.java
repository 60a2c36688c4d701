package dev.vigil.server.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.server.testing.RunningServer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class, driven through Debian's {@code /usr/bin/chromedriver}
 * (named explicitly, so that Selenium Manager never runs and nothing is downloaded), with a fresh
 * profile. Takes a screenshot of every page a test asks for into
 * {@code target/console-screenshots/<class>/}, and reads the browser's console so that tests can
 * assert that a page logged no error.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ConsoleBrowser browser = new ConsoleBrowser(server);
 * }</pre>
 */
public final class ConsoleBrowser implements BeforeAllCallback, AfterAllCallback {
    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Selenium looks for a DevTools binding of the browser's version, which these tests do not use; its warning is noise. */
    private static final java.util.logging.Logger DEVTOOLS_LOG = quiet("org.openqa.selenium.devtools");

    private final RunningServer server;
    private ChromeDriver driver;
    private ChromeDriverService service;
    private Path profile;
    private Path screenshots;
    private final List<String> consoleErrors = new ArrayList<>();

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(Level.SEVERE);
        return logger;
    }

    public ConsoleBrowser(RunningServer server) {
        this.server = server;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser tests drive Debian's chromium through chromedriver: apt-get install -y chromium chromium-driver")
                .isTrue();
        profile = Files.createTempDirectory("vigil-chromium-");
        screenshots = Paths.get("target", "console-screenshots", context.getRequiredTestClass().getSimpleName());
        Files.createDirectories(screenshots);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (service != null) {
                service.stop();
            }
            if (profile != null) {
                try (Stream<Path> paths = Files.walk(profile)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                }
            }
        }
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens a path of the server and waits for the page to load. */
    public void open(String path) {
        driver.get(server.uri(path).toString());
        waitForPageLoad();
    }

    /** Signs in through the sign-in page, as a user would, and waits for the console to open. */
    public void signIn(String user, String password) {
        open("/console/sign-in");
        screenshot("00-sign-in");
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/console/workspaces/"));
        waitForPageLoad();
    }

    /** Signs out through the user menu. */
    public void signOut() {
        driver.findElement(By.cssSelector(".user-menu summary")).click();
        driver.findElement(By.cssSelector("[data-sign-out]")).click();
        waitUntil(d -> d.getCurrentUrl().contains("/console/sign-in"));
    }

    /** Signs out if a test left the browser on a console page, so that the next test of the class signs in afresh. */
    public void signOutIfSignedIn() {
        if (driver.getCurrentUrl().contains("/console/workspaces/")) {
            signOut();
        }
    }

    public WebElement find(String css) {
        return until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    public WebElement findVisible(String css) {
        return until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private <T> T until(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, WAIT).until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw failure(e);
        }
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clicks the link or button with exactly this text, e.g. {@code Open connector page}. */
    public void clickText(String text) {
        WebElement element = until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//*[(self::a or self::button) and normalize-space(.)='" + text + "']")));
        element.click();
    }

    public void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        try {
            new WebDriverWait(driver, WAIT).until(condition::apply);
        } catch (org.openqa.selenium.TimeoutException e) {
            throw failure(e);
        }
    }

    /** A timeout that says where the browser was and what it showed, with a screenshot beside the others. */
    private AssertionError failure(RuntimeException e) {
        Path shot = screenshot("failure-" + System.currentTimeMillis());
        String text = String.valueOf(script("return document.body ? document.body.innerText : ''"));
        return new AssertionError("timed out on " + driver.getCurrentUrl() + " (screenshot " + shot + "); the page shows:\n"
                + text.substring(0, Math.min(2000, text.length())) + "\nbrowser console: " + consoleErrors(), e);
    }

    public void waitUntilText(String css, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    private void waitForPageLoad() {
        waitUntil(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /** Saves a screenshot of the window as {@code <name>.png}, for a person to look at. */
    public Path screenshot(String name) {
        Path file = screenshots.resolve(name + ".png");
        try {
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The errors the browser's console logged since the last call (the log is read and emptied). */
    public List<String> consoleErrors() {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        consoleErrors.addAll(errors);
        return errors;
    }

    /** Asserts the current page logged no error to the browser's console (CSP violations included). */
    public void assertNoConsoleErrors() {
        assertThat(consoleErrors()).as("errors in the browser console on " + driver.getCurrentUrl()).isEmpty();
    }
}
