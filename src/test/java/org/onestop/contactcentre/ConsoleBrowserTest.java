package org.onestop.contactcentre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser, with the keyboard only: an agent finds Jane Resident by typing her number the way the caller says
 * it, opens her page and her cases, answers her question from the knowledge base and records it; the contact shows in
 * her history as resolved on first contact. axe-core checks every console page on the way, forms with errors too.
 */
class ConsoleBrowserTest extends IntegrationTest {

    @Autowired
    CaseService cases;
    @Autowired
    ContactLog contactLog;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void anAgentFindsTheCallerAnswersFromTheKnowledgeBaseAndTheContactIsLoggedUsingOnlyTheKeyboard() {
        CustomerDetails jane = new CustomerDetails("Jane Resident", "(905) 555-0101", "jane.resident@example.org",
                "14 Bay St N, Lakeport", ContactPreference.EMAIL);
        String pothole = cases.open(new NewCase("pothole", Channel.PHONE, "Deep pothole in the eastbound curb lane.", null, jane,
                "120 King St E, Lakeport", 43.2561, -79.8690, null,
                Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane")), "demo").getReference();
        var opened = cases.open(new NewCase("noise-complaint", Channel.PHONE, "Loud music every weekend past midnight.", null, jane,
                "22 Locke St S, Lakeport", 43.2580, -79.8850, null,
                Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", true)), "demo");
        long janeId = opened.getCustomerId();
        String noise = opened.getReference();

        browser.logIn(user("browser-agent", "contact-centre"), PASSWORD);

        // The console: the caller box has the focus; type the number as the caller says it and press Enter.
        browser.findElement(By.linkText("Console")).sendKeys(Keys.ENTER);
        assertThat(browser.heading().getText()).isEqualTo("Contact-centre console");
        browser.assertAccessible();
        assertThat(browser.focused().getAttribute("id")).isEqualTo("caller-q");
        browser.focused().sendKeys("905 555 0101", Keys.ENTER);

        // The results: Jane (perhaps among other callers with the same number); open her page.
        browser.until(ExpectedConditions.urlContains("/console/customers?"));
        browser.assertAccessible();
        WebElement janeLink = browser.findElement(By.cssSelector("a[href^='/console/customers/" + janeId + "?']"));
        assertThat(janeLink.getText()).isEqualTo("Jane Resident");
        janeLink.sendKeys(Keys.ENTER);

        // Her page: her cases, newest first, each linked to the console's case page.
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Jane Resident"));
        browser.assertAccessible();
        List<String> caseLinks = browser.findElements(By.cssSelector("a[href^='/console/cases/SR-']")).stream().map(WebElement::getText).toList();
        assertThat(caseLinks).contains(pothole, noise);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Noise complaint", "Pothole or road defect", "Bylaw", "Roads");

        // The caller's question, in her words, to the knowledge base.
        browser.findElement(By.id("kb-q")).sendKeys("my bin was not picked up", Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("/console/knowledge?"));
        browser.assertAccessible();
        WebElement firstHit = browser.findElement(By.cssSelector("ol.hits li a"));
        String title = firstHit.getText();
        assertThat(title).containsIgnoringCase("collection");
        firstHit.sendKeys(Keys.ENTER);

        // The article, then "Answered the caller with this article".
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), title));
        browser.assertAccessible();
        browser.findElement(By.id("answered")).sendKeys(Keys.ENTER);

        // Back on her page, the contact is in her history, resolved on first contact.
        browser.until(ExpectedConditions.urlContains("recorded="));
        assertThat(browser.heading().getText()).isEqualTo("Jane Resident");
        WebElement history = browser.findElement(By.id("contact-history"));
        assertThat(history.getText()).contains(title, "resolved on first contact", "browser-agent");
        browser.assertAccessible();
        Contact logged = contactLog.history(janeId, 1).get(0);
        assertThat(logged.getOutcome()).isEqualTo(ContactOutcome.ANSWERED);
        assertThat(logged.isFirstContactResolution()).isTrue();
        assertThat(logged.getArticleId()).isNotNull();

        // Correcting her details with a mistake: the message is beside the field, the page stays accessible.
        browser.open("/console/customers/" + janeId + "/edit");
        browser.heading();
        browser.assertAccessible();
        WebElement email = browser.findElement(By.id("email"));
        email.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, "not an address", Keys.ENTER);
        WebElement error = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("email-error")));
        assertThat(error.getText()).contains("must be an e-mail address");
        assertThat(browser.findElement(By.id("email")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("email")).getAttribute("value")).isEqualTo("not an address");
        browser.assertAccessible();

        // The wrap-up form, with a missing topic.
        browser.open("/console/contacts/wrap-up?channel=phone&customer=" + janeId);
        browser.heading();
        browser.assertAccessible();
        browser.focused().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("topic-error")));
        browser.assertAccessible();

        // A knowledge editor's editor, plain and after a mistake.
        browser.logIn(user("browser-editor", "contact-centre", "knowledge-editors"), PASSWORD);
        browser.open("/console/knowledge/" + logged.getArticleId() + "/edit");
        browser.heading();
        browser.assertAccessible();
        browser.findElement(By.id("title")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE, Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("title-error")));
        browser.assertAccessible();
    }
}
