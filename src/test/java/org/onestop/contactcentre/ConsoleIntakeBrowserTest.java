package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.testing.Accessibility;
import org.onestop.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, keyboard only: an agent opens a case for a caller, is warned about the open pothole 30 m away,
 * saves a new case anyway and reads back the reference and the expected date; the Roads department then finds the new
 * task in Tasklist. Every page of the console and the staff case page passes axe-core, also after a validation error.
 */
class ConsoleIntakeBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    CustomerService customers;
    @Autowired
    CaseService cases;

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

    private void logIn(String user) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(user, Keys.TAB, PASSWORD, Keys.ENTER);
        wait.until(ExpectedConditions.urlToBe(url("/")));
    }

    /** Tabs through the page until the element has the focus (at most 80 stops). */
    private WebElement tabTo(By target) {
        WebElement element = browser.findElement(target);
        for (int i = 0; i < 80; i++) {
            if (element.equals(browser.switchTo().activeElement())) {
                return element;
            }
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        throw new AssertionError("could not reach " + target + " with the keyboard");
    }

    private void waitForHeading(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), text));
    }

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
        logIn(agent);
        browser.get(url("/console/cases/new?customer=" + caller + "&started=" + OFFICE_HOURS.minusSeconds(120)));
        waitForHeading("Open a case");
        Accessibility.assertNoSeriousViolations(browser);

        // The caller's words find the service.
        tabTo(By.id("words")).sendKeys("pothole", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("matches-heading")));
        Accessibility.assertNoSeriousViolations(browser);
        tabTo(By.linkText("Pothole or road defect")).sendKeys(Keys.ENTER);
        waitForHeading("Open a case: Pothole or road defect");
        Accessibility.assertNoSeriousViolations(browser);

        // First try without the size: told beside the field, the address kept.
        tabTo(By.id("address")).sendKeys("130 King St E", Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("q-size-error")));
        assertThat(browser.findElement(By.id("address")).getAttribute("value")).isEqualTo("130 King St E");
        assertThat(browser.findElement(By.id("q-size")).getAttribute("aria-invalid")).isEqualTo("true");
        Accessibility.assertNoSeriousViolations(browser);

        // Answer the questions with the keyboard and save.
        tabTo(By.id("q-hazard")).sendKeys(Keys.SPACE);
        tabTo(By.id("q-size")).sendKeys("Between");
        tabTo(By.id("q-locationOnRoad")).sendKeys("On the shoulder");
        tabTo(By.id("description")).sendKeys("Hole near the curb, about 30 m east of the one already reported");
        tabTo(By.xpath("//button[normalize-space(.)='Save the case']")).sendKeys(Keys.ENTER);

        // Warned about the open pothole 30 m away; the caller means another hole: save as a new case.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nearby-heading"), "Already reported nearby?"));
        String warning = browser.findElement(By.id("nearby")).getText();
        assertThat(warning).contains(openPothole, "120 King St E", "30 m away");
        Accessibility.assertNoSeriousViolations(browser);
        tabTo(By.xpath("//button[normalize-space(.)='Save as a new case']")).sendKeys(Keys.SPACE);

        // The read-back.
        waitForHeading("opened");
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("SR-\\d{4}-\\d{6}").isNotEqualTo(openPothole);
        // A hazard makes it urgent: one business day from Tuesday 24 November at 10:00.
        assertThat(browser.findElement(By.id("expected")).getText()).isEqualTo("Wednesday 25 November 2026");
        assertThat(cases.get(reference).getAddress()).isEqualTo("130 King St E, Lakeport");
        Accessibility.assertNoSeriousViolations(browser);

        // The case's status page, as for a resident calling back, also after a mistake.
        tabTo(By.linkText("The case's status page")).sendKeys(Keys.ENTER);
        waitForHeading(reference);
        Accessibility.assertNoSeriousViolations(browser);
        tabTo(By.xpath("//button[normalize-space(.)='Add the note']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("note-text-error")));
        Accessibility.assertNoSeriousViolations(browser);
        browser.get(url("/console/cases?reference=SR-1999-000404"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("reference-error")));
        Accessibility.assertNoSeriousViolations(browser);

        // Roads logs in and finds the new case's task in Tasklist.
        browser.manage().deleteAllCookies();
        Task inspect = onlyDepartmentTask(reference);
        logIn(roads);
        browser.get(url("/cases/" + reference));
        waitForHeading(reference);
        Accessibility.assertNoSeriousViolations(browser);
        tabTo(By.xpath("//button[normalize-space(.)='Send the case']")).sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transfer-reason-error")));
        Accessibility.assertNoSeriousViolations(browser);

        browser.get(url("/camunda/app/tasklist/default/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())=\"My department's tasks\"]"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[normalize-space(text())='Inspect pothole']")));
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + inspect.getId()));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='Claim'] | //button[normalize-space(.)='Claim']"))).click();
        WebElement caseLink = wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Open the case in OneStop")));
        assertThat(caseLink.getAttribute("href")).endsWith("/cases/" + reference);
        // The claim goes to the server in the background: wait for it rather than race it.
        wait.until(d -> roads.equals(taskService.createTaskQuery().taskId(inspect.getId()).singleResult().getAssignee()));
    }
}
