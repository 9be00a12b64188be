package org.onestop.oncall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.departments.Departments;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/** In a real browser, keyboard only: a supervisor of every department (like the demo one) puts someone on call. */
class OnCallBrowserTest extends IntegrationTest {

    @Autowired
    Departments departments;
    @Autowired
    OnCallRoster roster;

    @RegisterExtension
    final Browser browser = new Browser();

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

        browser.logIn(supervisor, PASSWORD);

        // The link in the bar, reached with Tab and followed with Enter.
        WebElement link = browser.tabTo(By.linkText("On-call roster"));
        assertThat(browser.focused()).isEqualTo(link);
        browser.focused().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.urlToBe(browser.url("/on-call")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("On-call roster");
        browser.assertAccessible();

        // First attempt: the end before the start, and a user id that is nobody.
        browser.tabTo(By.id("department"));
        browser.focused().sendKeys("Animal");
        assertThat(new Select(browser.focused()).getFirstSelectedOption().getAttribute("value")).isEqualTo("animal-services");
        browser.focused().sendKeys(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("userId");
        browser.focused().sendKeys("nobody-ranger");
        browser.focused().sendKeys(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("startsOn");
        typeDate(browser.focused(), "2026-12-07");
        browser.tabTo(By.id("endsOn"));
        typeDate(browser.focused(), "2026-12-01");
        browser.focused().sendKeys(Keys.ENTER);

        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(browser.findElement(By.id("userId-error")).getText()).isEqualTo("User id is not a OneStop user.");
        assertThat(browser.findElement(By.id("endsOn-error")).getText()).isEqualTo("Ends on must not be before the start date.");
        assertThat(browser.findElement(By.id("userId")).getAttribute("value")).isEqualTo("nobody-ranger");
        assertThat(browser.findElement(By.id("startsOn")).getAttribute("value")).isEqualTo("2026-12-07");
        assertThat(new Select(browser.findElement(By.id("department"))).getFirstSelectedOption()
                .getAttribute("value")).isEqualTo("animal-services");
        assertThat(browser.focused().getAttribute("id")).as("the first wrong field has the focus").isEqualTo("userId");
        browser.assertAccessible();

        // Put it right: the ranger, for a week.
        browser.focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, ranger);
        browser.tabTo(By.id("endsOn"));
        typeDate(browser.focused(), "2026-12-13");
        browser.focused().sendKeys(Keys.ENTER);

        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("added")));
        assertThat(browser.findElement(By.id("added")).getText())
                .isEqualTo("Added: it-oncall-ranger is on call for Animal services from 2026-12-07 to 2026-12-13.");
        OnCallShift shift = roster.upcoming("animal-services").stream().filter(s -> s.getUserId().equals(ranger)).findFirst().orElseThrow();
        assertThat(shift.getCreatedBy()).isEqualTo(supervisor);
        assertThat(browser.findElement(By.id("shift-" + shift.getId())).getText()).contains(ranger, "Mon 7 Dec 2026", "Sun 13 Dec 2026");
        assertThat(new Select(browser.findElement(By.id("department"))).getFirstSelectedOption().getAttribute("value"))
                .as("the form stays on that department").isEqualTo("animal-services");
        browser.assertAccessible();
        roster.remove(shift.getId());
    }
}
