package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NewCase;
import org.onestop.customers.Contact;
import org.onestop.customers.ContactLog;
import org.onestop.customers.ContactOutcome;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.CustomerDetails;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The contact centre's whole call, in a real browser: the agent finds the caller by her number said differently,
 * answers one question from the knowledge base (resolved on first contact), then opens a pothole case for her, is
 * warned of the open pothole 30 m away, saves a new one and reads back its reference and expected date; the roads
 * department sees the task in Tasklist. A description with a script tag shows as text on every page it reaches.
 */
class ContactCentreJourneyBrowserTest extends IntegrationTest {

    static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    CaseService cases;
    @Autowired
    ContactLog contactLog;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void anAgentAnswersOneQuestionThenOpensACaseNearAnOpenOneAndRoadsSeesTheTask() {
        var existing = cases.open(new NewCase("pothole", Channel.PHONE, "Deep pothole in the curb lane.", null,
                new CustomerDetails("Jane Journey", "(905) 555-0199", "jane.journey@example.org", "14 Bay St N, Lakeport",
                        ContactPreference.EMAIL),
                "120 King St E, Lakeport", 43.2561, -79.8690, null,
                Map.of("hazard", false, "size", "large", "locationOnRoad", "driving-lane")), "demo");
        long jane = existing.getCustomerId();
        String agent = user("journey-agent", "contact-centre");

        logInAfterAFailedAttempt(agent);
        browser.findElement(By.linkText("Console")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Contact-centre console"));
        browser.focused().sendKeys("905 555 0199", Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("/console/customers?"));
        browser.findElement(By.cssSelector("a[href^='/console/customers/" + jane + "?']")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Jane Journey"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(existing.getReference());

        // First question: answered from the knowledge base.
        browser.findElement(By.id("kb-q")).sendKeys("when is garbage day", Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("/console/knowledge?"));
        WebElement hit = browser.findElement(By.cssSelector("ol.hits li a"));
        String article = hit.getText();
        hit.sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), article));
        browser.findElement(By.id("answered")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("recorded="));
        Contact answered = contactLog.history(jane, 1).get(0);
        assertThat(answered.getOutcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(answered.isFirstContactResolution()).isTrue();
        assertThat(answered.getAgent()).isEqualTo(agent);

        // Second: a pothole down the street, for the same caller.
        browser.findElement(By.partialLinkText("Open a case for this caller")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Open a case"));
        browser.findElement(By.id("words")).sendKeys("hole in the road", Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.linkText("Pothole or road defect"))).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Pothole or road defect"));
        new Select(browser.findElement(By.id("q-size"))).selectByValue("medium");
        new Select(browser.findElement(By.id("q-locationOnRoad"))).selectByValue("shoulder");
        browser.findElement(By.id("address")).sendKeys("130 King St E");
        browser.findElement(By.id("description")).sendKeys(SCRIPT + " a second hole");
        browser.findElement(By.xpath("//button[normalize-space(.)='Save the case']")).sendKeys(Keys.ENTER);

        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nearby-heading"), "Already reported nearby?"));
        assertThat(browser.findElement(By.id("nearby")).getText()).contains(existing.getReference(), "30 m away");
        browser.assertAccessible();
        browser.findElement(By.xpath("//button[normalize-space(.)='Save as a new case']")).sendKeys(Keys.ENTER);

        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "opened"));
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("SR-\\d{4}-\\d{6}").isNotEqualTo(existing.getReference());
        String expected = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.CANADA)
                .format(cases.get(reference).getResolveBy().atZone(ZoneId.of("America/Toronto")));
        assertThat(browser.findElement(By.id("expected")).getText()).isEqualTo(expected);
        Contact opened = contactLog.history(jane, 1).get(0);
        assertThat(opened.getOutcome()).isEqualTo(ContactOutcome.CASE_OPENED);
        assertThat(opened.getCaseReference()).isEqualTo(reference);
        assertThat(cases.get(reference).getCustomerId()).isEqualTo(jane);

        // The description is text on the console's case page, not a script.
        browser.open("/console/cases/" + reference);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), reference));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(SCRIPT + " a second hole");
        browser.assertNoAlert();

        // A mistyped reference in the address bar: a friendly page, not a stack trace.
        browser.open("/cases/SR-1999-000404");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertThat(browser.getPageSource()).doesNotContain("Exception");
        browser.assertAccessible();

        // Roads: the staff case page and the task in Tasklist.
        browser.manage().deleteAllCookies();
        String roads = user("journey-roads", "roads");
        Task inspect = onlyDepartmentTask(reference);
        logInAfterAFailedAttempt(roads);
        browser.open("/cases/" + reference);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), reference));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(SCRIPT + " a second hole");
        browser.assertNoAlert();
        browser.open("/camunda/app/tasklist/default/");
        browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())=\"My department's tasks\"]"))).click();
        browser.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[normalize-space(text())='Inspect pothole']")));
        browser.open("/camunda/app/tasklist/default/#/?task=" + inspect.getId());
        WebElement caseLink = browser.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Open the case in OneStop")));
        assertThat(caseLink.getAttribute("href")).endsWith("/cases/" + reference);
        browser.assertNoAlert();
    }

    /** Logs in through the login page (checked, also after a failed attempt) and lands on the home page (checked). */
    private void logInAfterAFailedAttempt(String user) {
        browser.open("/login");
        browser.assertAccessible();
        // A mistyped user name (a wrong password would lock the real user out for a few seconds, as Camunda does).
        browser.findElement(By.id("username")).sendKeys(user + "x", Keys.TAB, "wrong-password", Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("/login?error"));
        browser.assertAccessible();
        browser.findElement(By.id("username")).sendKeys(user, Keys.TAB, PASSWORD, Keys.ENTER);
        browser.until(ExpectedConditions.urlToBe(browser.url("/staff")));
        browser.assertAccessible();
    }
}
