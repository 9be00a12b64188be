package org.onestop.open311;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.testing.Browser;
import org.onestop.testing.WebSession;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An administrator issues an app's key in the browser, the app posts with it, the administrator revokes it. */
class ApiKeyAdminBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void onlyAdministratorsReachTheKeysPage() throws Exception {
        String agent = user("it-keys-agent", "contact-centre");
        WebSession session = new WebSession(browser.url(""));
        session.login(agent, PASSWORD);
        assertThat(session.get("/admin/api-keys").statusCode()).isEqualTo(403);
        assertThat(new WebSession(browser.url("")).get("/admin/api-keys").statusCode()).as("anonymous: to the login page").isEqualTo(302);
    }

    @Test
    void anAdministratorIssuesAKeyThatWorksOnceShownAndRevokesIt() throws Exception {
        String admin = user("it-keys-admin", "camunda-admin");
        browser.logIn(admin, PASSWORD);

        browser.open("/admin/api-keys");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Open311 API keys");
        browser.assertAccessible();

        // Nothing typed: each field says what is missing, beside it.
        browser.findElement(By.id("appName")).sendKeys("<b>Fix</b> app");
        browser.findElement(By.cssSelector("form[action$='/admin/api-keys'] button[type=submit]")).click();
        WebElement contactError = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("contact-error")));
        assertThat(contactError.getText()).contains("e-mail");
        assertThat(browser.findElement(By.id("contact")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("contact")).getAttribute("aria-describedby")).isEqualTo("contact-error");
        assertThat(browser.findElement(By.id("appName")).getAttribute("value")).as("kept").isEqualTo("<b>Fix</b> app");
        browser.assertAccessible();

        browser.findElement(By.id("contact")).sendKeys("dev@fixapp.example");
        browser.findElement(By.cssSelector("form[action$='/admin/api-keys'] button[type=submit]")).click();
        WebElement shown = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued-key")));
        String key = shown.getAttribute("value");
        assertThat(key).startsWith("os_").hasSizeGreaterThan(40);
        assertThat(browser.getPageSource()).as("escaped").contains("&lt;b&gt;Fix&lt;/b&gt; app");
        browser.assertAccessible();

        Open311Client app = new Open311Client(port);
        List<Map.Entry<String, String>> form = List.of(Map.entry("api_key", key), Map.entry("service_code", "graffiti"),
                Map.entry("address_string", "1 Harbour St"), Map.entry("description", "Tag on the wall"));
        HttpResponse<String> posted = app.post("requests.json", form);
        assertThat(posted.statusCode()).as(posted.body()).isNotIn(403, 429, 500);

        // Shown once: the list has only its first characters.
        browser.open("/admin/api-keys");
        assertThat(browser.getPageSource()).doesNotContain(key).contains(key.substring(0, 10));
        WebElement revoke = browser.findElement(By.cssSelector("button[aria-label='Revoke the key of <b>Fix</b> app']"));
        revoke.click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("[role=status]"), "revoked"));
        browser.assertAccessible();
        assertThat(app.post("requests.json", form).statusCode()).isEqualTo(403);
    }
}
