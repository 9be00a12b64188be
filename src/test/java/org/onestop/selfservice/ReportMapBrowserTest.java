package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.cases.AdditionalReporters;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NewCase;
import org.onestop.cases.ServiceRequest;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The map on /report in a real browser, with no tile server (the wards and address points drawn by OneStop): "use my
 * location" (the browser's position mocked) places the pin by keyboard and lists the open pothole reported right
 * there; an address chosen from the register's suggestions moves the pin; dragging the pin and its arrow keys adjust
 * it; the ward follows. Then "Add me to it" by keyboard, and the case's status page. axe-core checks every page.
 */
class ReportMapBrowserTest extends IntegrationTest {

    @Autowired
    CaseService cases;
    @Autowired
    CustomerService customers;
    @Autowired
    AdditionalReporters reporters;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aResidentFindsTheirPotholeAlreadyReportedNearTheirLocationAndAddsThemselves() {
        // Somewhere in Ward 3 - Escarpment no other test uses: a pothole already reported there.
        double lat = 43.205 + ThreadLocalRandom.current().nextInt(0, 400) * 0.0001;
        double lon = -79.945 + ThreadLocalRandom.current().nextInt(0, 900) * 0.0001;
        ServiceRequest existing = cases.open(new NewCase("pothole", Channel.PHONE, "Big one by the school gate", null,
                new CustomerDetails("Ravi Reporter", null, "ravi-" + System.nanoTime() + "@example.org", null, ContactPreference.EMAIL),
                null, lat, lon, null, Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")), "test");

        browser.mockLocation(lat + 0.0001, lon);
        browser.open("/report/pothole");
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#map .ward-label")));
        assertThat(browser.findElements(By.cssSelector("#map img.leaflet-tile"))).as("no tile server here").isEmpty();
        assertThat(browser.findElements(By.cssSelector("#map path"))).as("the four wards' outlines").hasSize(4);
        browser.assertAccessible();

        // "Use my location", from the keyboard.
        browser.tabTo(By.id("use-location")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-status"), "Ward 3 - Escarpment"));
        assertThat(number("latitude")).isCloseTo(lat + 0.0001, within(1e-6));
        assertThat(number("longitude")).isCloseTo(lon, within(1e-6));
        assertThat(browser.findElements(By.cssSelector("#map path"))).as("at street level, the address points too").hasSizeGreaterThan(4);
        WebElement listed = browser.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#nearby-list a[href='/status/" + existing.getReference() + "']")));
        assertThat(listed.getText()).isEqualTo(existing.getReference());
        assertThat(browser.findElement(By.id("nearby")).getText())
                .contains("Pothole or road defect", "m away", "Received", "Add me to it")
                .doesNotContain("Ravi", "school gate");
        browser.assertAccessible();

        // The address box suggests from the register; choosing one moves the pin there, into Ward 1.
        WebElement address = browser.findElement(By.id("address"));
        address.click();
        address.sendKeys("40 King");
        browser.until(d -> !d.findElements(By.cssSelector("#address-suggestions option[value='40 King St E, Lakeport']")).isEmpty());
        address.sendKeys(" St E, Lakeport");
        browser.until(ExpectedConditions.attributeToBe(By.id("latitude"), "value", "43.256100"));
        assertThat(browser.findElement(By.id("longitude")).getAttribute("value")).isEqualTo("-79.871960");
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("map-status"), "Ward 1 - Harbourfront"));

        // Drag the pin a little east: the longitude follows, the latitude stays near.
        WebElement pin = browser.findElement(By.cssSelector("#map .leaflet-marker-icon"));
        new Actions(browser).dragAndDropBy(pin, 60, 0).perform();
        browser.until(d -> number("longitude") > -79.871960 + 1e-5);
        assertThat(number("latitude")).isCloseTo(43.2561, within(0.0005));
        // And by keyboard: the pin is a stop of its own, its arrow keys move it.
        double east = number("longitude");
        browser.tabTo(By.cssSelector("#map .leaflet-marker-icon")).sendKeys(Keys.ARROW_LEFT);
        browser.until(d -> number("longitude") < east - 1e-6);
        assertThat(browser.findElement(By.id("map-status")).getText()).startsWith("Pin moved to latitude");

        // Back to where the resident stands, and "Add me to it" rather than a second report.
        address.click();
        browser.tabTo(By.id("use-location")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#nearby-list a[href='/status/" + existing.getReference() + "']")));
        browser.tabTo(By.cssSelector("#nearby-list a.button[href$='/follow/" + existing.getReference() + "']")).sendKeys(Keys.ENTER);

        browser.waitForHeading("Add me to " + existing.getReference());
        browser.assertAccessible();
        String email = "follower-" + System.nanoTime() + "@example.org";
        browser.tabTo(By.id("name")).sendKeys("Fiona Follower");
        browser.tabTo(By.id("email")).sendKeys(email);
        browser.tabTo(By.id("consent")).sendKeys(Keys.SPACE);
        browser.tabTo(By.cssSelector("button.primary[type=submit]")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("follow-sent")));
        browser.assertAccessible();
        List<Long> following = reporters.customerIds(existing.getId());
        assertThat(following).hasSize(1);
        assertThat(customers.find(following.get(0)).orElseThrow().getEmail()).isEqualTo(email);

        // The case's status, as anyone with its reference sees it.
        browser.findElement(By.linkText("See the status of " + existing.getReference())).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        browser.assertAccessible();
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("Received");
        assertThat(browser.getPageSource()).doesNotContain("Ravi", "school gate", email);
    }

    private double number(String id) {
        String value = browser.findElement(By.id(id)).getAttribute("value");
        return value == null || value.isBlank() ? Double.NaN : Double.parseDouble(value);
    }
}
