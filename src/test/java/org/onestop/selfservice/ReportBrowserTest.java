package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser, without a login: a resident finds "pothole" by typing, makes a mistake and corrects it, answers,
 * gives an address, drops a pin on the map, attaches a photo, leaves an e-mail address, sends the report, reads
 * the reference and the promised date, follows their own status link, then looks the report up by its reference
 * alone (status and expected date only). axe-core checks every page.
 */
class ReportBrowserTest extends IntegrationTest {

    @Autowired
    CaseService cases;
    @Autowired
    StatusLinks links;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aResidentReportsAPotholeWithAPhotoAndLooksItUpByReference() throws Exception {
        Path photo = Files.createTempFile("pothole", ".png");
        Files.write(photo, TestImages.png(160, 120));
        try {
            browser.open("/report");
            browser.assertAccessible();
            WebElement words = browser.findElement(By.id("words"));
            words.sendKeys("pothole");
            words.sendKeys(Keys.ENTER);
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("matches-heading")));
            browser.assertAccessible();
            browser.findElement(By.cssSelector("section[aria-labelledby=matches-heading] a[href='/report/pothole']")).click();

            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-size")));
            browser.assertAccessible();
            // A first try with a mistake: no size, a bad e-mail address.
            new Select(browser.findElement(By.id("q-locationOnRoad"))).selectByValue("driving-lane");
            browser.findElement(By.id("address")).sendKeys("120 King St E");
            browser.findElement(By.id("email")).sendKeys("jane-at-example");
            browser.findElement(By.id("name")).sendKeys("Jane Resident");
            browser.findElement(By.cssSelector("button.primary[type=submit]")).click();

            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
            browser.assertAccessible();
            assertThat(browser.findElement(By.id("q-size-error")).getText()).isEqualTo("This answer is required.");
            assertThat(browser.findElement(By.id("q-size")).getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(browser.findElement(By.id("address")).getAttribute("value")).isEqualTo("120 King St E");
            assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("jane-at-example");

            // Corrected: the answers, a pin on the map, a photo and a real e-mail address.
            new Select(browser.findElement(By.id("q-size"))).selectByValue("large");
            browser.findElement(By.id("q-hazard")).click();
            // The map's wards are drawn (no tile server in tests); a click in the north-west quarter places the pin.
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#map .ward-label")));
            WebElement map = browser.findElement(By.id("map"));
            new Actions(browser).moveToElement(map, -map.getSize().getWidth() / 8, -map.getSize().getHeight() / 8).click().perform();
            browser.until(d -> !browser.findElement(By.id("latitude")).getAttribute("value").isEmpty());
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-status"), "Ward 1 - Harbourfront"));
            String latitude = browser.findElement(By.id("latitude")).getAttribute("value");
            String longitude = browser.findElement(By.id("longitude")).getAttribute("value");
            assertThat(Double.parseDouble(latitude)).isBetween(43.25, 43.30);   // the north-west ward
            assertThat(Double.parseDouble(longitude)).isBetween(-79.95, -79.85);
            browser.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
            WebElement email = browser.findElement(By.id("email"));
            email.clear();
            email.sendKeys("jane.browser@example.org");
            browser.findElement(By.id("emailUpdates")).click();
            browser.findElement(By.id("description")).sendKeys("Deep, by the bus stop");
            browser.findElement(By.cssSelector("button.primary[type=submit]")).click();

            WebElement referenceShown = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("reference")));
            browser.assertAccessible();
            String reference = referenceShown.getText();
            assertThat(reference).matches("SR-2026-\\d{6}");
            var sr = cases.get(reference);
            assertThat(sr.getWard()).isEqualTo("Ward 1 - Harbourfront");
            assertThat(sr.getAddress()).isEqualTo("120 King St E");
            assertThat(browser.findElement(By.id("promised")).getText())
                    .isEqualTo(PublicDates.day(sr.getResolveBy(), java.time.ZoneId.of("America/Toronto")))
                    .matches("\\w+day \\d{1,2} \\w+ 2026");

            // The resident's own link on the confirmation page: the whole public report, with the photo.
            browser.findElement(By.id("status-link")).click();
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
            browser.assertAccessible();
            assertThat(browser.getCurrentUrl()).endsWith(links.path(reference));
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Received");
            assertThat(browser.findElement(By.id("expected")).getText())
                    .isEqualTo(PublicDates.day(cases.get(reference).getResolveBy(), java.time.ZoneId.of("America/Toronto")));
            assertThat(browser.findElement(By.id("description")).getText()).isEqualTo("Deep, by the bus stop");
            WebElement img = browser.findElement(By.cssSelector("ul.photos img"));
            browser.until(d -> ((Number) browser.executeScript("return arguments[0].naturalWidth", img)).intValue() == 160);
            assertThat(browser.getPageSource()).doesNotContain("jane.browser@example.org", "Jane Resident");
            // Where it is, on a map beside the address: the pin, over the wards (no tile server here).
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#case-map .leaflet-marker-icon")));
            assertThat(browser.findElements(By.cssSelector("#case-map path"))).isNotEmpty();
            browser.assertAccessible();

            // Later: "Check a status" from the header, by reference number: the status and the expected date only.
            browser.findElement(By.linkText("Check a status")).click();
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("reference")));
            browser.assertAccessible();
            browser.findElement(By.id("reference")).sendKeys("SR-2026-999999", Keys.ENTER);
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("reference-error")));
            browser.assertAccessible();
            WebElement lookup = browser.findElement(By.id("reference"));
            lookup.clear();
            lookup.sendKeys(reference, Keys.ENTER);

            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
            browser.assertAccessible();
            assertThat(browser.getCurrentUrl()).endsWith("/status/" + reference);
            assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Received");
            assertThat(browser.findElement(By.id("expected")).getText())
                    .isEqualTo(PublicDates.day(cases.get(reference).getResolveBy(), java.time.ZoneId.of("America/Toronto")));
            assertThat(browser.findElements(By.id("description"))).isEmpty();
            assertThat(browser.findElements(By.cssSelector("ul.photos img"))).isEmpty();
            assertThat(browser.findElements(By.id("case-map"))).as("no map by reference alone").isEmpty();
            assertThat(browser.getPageSource()).doesNotContain("Deep, by the bus stop", "120 King St E", "jane.browser@example.org");
        } finally {
            Files.deleteIfExists(photo);
        }
    }
}
