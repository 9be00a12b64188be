package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * A resident in French, in a real browser: front door → report → received → status, with ?lang=fr and with a browser
 * set up in French (Accept-Language fr-CA); {@code <html lang="fr">}, French headings, axe-core on every French page, and
 * the switch back to English keeps the page. Screenshots of the front door and report form in French go to
 * the folder named by the environment variable {@code ONESTOP_SHOTS}, when it is set.
 */
class FrenchJourneyBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aResidentReportsAPotholeInFrenchAndSwitchesBackToEnglishOnTheSamePage() throws Exception {
        browser.open("/?lang=fr");
        browser.waitForHeading("City of Lakeport – 311 en ligne");
        assertThat(lang()).isEqualTo("fr");
        browser.assertAccessible();
        shot("front-door-fr");

        browser.findElement(By.id("tile-report")).click();
        browser.waitForHeading("Signaler un problème");
        browser.findElement(By.id("words")).sendKeys("nid-de-poule");
        browser.findElement(By.cssSelector("form.search button")).click();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("matches-heading"), "Services correspondant"));
        browser.assertAccessible();
        browser.findElement(By.linkText("Nid-de-poule ou défaut de la chaussée")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-size")));
        assertThat(browser.heading().getText()).isEqualTo("Signaler : Nid-de-poule ou défaut de la chaussée");
        assertThat(browser.findElement(By.id("questions-heading")).getText()).isEqualTo("À propos du problème");
        browser.assertAccessible();
        shot("report-form-fr");

        new Select(browser.findElement(By.id("q-size"))).selectByVisibleText("Entre une assiette et un pneu d’auto");
        new Select(browser.findElement(By.id("q-locationOnRoad"))).selectByValue("driving-lane");
        browser.findElement(By.id("address")).sendKeys("455 Queen St S, Lakeport");
        browser.findElement(By.cssSelector("form.report button.primary[type=submit]")).click();
        String reference = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("reference"))).getText();
        assertThat(reference).matches("SR-2026-\\d{6}");
        assertThat(browser.heading().getText()).isEqualTo("Merci, nous avons reçu votre demande");
        assertThat(browser.findElement(By.id("promised")).getText())
                .matches("(lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche) \\d{1,2} [a-zéû]+ 20\\d\\d");
        browser.assertAccessible();

        browser.findElement(By.id("status-link")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        assertThat(lang()).isEqualTo("fr");
        assertThat(browser.findElement(By.id("now-heading")).getText()).isEqualTo("Où en est la demande");
        browser.assertAccessible();

        // The switch keeps the page (and its key): the same status page, in English, and English stays.
        String before = browser.getCurrentUrl().replaceAll("[?&]lang=\\w+", "");
        browser.findElement(By.id("language-switch")).click();
        browser.until(ExpectedConditions.textToBe(By.id("now-heading"), "Where it stands"));
        assertThat(lang()).isEqualTo("en");
        assertThat(browser.getCurrentUrl()).startsWith(before).contains("lang=en");
        assertThat(browser.heading().getText()).contains(reference);
        browser.open("/report");
        browser.waitForHeading("Report a problem");
    }

    @Test
    void aBrowserSetUpInCanadianFrenchGetsFrenchWithoutAskingForIt() {
        browser.acceptLanguage("fr-CA,fr;q=0.9");
        browser.open("/status");
        browser.waitForHeading("Consulter l’état d’une demande");
        assertThat(lang()).isEqualTo("fr");
        browser.assertAccessible();
        browser.findElement(By.id("reference")).sendKeys("SR-2026-999999");
        browser.findElement(By.cssSelector("main form button.primary")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("reference-error")));
        assertThat(browser.findElement(By.id("reference-error")).getText()).startsWith("Aucune demande ne correspond");
        browser.assertAccessible();
        browser.findElement(By.id("language-switch")).click();
        browser.waitForHeading("Check the status of a report");
    }

    private String lang() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

    private void shot(String name) throws Exception {
        String folder = System.getenv("ONESTOP_SHOTS");
        if (folder != null) {
            browser.screenshot(Path.of(folder, name + "-desktop.png"), 1280, 900);
            browser.screenshot(Path.of(folder, name + "-375.png"), 375, 800);
        }
    }
}
