package org.onestop.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Interactive;
import org.openqa.selenium.interactions.Sequence;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The one harness of the browser tests: a real browser ({@link HeadlessChromium}) on the application the Spring Boot
 * test started (its random port), opened on first use and closed after each test with a screenshot in
 * {@code target/browser/}, plus what the tests do on every page: log in with the keyboard, wait, reach an element with
 * Tab as a keyboard user does, check the page with axe-core ({@link Accessibility}) and check that no script ran.
 * It is the {@link WebDriver} itself, so Selenium's own calls and conditions work on it.
 *
 * <pre>
 * class ReportBrowserTest extends IntegrationTest {
 *
 *     &#64;RegisterExtension
 *     final Browser browser = new Browser();
 *
 *     &#64;Test
 *     void aResidentReportsAPothole() {
 *         browser.open("/report");
 *         browser.assertAccessible();
 *         browser.tabTo(By.id("words")).sendKeys("pothole", Keys.ENTER);
 *         browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("matches-heading")));
 *     }
 * }
 * </pre>
 */
public final class Browser implements WebDriver, JavascriptExecutor, Interactive, TakesScreenshot, BeforeEachCallback, AfterEachCallback {

    /** How many Tab presses {@link #tabTo} tries before it gives up: more than any of our pages needs. */
    private static final int MAX_TAB_STOPS = 80;

    private String root;
    private ChromeDriver driver;
    private WebDriverWait wait;

    @Override
    public void beforeEach(ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getRequiredProperty("local.server.port");
        root = "http://localhost:" + port;
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (driver != null) {
            try {
                Path shot = Path.of("target", "browser", context.getRequiredTestClass().getSimpleName() + ".png");
                Files.createDirectories(shot.getParent());
                Files.write(shot, driver.getScreenshotAs(OutputType.BYTES));
            } finally {
                quit();
            }
        }
    }

    /** The address of a path of the application under test. */
    public String url(String path) {
        return root + path;
    }

    /** Opens a path of the application under test. */
    public void open(String path) {
        get(url(path));
    }

    /** Logs in afresh through the login page with the keyboard (user name, Tab, password, Enter) and lands on the staff start page. */
    public void logIn(String user, String password) {
        manage().deleteAllCookies();
        open("/login");
        findElement(By.id("username")).sendKeys(user, Keys.TAB);
        focused().sendKeys(password, Keys.ENTER);
        until(ExpectedConditions.urlToBe(url("/staff")));
    }

    /** Waits (20 s, through page loads) until the condition holds; see {@link HeadlessChromium#waitFor}. */
    public <V> V until(Function<? super WebDriver, V> condition) {
        started();
        return wait.until(condition);
    }

    /** The page's main heading, once it shows. */
    public WebElement heading() {
        return until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    }

    /** Waits until the page's main heading contains the text. */
    public void waitForHeading(String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

    /** The element that has the keyboard focus. */
    public WebElement focused() {
        return switchTo().activeElement();
    }

    /** Presses Tab until the element has the focus, as a keyboard user reaches it; fails if it cannot be reached. */
    public WebElement tabTo(By target) {
        WebElement element = findElement(target);
        for (int i = 0; i < MAX_TAB_STOPS; i++) {
            if (element.equals(focused())) {
                return element;
            }
            focused().sendKeys(Keys.TAB);
        }
        throw new AssertionError("could not reach " + target + " with the keyboard");
    }

    /**
     * Makes the browser's geolocation answer with this position, as a phone's would, with the permission granted
     * (Chrome DevTools: {@code Browser.grantPermissions}, {@code Emulation.setGeolocationOverride}).
     */
    public void mockLocation(double latitude, double longitude) {
        started().executeCdpCommand("Browser.grantPermissions", java.util.Map.of("permissions", List.of("geolocation")));
        started().executeCdpCommand("Emulation.setGeolocationOverride",
                java.util.Map.of("latitude", latitude, "longitude", longitude, "accuracy", 5));
    }

    /** Makes the browser ask for pages in these languages, as one set up in French would (Accept-Language, DevTools). */
    public void acceptLanguage(String languages) {
        started().executeCdpCommand("Network.enable", java.util.Map.of());
        started().executeCdpCommand("Network.setExtraHTTPHeaders", java.util.Map.of("headers", java.util.Map.of("Accept-Language", languages)));
    }

    /** Writes a picture of the page as shown, for a person to look at. */
    public void screenshot(Path file, int width, int height) throws IOException {
        started().manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Long full = (Long) started().executeScript("return document.documentElement.scrollHeight");
        started().manage().window().setSize(new org.openqa.selenium.Dimension(width, (int) Math.min(Math.max(full, height), 4000)));
        Files.write(file, started().getScreenshotAs(OutputType.BYTES));
        started().manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
    }

    /** Fails if axe-core finds a serious or critical WCAG 2.1 A/AA violation on the page shown. */
    public void assertAccessible() {
        Accessibility.assertNoSeriousViolations(this);
    }

    /** Fails if a script ran on the page (it opened an alert): text a user typed must show as text. */
    public void assertNoAlert() {
        try {
            switchTo().alert();
            throw new AssertionError("a script ran: an alert is open on " + getCurrentUrl());
        } catch (NoAlertPresentException expected) {
            // shown as text
        }
    }

    private ChromeDriver started() {
        if (driver == null) {
            driver = HeadlessChromium.start();
            wait = HeadlessChromium.waitFor(driver);
        }
        return driver;
    }

    // ------------------------------------------------------------------ WebDriver: the browser, started on first use

    @Override
    public void get(String url) {
        started().get(url);
    }

    @Override
    public String getCurrentUrl() {
        return started().getCurrentUrl();
    }

    @Override
    public String getTitle() {
        return started().getTitle();
    }

    @Override
    public List<WebElement> findElements(By by) {
        return started().findElements(by);
    }

    @Override
    public WebElement findElement(By by) {
        return started().findElement(by);
    }

    @Override
    public String getPageSource() {
        return started().getPageSource();
    }

    @Override
    public void close() {
        started().close();
    }

    @Override
    public void quit() {
        if (driver != null) {
            driver.quit();
            driver = null;
            wait = null;
        }
    }

    @Override
    public Set<String> getWindowHandles() {
        return started().getWindowHandles();
    }

    @Override
    public String getWindowHandle() {
        return started().getWindowHandle();
    }

    @Override
    public TargetLocator switchTo() {
        return started().switchTo();
    }

    @Override
    public Navigation navigate() {
        return started().navigate();
    }

    @Override
    public Options manage() {
        return started().manage();
    }

    @Override
    public Object executeScript(String script, Object... args) {
        return started().executeScript(script, args);
    }

    @Override
    public Object executeAsyncScript(String script, Object... args) {
        return started().executeAsyncScript(script, args);
    }

    @Override
    public <X> X getScreenshotAs(OutputType<X> target) {
        return started().getScreenshotAs(target);
    }

    @Override
    public void perform(Collection<Sequence> actions) {
        started().perform(actions);
    }

    @Override
    public void resetInputState() {
        started().resetInputState();
    }
}
