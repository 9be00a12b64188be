package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.selfservice.StatusLinks;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * In a real browser, keyboard only, Forestry's supervisor splits a fallen-tree case into a streetlight and a sidewalk
 * child: chooses the services, forgets an answer (told beside the field, nothing stored), then splits; the case page
 * lists the children. axe-core checks each state; screenshots go to {@code onestop.shots} (default {@code target/browser}).
 */
class CaseSplitBrowserTest extends IntegrationTest {

    @Autowired
    StatusLinks links;

    @RegisterExtension
    final Browser browser = new Browser();

    private final Path shots = Path.of(System.getProperty("onestop.shots", "target/browser"));

    @Test
    void aSupervisorSplitsACaseWithTheKeyboard() throws IOException {
        String agent = user("it-splitb-agent", "contact-centre");
        String supervisor = user("it-splitb-forestry-sup", "forestry-supervisors");
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("tree",
                Map.of("requestType", "fallen-tree", "blocking", false, "treeLocation", "boulevard")));
        ResponseEntity<Map<String, Object>> opened = postJson(as(agent), "/api/cases", request);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) opened.getBody().get("reference");

        browser.logIn(supervisor, PASSWORD);
        browser.open("/cases/" + reference);
        browser.tabTo(By.linkText("Split into child cases"));
        browser.focused().sendKeys(Keys.ENTER);
        browser.waitForHeading("Split " + reference + " into child cases");
        browser.assertAccessible();

        // Step 1: the services, ticked with the space bar.
        for (String service : new String[] {"Streetlight out", "Sidewalk damage"}) {
            String id = browser.findElement(By.xpath("//label[text()='" + service + "']")).getAttribute("for");
            browser.tabTo(By.id(id));
            browser.focused().sendKeys(Keys.SPACE);
        }
        browser.tabTo(By.id("split-next"));
        browser.focused().sendKeys(Keys.ENTER);
        browser.waitForHeading("Split " + reference + " into child cases");
        // the parts in the catalogue's order
        assertThat(browser.findElement(By.id("c0-heading")).getText()).isEqualTo("Part 1: Sidewalk damage");
        assertThat(browser.findElement(By.id("c1-heading")).getText()).isEqualTo("Part 2: Streetlight out");
        browser.assertAccessible();

        // Step 2: the streetlight part filled in, the sidewalk's required answer forgotten.
        browser.tabTo(By.id("c0-description"));
        browser.focused().sendKeys("The roots lifted the slabs");
        browser.tabTo(By.id("c1-description"));
        browser.focused().sendKeys("The tree took the streetlight down");
        browser.tabTo(By.id("c1-q-lightProblem"));
        browser.focused().sendKeys("The pole");
        browser.tabTo(By.id("c1-q-lightsOut"));
        browser.focused().sendKeys("Just this");
        browser.tabTo(By.id("split-submit"));
        browser.focused().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("c0-q-damageType-error")));
        assertThat(browser.findElement(By.id("c1-description")).getAttribute("value")).isEqualTo("The tree took the streetlight down");
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody().get("children").toString()).isEqualTo("[]");
        browser.assertAccessible();
        browser.screenshot(shots.resolve("split-form-error.png"), 1280, 1000);

        browser.tabTo(By.id("c0-q-damageType"));
        browser.focused().sendKeys("A raised");
        browser.tabTo(By.id("split-submit"));
        browser.focused().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("done=split"));
        assertThat(browser.findElement(By.id("family-heading")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.linkText(reference + "-1")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.linkText(reference + "-2")).isDisplayed()).isTrue();
        browser.assertAccessible();
        browser.screenshot(shots.resolve("split-case-page.png"), 1280, 1000);

        // The resident's status page: one reference, every part on one public timeline.
        browser.open("/status/" + reference + "?key=" + links.key(reference));
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Streetlight out: "));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Sidewalk damage: ").doesNotContain(supervisor);
        browser.assertAccessible();
        browser.screenshot(shots.resolve("split-status-page.png"), 1280, 1000);
    }
}
