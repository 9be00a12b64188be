package org.onestop.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testing.Accessibility;
import org.onestop.testing.HeadlessChromium;
import org.onestop.testing.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator issues an app's key in the browser, the app posts with it, the administrator revokes it. */
class ApiKeyAdminBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;

    private ChromeDriver browser;
    private WebDriverWait wait;

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    @Test
    void onlyAdministratorsReachTheKeysPage() throws Exception {
        String agent = user("it-keys-agent", "contact-centre");
        WebSession session = new WebSession(url(""));
        session.login(agent, PASSWORD);
        assertThat(session.get("/admin/api-keys").statusCode()).isEqualTo(403);
        assertThat(new WebSession(url("")).get("/admin/api-keys").statusCode()).as("anonymous: to the login page").isEqualTo(302);
    }

    private void openBrowser() {
        browser = HeadlessChromium.start();
        wait = HeadlessChromium.waitFor(browser);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            Path shot = Path.of("target", "browser", getClass().getSimpleName() + ".png");
            Files.createDirectories(shot.getParent());
            Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
            browser.quit();
        }
    }

    @Test
    void anAdministratorIssuesAKeyThatWorksOnceShownAndRevokesIt() throws Exception {
        openBrowser();
        String admin = user("it-keys-admin", "camunda-admin");
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(admin);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));

        browser.get(url("/admin/api-keys"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Open311 API keys");
        Accessibility.assertNoSeriousViolations(browser);

        // Nothing typed: each field says what is missing, beside it.
        browser.findElement(By.id("appName")).sendKeys("<b>Fix</b> app");
        browser.findElement(By.cssSelector("form[action$='/admin/api-keys'] button[type=submit]")).click();
        WebElement contactError = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-error")));
        assertThat(contactError.getText()).contains("e-mail");
        assertThat(browser.findElement(By.id("contact")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("contact")).getAttribute("aria-describedby")).isEqualTo("contact-error");
        assertThat(browser.findElement(By.id("appName")).getAttribute("value")).as("kept").isEqualTo("<b>Fix</b> app");
        Accessibility.assertNoSeriousViolations(browser);

        browser.findElement(By.id("contact")).sendKeys("dev@fixapp.example");
        browser.findElement(By.cssSelector("form[action$='/admin/api-keys'] button[type=submit]")).click();
        WebElement shown = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-key")));
        String key = shown.getAttribute("value");
        assertThat(key).startsWith("os_").hasSizeGreaterThan(40);
        assertThat(browser.getPageSource()).as("escaped").contains("&lt;b&gt;Fix&lt;/b&gt; app");
        Accessibility.assertNoSeriousViolations(browser);

        Open311Client app = new Open311Client(port);
        List<Map.Entry<String, String>> form = List.of(Map.entry("api_key", key), Map.entry("service_code", "graffiti"),
                Map.entry("address_string", "1 Harbour St"), Map.entry("description", "Tag on the wall"));
        HttpResponse<String> posted = app.post("requests.json", form);
        assertThat(posted.statusCode()).as(posted.body()).isNotIn(403, 429, 500);

        // Shown once: the list has only its first characters.
        browser.get(url("/admin/api-keys"));
        assertThat(browser.getPageSource()).doesNotContain(key).contains(key.substring(0, 10));
        WebElement revoke = browser.findElement(By.cssSelector("button[aria-label='Revoke the key of <b>Fix</b> app']"));
        revoke.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "revoked"));
        Accessibility.assertNoSeriousViolations(browser);
        assertThat(app.post("requests.json", form).statusCode()).isEqualTo(403);
    }
}
