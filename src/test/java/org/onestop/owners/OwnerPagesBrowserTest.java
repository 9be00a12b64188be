package org.onestop.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real browser, keyboard only, as a process owner: from the staff start page to "What is live", to a service's
 * preview, a preview without the required answer (the error summary), then with it (what the live models decide);
 * both pages in French. axe-core on each. Screenshots go to {@code /work/shots/} (or {@code target/browser/} where
 * that folder cannot be written).
 */
class OwnerPagesBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aProcessOwnerSeesWhatIsLiveAndPreviewsWithTheKeyboard() throws IOException {
        String owner = user("op-browser-owner", "process-owners");
        browser.logIn(owner, PASSWORD);

        browser.tabTo(By.linkText("Services (owners)")).sendKeys(Keys.ENTER);
        browser.waitForHeading("What is live");
        assertThat(browser.findElement(By.id("service-pothole")).getText()).contains("PotholeRepairProcess", "pothole-start");
        browser.assertAccessible();
        shot("owner-services");

        browser.tabTo(By.cssSelector("a[href='/owner/services/pothole/preview']")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Preview");
        browser.assertAccessible();

        // Without the required size: the summary names it, nothing else happens.
        browser.tabTo(By.cssSelector("button[type=submit].primary")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(browser.findElement(By.id("q-size-error")).isDisplayed()).isTrue();
        browser.assertAccessible();
        shot("owner-preview-errors");

        // A large pothole, after hours: the summary's link takes the keyboard to the question.
        browser.tabTo(By.cssSelector("#form-errors a[href='#q-size']")).sendKeys(Keys.ENTER);
        browser.tabTo(By.id("q-size"));
        browser.focused().sendKeys("Larger");
        assertThat(new Select(browser.findElement(By.id("q-size"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("large");
        browser.tabTo(By.id("q-locationOnRoad"));
        browser.focused().sendKeys(Keys.ARROW_DOWN);
        assertThat(new Select(browser.findElement(By.id("q-locationOnRoad"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("driving-lane");
        browser.tabTo(By.id("ward"));
        browser.focused().sendKeys("Ward 2");
        browser.tabTo(By.cssSelector("button[type=submit].primary")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
        assertThat(browser.findElement(By.id("department")).getText()).contains("(roads)");
        assertThat(browser.findElement(By.id("priority")).getText()).isEqualTo("high");
        assertThat(browser.findElement(By.id("resolve-by")).getText()).isNotBlank();
        browser.assertAccessible();
        shot("owner-preview-result");

        browser.open("/owner/services/pothole/preview");
        browser.tabTo(By.id("language-switch")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Aperçu");
        browser.assertAccessible();
        shot("owner-preview-fr");
        browser.tabTo(By.cssSelector("main a[href='/owner/services']")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Ce qui est en service");
        browser.assertAccessible();
        shot("owner-services-fr");
    }

    private void shot(String name) throws IOException {
        Path folder = Path.of("/work/shots");
        browser.screenshot((folder.toFile().isDirectory() || folder.toFile().mkdirs() ? folder : Path.of("target", "browser")).resolve(name + ".png"), 1280, 900);
    }
}
