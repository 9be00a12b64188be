package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In a real browser, without a login and with the keyboard only, on a desktop and on a 375-pixel phone: a resident
 * comes in at the front door, goes to the A–Z, searches "garbage day", opens the answer, finds their collection day
 * by address, then reads the privacy statement from the footer; the staff sign-in is a link from the front door.
 * axe-core checks every page, and no page scrolls sideways on the phone. Screenshots of the front door and the A–Z
 * go to {@code target/browser/}.
 */
class FrontDoorBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void onADesktop() throws IOException {
        journey("desktop", new Dimension(1400, 1000));
    }

    @Test
    void onAPhone() throws IOException {
        journey("375px", new Dimension(375, 900));
    }

    private void journey(String name, Dimension size) throws IOException {
        browser.manage().window().setSize(size);
        browser.open("/");
        browser.waitForHeading("311 online");
        check();
        shot("front-door-" + name);
        assertThat(browser.findElements(By.id("staff-sign-in"))).hasSize(1);
        assertThat(browser.findElement(By.id("staff-sign-in")).getAttribute("href")).endsWith("/login");

        browser.tabTo(By.id("tile-answers")).sendKeys(Keys.ENTER);
        browser.waitForHeading("A–Z and answers");
        check();
        shot("a-z-" + name);
        browser.tabTo(By.id("q")).sendKeys("garbage day", Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("hits-heading")));
        check();
        browser.tabTo(By.cssSelector("section[aria-labelledby=hits-heading] li:first-child a")).sendKeys(Keys.ENTER);
        browser.waitForHeading("When is my garbage day?");
        check();

        browser.tabTo(By.id("address")).sendKeys("120 King St E", Keys.ENTER);
        assertThat(browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("ward-answer"))).getText())
                .contains("Ward 1 - Harbourfront", "Monday");
        check();
        shot("answer-" + name);

        browser.tabTo(By.linkText("Privacy")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Privacy statement");
        check();
        browser.tabTo(By.linkText("Accessibility")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Accessibility statement");
        check();
    }

    /** axe-core, no script run, and nothing wider than the screen. */
    private void check() {
        browser.assertAccessible();
        browser.assertNoAlert();
        Number overflow = (Number) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("sideways scrolling on " + browser.getCurrentUrl()).isLessThanOrEqualTo(0);
    }

    private void shot(String name) throws IOException {
        Path file = Path.of("target", "browser", "FrontDoor-" + name + ".png");
        Files.createDirectories(file.getParent());
        Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
    }
}
