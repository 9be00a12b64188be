package org.onestop.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.dashboard.DashboardData.at;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In a real browser, without a login and with the keyboard only: from the front door to the dashboard, through its
 * tables and charts, to the French page and the open data link; axe-core on each, on a desktop and on a 375-pixel
 * phone (no sideways scrolling: the wide tables scroll in their own focusable region). The charts really draw: each
 * canvas has painted pixels, and the bar charts pixels of the bars' colour. Screenshots go to {@code target/browser/}.
 */
class DashboardBrowserTest extends IntegrationTest {

    /** The first series' colour in js/dashboard-charts.js (#0b5cad). */
    private static final int[] BARS = {0x0b, 0x5c, 0xad};

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void onADesktopAndOnAPhoneInEnglishAndFrench() throws IOException {
        String roadsUser = user("dash-browser-roads", "roads");
        DashboardData data = new DashboardData(as(user("dash-browser-agent", "contact-centre")), as(roadsUser), roadsUser, taskService);
        at("2036-04-08T09:00");
        String first = (String) data.pothole(DashboardData.WARD_1).get("reference");
        for (int i = 0; i < 5; i++) {
            data.pothole(DashboardData.WARD_1);
            data.pothole(DashboardData.WARD_2);
        }
        at("2036-04-08T13:00");
        data.resolvePothole(first);
        at("2036-04-20T10:00");

        journey("desktop", new Dimension(1400, 1000));
        journey("375px", new Dimension(375, 900));
    }

    private void journey(String name, Dimension size) throws IOException {
        browser.manage().deleteAllCookies();
        browser.manage().window().setSize(size);
        browser.open("/?lang=en");
        browser.waitForHeading("311 online");
        browser.tabTo(By.id("tile-dashboard")).sendKeys(Keys.ENTER);
        browser.waitForHeading("How we are doing");
        check();
        chartsDraw();
        // Every table is reached with the keyboard (its scrolling region takes the focus), then the open data.
        for (String table : new String[] {"overall-table", "services-table", "wards-table"}) {
            WebElement region = browser.findElement(By.id(table)).findElement(By.xpath("./ancestor::div[@role='region']"));
            assertThat(browser.tabTo(By.id(region.getAttribute("id").isEmpty() ? table : region.getAttribute("id")))).isNotNull();
        }
        browser.tabTo(By.id("open-data-csv"));
        assertThat(browser.focused().getAttribute("href")).endsWith("/open-data/requests.csv");
        browser.screenshot(Path.of("target", "browser", "Dashboard-" + name + ".png"), size.getWidth(), size.getHeight());

        browser.tabTo(By.id("language-switch")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Notre rendement");
        check();
        chartsDraw();
        assertThat(browser.findElement(By.id("overall-table")).getText()).contains("avril 2036 (à ce jour)");
        browser.screenshot(Path.of("target", "browser", "Dashboard-fr-" + name + ".png"), size.getWidth(), size.getHeight());
        // From the residents' footer, back to the dashboard in French.
        browser.tabTo(By.id("footer-dashboard")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Notre rendement");
    }

    /** axe-core, no script run, and nothing wider than the screen. */
    private void check() {
        browser.assertAccessible();
        browser.assertNoAlert();
        Number overflow = (Number) browser.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(overflow.intValue()).as("sideways scrolling on " + browser.getCurrentUrl()).isLessThanOrEqualTo(0);
    }

    /** Each chart is shown and painted: pixels drawn at all, and for the bar charts, pixels of the bars' colour. */
    private void chartsDraw() {
        for (String chart : new String[] {"chart-requests", "chart-standard", "chart-services", "chart-wards"}) {
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id(chart)));
            long[] painted = browser.until(d -> {
                Object counts = browser.executeScript("""
                        const canvas = document.getElementById(arguments[0]);
                        if (!canvas.width || !canvas.height) { return null; }
                        const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                        let drawn = 0, bars = 0;
                        for (let i = 0; i < pixels.length; i += 4) {
                          if (pixels[i + 3] > 0) { drawn++; }
                          if (pixels[i + 3] > 200 && Math.abs(pixels[i] - arguments[1]) < 8 && Math.abs(pixels[i + 1] - arguments[2]) < 8
                              && Math.abs(pixels[i + 2] - arguments[3]) < 8) { bars++; }
                        }
                        return drawn > 0 ? [drawn, bars] : null;
                        """, chart, BARS[0], BARS[1], BARS[2]);
                return counts == null ? null : ((java.util.List<?>) counts).stream().mapToLong(n -> ((Number) n).longValue()).toArray();
            });
            assertThat(painted[0]).as("%s painted pixels", chart).isGreaterThan(1000);
            if (!chart.equals("chart-standard")) {
                assertThat(painted[1]).as("%s pixels of the bars' colour", chart).isGreaterThan(100);
            }
        }
    }
}
