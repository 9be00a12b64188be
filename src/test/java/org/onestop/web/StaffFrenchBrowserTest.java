package org.onestop.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Staff in French, in a real browser set up in Canadian French (Accept-Language fr-CA): the login, the case page with
 * a mistake beside its field, and the knowledge base's search, each {@code <html lang="fr">} and checked with axe-core;
 * the switch gives the same page in English.
 */
class StaffFrenchBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aDepartmentUserWorksOnACaseInFrenchAndSwitchesToEnglish() {
        String agent = user("it-frb-agent", "contact-centre");
        String roads = user("it-frb-roads", "roads");
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", "pothole");
        request.put("channel", "phone");
        request.put("address", "120 King St E, Lakeport");
        request.put("answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "bike-lane"));
        String reference = (String) postJson(as(agent), "/api/cases", request).getBody().get("reference");

        browser.acceptLanguage("fr-CA,fr;q=0.9");
        browser.open("/login");
        assertThat(lang()).isEqualTo("fr");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("Nom d’utilisateur");
        browser.assertAccessible();
        browser.logIn(roads, PASSWORD);
        browser.waitForHeading("Bienvenue, " + roads);
        browser.assertAccessible();

        browser.open("/cases/" + reference);
        browser.waitForHeading("Nid-de-poule ou défaut de la chaussée");
        assertThat(lang()).isEqualTo("fr");
        assertThat(browser.findElement(By.id("tasks-heading")).getText()).isEqualTo("Tâches ouvertes");
        browser.assertAccessible();

        // A note with no text: the mistake beside its field, in French, tied to it for screen readers.
        browser.findElement(By.cssSelector("#note-heading ~ form button[type=submit]")).click();
        String error = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("note-text-error"))).getText();
        assertThat(error).isEqualTo("est obligatoire");
        assertThat(browser.findElement(By.id("note-text")).getAttribute("aria-describedby")).isEqualTo("note-text-error");
        browser.assertAccessible();

        browser.open("/cases/" + reference);
        browser.findElement(By.id("language-switch")).click();
        browser.until(ExpectedConditions.textToBe(By.id("tasks-heading"), "Open tasks"));
        assertThat(lang()).isEqualTo("en");
        assertThat(browser.getCurrentUrl()).contains("/cases/" + reference + "?lang=en");
    }

    @Test
    void anAgentSearchesTheKnowledgeBaseInFrench() {
        String agent = user("it-frb-kb-agent", "contact-centre");
        browser.acceptLanguage("fr-CA,fr;q=0.9");
        browser.logIn(agent, PASSWORD);
        browser.open("/console/knowledge");
        browser.waitForHeading("Base de connaissances");
        browser.findElement(By.id("kb-q")).sendKeys("jour de collecte");
        browser.findElement(By.cssSelector("form[role=search] button.primary")).click();
        String results = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("hits-heading"))).getText();
        assertThat(results).matches("(\\d+ articles? correspond(ent)?|Aucun article ne correspond) à « jour de collecte »");
        assertThat(lang()).isEqualTo("fr");
        browser.assertAccessible();
    }

    private String lang() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }
}
