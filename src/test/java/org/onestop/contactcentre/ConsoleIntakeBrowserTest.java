package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser, keyboard only: an agent opens a case for a caller, is warned about the open pothole 30 m away,
 * saves a new case anyway and reads back the reference and the expected date; the Roads department then finds the new
 * task in Tasklist. Every page of the console and the staff case page passes axe-core, also after a validation error.
 */
class ConsoleIntakeBrowserTest extends IntegrationTest {

    @Autowired
    CustomerService customers;
    @Autowired
    CaseService cases;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void anAgentOpensACaseNearAnOpenOneWithTheKeyboardAndRoadsSeesItsTask() {
        String agent = user("br-agent", "contact-centre");
        String roads = user("br-roads", "roads", "roads-supervisors");
        Map<String, Object> existing = new HashMap<>();
        existing.put("serviceCode", "pothole");
        existing.put("channel", "phone");
        existing.put("address", "120 King St E, Lakeport");
        existing.put("latitude", 43.2561);
        existing.put("longitude", -79.8690);
        existing.put("answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane"));
        String openPothole = (String) postJson(as(agent), "/api/cases", existing).getBody().get("reference");
        long caller = customers.findOrCreate(new CustomerDetails("Browser Caller", "905-555-0123", null, null, null)).getId();

        // The agent logs in and starts a case for the caller.
        browser.logIn(agent, PASSWORD);
        browser.open("/console/cases/new?customer=" + caller + "&started=" + OFFICE_HOURS.minusSeconds(120));
        browser.waitForHeading("Open a case");
        browser.assertAccessible();

        // The caller's words find the service.
        browser.tabTo(By.id("words")).sendKeys("pothole", Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("matches-heading")));
        browser.assertAccessible();
        browser.tabTo(By.linkText("Pothole or road defect")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Open a case: Pothole or road defect");
        // The location's map: the wards drawn by OneStop (no tile server here).
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map path")));
        browser.assertAccessible();

        // First try without the size: told beside the field, the address kept.
        browser.tabTo(By.id("address")).sendKeys("130 King St E", Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("q-size-error")));
        assertThat(browser.findElement(By.id("address")).getAttribute("value")).isEqualTo("130 King St E");
        assertThat(browser.findElement(By.id("q-size")).getAttribute("aria-invalid")).isEqualTo("true");
        browser.assertAccessible();

        // Answer the questions with the keyboard and save.
        browser.tabTo(By.id("q-hazard")).sendKeys(Keys.SPACE);
        browser.tabTo(By.id("q-size")).sendKeys("Between");
        browser.tabTo(By.id("q-locationOnRoad")).sendKeys("On the shoulder");
        browser.tabTo(By.id("description")).sendKeys("Hole near the curb, about 30 m east of the one already reported");
        browser.tabTo(By.xpath("//button[normalize-space(.)='Save the case']")).sendKeys(Keys.ENTER);

        // Warned about the open pothole 30 m away; the caller means another hole: save as a new case.
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nearby-heading"), "Already reported nearby?"));
        String warning = browser.findElement(By.id("nearby")).getText();
        assertThat(warning).contains(openPothole, "120 King St E", "30 m away");
        browser.assertAccessible();
        browser.tabTo(By.xpath("//button[normalize-space(.)='Save as a new case']")).sendKeys(Keys.SPACE);

        // The read-back.
        browser.waitForHeading("opened");
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("SR-\\d{4}-\\d{6}").isNotEqualTo(openPothole);
        // A hazard makes it urgent: one business day from Tuesday 24 November at 10:00.
        assertThat(browser.findElement(By.id("expected")).getText()).isEqualTo("Wednesday 25 November 2026");
        assertThat(cases.get(reference).getAddress()).isEqualTo("130 King St E, Lakeport");
        browser.assertAccessible();

        // The case's status page, as for a resident calling back, also after a mistake.
        browser.tabTo(By.linkText("The case's status page")).sendKeys(Keys.ENTER);
        browser.waitForHeading(reference);
        browser.assertAccessible();
        browser.tabTo(By.xpath("//button[normalize-space(.)='Add the note']")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("note-text-error")));
        browser.assertAccessible();
        browser.open("/console/cases?reference=SR-1999-000404");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("reference-error")));
        browser.assertAccessible();

        // Roads logs in and finds the new case's task in Tasklist.
        Task inspect = onlyDepartmentTask(reference);
        browser.logIn(roads, PASSWORD);
        browser.open("/cases/" + reference);
        browser.waitForHeading(reference);
        browser.assertAccessible();
        browser.tabTo(By.xpath("//button[normalize-space(.)='Send the case']")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("transfer-reason-error")));
        browser.assertAccessible();

        browser.open("/camunda/app/tasklist/default/");
        browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())=\"My department's tasks\"]"))).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[normalize-space(text())='Inspect pothole']")));
        browser.open("/camunda/app/tasklist/default/#/?task=" + inspect.getId());
        browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='Claim'] | //button[normalize-space(.)='Claim']"))).click();
        WebElement caseLink = browser.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Open the case in OneStop")));
        assertThat(caseLink.getAttribute("href")).endsWith("/cases/" + reference);
        // The claim goes to the server in the background: wait for it rather than race it.
        browser.until(d -> roads.equals(taskService.createTaskQuery().taskId(inspect.getId()).singleResult().getAssignee()));
    }
}
