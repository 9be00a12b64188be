package org.onestop.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.departments.Departments;
import org.onestop.testing.Accessibility;
import org.onestop.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** In a real browser, keyboard only: a supervisor of every department (like the demo one) puts someone on call. */
class OnCallBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    Departments departments;
    @Autowired
    OnCallRoster roster;

    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
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

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private WebElement focused() {
        return browser.switchTo().activeElement();
    }

    /** Tab (a date field may take a Tab per day, month and year) until the field has the focus. */
    private void tabTo(String id) {
        for (int i = 0; i < 20 && !id.equals(focused().getAttribute("id")); i++) {
            focused().sendKeys(Keys.TAB);
        }
        assertThat(focused().getAttribute("id")).isEqualTo(id);
    }

    /**
     * Types a day into a date field as a keyboard user does, in the segments' order of the browser's locale. Chromium
     * moves on by itself after a two-digit month or day; a year takes up to six digits, so after it the Right arrow.
     */
    private void typeDate(WebElement field, String isoDay) {
        String order = (String) browser.executeScript("return new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2026, 11, 7))"
                + ".filter(p => p.type !== 'literal').map(p => p.type[0]).join('')");
        String[] p = isoDay.split("-");
        switch (order) {
            case "ymd" -> field.sendKeys(p[0], Keys.ARROW_RIGHT, p[1] + p[2]);
            case "mdy" -> field.sendKeys(p[1] + p[2] + p[0]);
            case "dmy" -> field.sendKeys(p[2] + p[1] + p[0]);
            default -> throw new AssertionError("date order " + order);
        }
        assertThat(field.getAttribute("value")).isEqualTo(isoDay);
    }

    @Test
    void aSupervisorPutsSomeoneOnCallWithTheKeyboard() {
        String supervisor = user("it-oncall-browser-sup", departments.departments().stream()
                .map(Departments.Department::supervisorsGroup).toArray(String[]::new));
        String ranger = user("it-oncall-ranger", "animal-services");

        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(supervisor);
        browser.findElement(By.id("password")).sendKeys(PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(url("/")));

        // The link in the bar, reached with Tab and followed with Enter.
        WebElement link = browser.findElement(By.linkText("On-call roster"));
        for (int i = 0; i < 10 && !link.equals(focused()); i++) {
            focused().sendKeys(Keys.TAB);
        }
        assertThat(focused()).isEqualTo(link);
        focused().sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(url("/on-call")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("On-call roster");
        Accessibility.assertNoSeriousViolations(browser);

        // First attempt: the end before the start, and a user id that is nobody.
        tabTo("department");
        focused().sendKeys("Animal");
        assertThat(new Select(focused()).getFirstSelectedOption().getAttribute("value")).isEqualTo("animal-services");
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("userId");
        focused().sendKeys("nobody-ranger");
        focused().sendKeys(Keys.TAB);
        assertThat(focused().getAttribute("id")).isEqualTo("startsOn");
        typeDate(focused(), "2026-12-07");
        tabTo("endsOn");
        typeDate(focused(), "2026-12-01");
        focused().sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(browser.findElement(By.id("userId-error")).getText()).isEqualTo("User id is not a OneStop user.");
        assertThat(browser.findElement(By.id("endsOn-error")).getText()).isEqualTo("Ends on must not be before the start date.");
        assertThat(browser.findElement(By.id("userId")).getAttribute("value")).isEqualTo("nobody-ranger");
        assertThat(browser.findElement(By.id("startsOn")).getAttribute("value")).isEqualTo("2026-12-07");
        assertThat(new Select(browser.findElement(By.id("department"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("animal-services");
        assertThat(focused().getAttribute("id")).as("the first wrong field has the focus").isEqualTo("userId");
        Accessibility.assertNoSeriousViolations(browser);

        // Put it right: the ranger, for a week.
        focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, ranger);
        tabTo("endsOn");
        typeDate(focused(), "2026-12-13");
        focused().sendKeys(Keys.ENTER);

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("added")));
        assertThat(browser.findElement(By.id("added")).getText())
                .isEqualTo("Added: it-oncall-ranger is on call for Animal services from 2026-12-07 to 2026-12-13.");
        OnCallShift shift = roster.upcoming("animal-services").stream().filter(s -> s.getUserId().equals(ranger)).findFirst().orElseThrow();
        assertThat(shift.getCreatedBy()).isEqualTo(supervisor);
        assertThat(browser.findElement(By.id("shift-" + shift.getId())).getText()).contains(ranger, "Mon 7 Dec 2026", "Sun 13 Dec 2026");
        assertThat(new Select(browser.findElement(By.id("department"))).getFirstSelectedOption().getAttribute("value"))
                .as("the form stays on that department").isEqualTo("animal-services");
        Accessibility.assertNoSeriousViolations(browser);
        roster.remove(shift.getId());
    }
}
