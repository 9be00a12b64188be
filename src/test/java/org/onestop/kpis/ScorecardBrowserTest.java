package org.onestop.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * In a real browser, keyboard only, with axe-core: a manager opens the corporate scorecard from the bar and chooses
 * a period; a Roads supervisor opens Roads' scorecard and follows an overdue case. Every chart is drawn on its canvas
 * (pixels in the chart's own colours, not only its axes), and the map of open cases by ward has its wards.
 * Data in August 2032, a month no other test uses.
 */
class ScorecardBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("America/Toronto")).toInstant()));
    }

    /** Per canvas of the page: how many pixels are drawn at all, and how many in the first series' colour (#1f4e79). */
    @SuppressWarnings("unchecked")
    private List<List<Long>> canvases() {
        return (List<List<Long>>) browser.executeScript("""
                return Array.from(document.querySelectorAll('.chart-canvas canvas')).map(function (c) {
                  var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, drawn = 0, series = 0;
                  for (var i = 0; i < d.length; i += 4) {
                    if (d[i + 3] > 0) { drawn++; }
                    if (d[i + 3] > 200 && Math.abs(d[i] - 31) < 24 && Math.abs(d[i + 1] - 78) < 24 && Math.abs(d[i + 2] - 121) < 24) { series++; }
                  }
                  return [drawn, series];
                });""");
    }

    private void assertChartsDrawn(int expected) {
        browser.until(d -> d.findElements(By.cssSelector(".chart-canvas canvas")).size() >= expected);
        List<List<Long>> drawn = canvases();
        assertThat(drawn).as("one canvas per chart table").hasSize(browser.findElements(By.cssSelector("table.chart-table")).size());
        assertThat(drawn).hasSizeGreaterThanOrEqualTo(expected);
        assertThat(drawn).allSatisfy(c -> {
            assertThat(c.get(0)).as("pixels drawn").isGreaterThan(1000L);
            assertThat(c.get(1)).as("pixels in the first series' colour").isGreaterThan(10L);
        });
    }

    @Test
    void aManagerAndASupervisorReadTheirScorecardsWithTheKeyboard() throws Exception {
        String agent = user("sc-browser-agent", "contact-centre");
        String manager = user("sc-browser-manager", "managers");
        String supervisor = user("sc-browser-roads-supervisor", "roads-supervisors");
        at("2032-08-03T09:00");
        open(agent, "phone");
        at("2032-08-04T09:00");
        String overdue = open(agent, "web");
        at("2032-09-10T10:00");

        // The manager: Scorecards in the bar, then the corporate one, with Tab and Enter.
        browser.logIn(manager, PASSWORD);
        browser.tabTo(By.linkText("Scorecards")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Scorecards");
        browser.assertAccessible();
        browser.tabTo(By.linkText("Corporate scorecard")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Corporate scorecard");
        // This month, September, has no case: the trends (and the channels, against August) are charted, and nothing by
        // department or ward.
        browser.until(d -> d.findElements(By.cssSelector(".chart-canvas canvas")).size() == 3);
        assertThat(browser.findElements(By.cssSelector("table.chart-table"))).hasSize(3);

        // Choose August 2032 to August 2032 from the keyboard: the selects list the newest month first.
        WebElement from = browser.tabTo(By.id("from"));
        from.sendKeys(Keys.ARROW_DOWN);
        assertThat(new Select(browser.findElement(By.id("from"))).getFirstSelectedOption().getAttribute("value")).isEqualTo("2032-08");
        browser.focused().sendKeys(Keys.TAB);
        assertThat(browser.focused().getAttribute("id")).isEqualTo("to");
        browser.focused().sendKeys(Keys.ARROW_DOWN);
        browser.focused().sendKeys(Keys.TAB);
        browser.focused().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("from=2032-08&to=2032-08"));
        browser.waitForHeading("Corporate scorecard");
        assertThat(browser.findElement(By.id("period-shown")).getText()).contains("August 2032 to August 2032");
        assertThat(browser.findElement(By.cssSelector("#measure-requests td")).getText()).isEqualTo("2");
        assertThat(browser.findElement(By.cssSelector("#measure-resolved-within-standard-pct .rag")).getText()).isEqualTo("Off target");
        assertChartsDrawn(5);
        browser.until(d -> !d.findElements(By.cssSelector("#ward-map .leaflet-overlay-pane path")).isEmpty());
        browser.assertAccessible();
        browser.screenshot(Path.of("target", "browser", "corporate-scorecard.png"), 1280, 900);

        // The supervisor: Roads' scorecard, then an overdue case, from the keyboard.
        browser.logIn(supervisor, PASSWORD);
        browser.tabTo(By.linkText("Scorecards")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Scorecards");
        browser.tabTo(By.linkText("Roads")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Scorecard: Roads");
        browser.open("/scorecards/departments/roads?from=2032-08&to=2032-08");
        browser.waitForHeading("Scorecard: Roads");
        assertChartsDrawn(4);
        browser.until(d -> !d.findElements(By.cssSelector("#ward-map .leaflet-overlay-pane path")).isEmpty());
        browser.assertAccessible();
        browser.screenshot(Path.of("target", "browser", "department-scorecard.png"), 1280, 900);
        browser.tabTo(By.linkText(overdue)).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.urlToBe(browser.url("/cases/" + overdue)));
    }

    private String open(String agent, String channel) {
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "pothole", "channel", channel,
                "description", "Reported for the scorecards' browser test", "address", "120 King St E, Lakeport",
                "answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane")));
        request.put("customer", Map.of("name", "Sam Browser", "phone", "905-555-0179"));
        ResponseEntity<Map<String, Object>> response = postJson(as(agent), "/api/cases", request);
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("reference");
    }
}
