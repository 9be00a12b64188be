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
 * And the same intake in French.
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
        String openPothole = openPotholeAt120KingStE(agent);
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
        saveWithoutTheSize();
        browser.assertAccessible();

        // Answer the questions with the keyboard and save.
        answerAndSave("Between", "On the shoulder", "Hole near the curb, about 30 m east of the one already reported", "Save the case");

        // Warned about the open pothole 30 m away; the caller means another hole: save as a new case.
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nearby-heading"), "Already reported nearby?"));
        String warning = browser.findElement(By.id("nearby")).getText();
        assertThat(warning).contains(openPothole, "120 King St E", "30 m away");
        browser.assertAccessible();
        // The read-back. A hazard makes it urgent: one business day from Tuesday 24 November at 10:00.
        String reference = saveAsNewAndReadBack("Save as a new case", "opened", "Wednesday 25 November 2026", openPothole);

        // The case's status page, as for a resident calling back, also after a mistake.
        casePageAfterMistakes(reference, "The case's status page", "Add the note", "is required: what did the caller say?");

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

    /**
     * The same in French: an agent whose browser is set up in Canadian French (Accept-Language fr-CA) opens a case with
     * the keyboard only, from the caller's words ("nid-de-poule") to the read-back, is warned in French about the open
     * pothole 30 m away and reads the expected date in French. Every console page is {@code <html lang="fr">} and passes
     * axe-core, also after a validation error; {@code ?lang=en} switches back.
     */
    @Test
    void anAgentOpensACaseInFrenchWithTheKeyboard() {
        String agent = user("br-fr-agent", "contact-centre");
        String openPothole = openPotholeAt120KingStE(agent);
        long caller = customers.findOrCreate(new CustomerDetails("Appelante Navigateur", "905-555-0188", null, null, null)).getId();

        browser.acceptLanguage("fr-CA,fr;q=0.9");
        browser.logIn(agent, PASSWORD);
        browser.open("/console");
        browser.waitForHeading("Console du centre d’appels");
        assertThat(lang()).isEqualTo("fr");
        browser.assertAccessible();

        browser.open("/console/cases/new?customer=" + caller + "&started=" + OFFICE_HOURS.minusSeconds(120));
        browser.waitForHeading("Ouvrir une demande de service");
        assertThat(lang()).isEqualTo("fr");
        browser.assertAccessible();

        // The caller's words, in French, find the service by its French name.
        browser.tabTo(By.id("words")).sendKeys("nid-de-poule", Keys.ENTER);
        browser.until(ExpectedConditions.textToBe(By.id("matches-heading"), "Services correspondants"));
        browser.assertAccessible();
        browser.tabTo(By.linkText("Nid-de-poule ou défaut de la chaussée")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Ouvrir une demande : Nid-de-poule ou défaut de la chaussée");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#map path")));
        assertThat(browser.findElement(By.id("questions-heading")).getText()).isEqualTo("Questions");
        assertThat(browser.findElement(By.id("location-heading")).getText()).isEqualTo("Emplacement");
        browser.assertAccessible();

        // Without the size: told in French beside the field, the address kept.
        saveWithoutTheSize();
        assertThat(browser.findElement(By.id("q-size-error")).getText()).isEqualTo("est obligatoire");
        assertThat(browser.findElement(By.id("summary-heading")).getText()).isEqualTo("Veuillez vérifier ces champs");
        browser.assertAccessible();

        // The questions answered in French with the keyboard, then save.
        answerAndSave("Entre", "Sur", "Trou près de la bordure, à 30 m à l’est de celui déjà signalé", "Enregistrer la demande");

        // Warned in French about the open pothole 30 m away; another hole: save as a new case.
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("nearby-heading"), "Déjà signalé à proximité?"));
        assertThat(browser.findElement(By.id("nearby")).getText()).contains(openPothole, "120 King St E", "à 30 m",
                "Ajouter cet appelant à " + openPothole);
        browser.assertAccessible();
        // The read-back, with the date in French: one business day from Tuesday 24 November at 10:00.
        String reference = saveAsNewAndReadBack("Enregistrer comme nouvelle demande", "ouverte", "mercredi 25 novembre 2026", openPothole);

        // The case's page, and a note without text: the errors in French.
        casePageAfterMistakes(reference, "La page d’état de la demande", "Ajouter la note", "est obligatoire : qu’a dit l’appelant?");
        assertThat(browser.findElement(By.id("reference-error")).getText()).startsWith("Aucune demande ne porte le numéro");
        assertThat(browser.heading().getText()).isEqualTo("Trouver une demande");

        // ?lang=en chooses English over the browser's French, and the cookie keeps it.
        browser.open("/console?lang=en");
        browser.waitForHeading("Contact-centre console");
        assertThat(lang()).isEqualTo("en");
        browser.open("/console/cases/new");
        browser.waitForHeading("Open a case");
    }

    /** An open pothole at 120 King St E, 30 m from 130 King St E, where the agent then reports another. */
    private String openPotholeAt120KingStE(String agent) {
        Map<String, Object> existing = new HashMap<>();
        existing.put("serviceCode", "pothole");
        existing.put("channel", "phone");
        existing.put("address", "120 King St E, Lakeport");
        existing.put("latitude", 43.2561);
        existing.put("longitude", -79.8690);
        existing.put("answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane"));
        return (String) postJson(as(agent), "/api/cases", existing).getBody().get("reference");
    }

    /** "Save as a new case" on the nearby warning, then the read-back: a new reference, the expected date, the address. */
    private String saveAsNewAndReadBack(String saveNew, String opened, String expected, String openPothole) {
        browser.tabTo(By.xpath("//button[normalize-space(.)='" + saveNew + "']")).sendKeys(Keys.SPACE);
        browser.waitForHeading(opened);
        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("SR-\\d{4}-\\d{6}").isNotEqualTo(openPothole);
        assertThat(browser.findElement(By.id("expected")).getText()).isEqualTo(expected);
        assertThat(cases.get(reference).getAddress()).isEqualTo("130 King St E, Lakeport");
        browser.assertAccessible();
        return reference;
    }

    /** From the read-back to the case's page; a note without text, then an unknown reference: each page accessible. */
    private void casePageAfterMistakes(String reference, String statusLink, String addNote, String noteError) {
        browser.tabTo(By.linkText(statusLink)).sendKeys(Keys.ENTER);
        browser.waitForHeading(reference);
        browser.assertAccessible();
        browser.tabTo(By.xpath("//button[normalize-space(.)='" + addNote + "']")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("note-text-error")));
        assertThat(browser.findElement(By.id("note-text-error")).getText()).isEqualTo(noteError);
        browser.assertAccessible();
        browser.open("/console/cases?reference=SR-1999-000404");
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("reference-error")));
        browser.assertAccessible();
    }

    /** The address typed and Enter, before the size is chosen: the error beside the size, the address kept. */
    private void saveWithoutTheSize() {
        browser.tabTo(By.id("address")).sendKeys("130 King St E", Keys.ENTER);
        browser.until(ExpectedConditions.presenceOfElementLocated(By.id("q-size-error")));
        assertThat(browser.findElement(By.id("address")).getAttribute("value")).isEqualTo("130 King St E");
        assertThat(browser.findElement(By.id("q-size")).getAttribute("aria-invalid")).isEqualTo("true");
    }

    /** A hazard, the size and the place on the road chosen by typing their options' first words, a description, save. */
    private void answerAndSave(String size, String locationOnRoad, String description, String save) {
        browser.tabTo(By.id("q-hazard")).sendKeys(Keys.SPACE);
        browser.tabTo(By.id("q-size")).sendKeys(size);
        browser.tabTo(By.id("q-locationOnRoad")).sendKeys(locationOnRoad);
        browser.tabTo(By.id("description")).sendKeys(description);
        browser.tabTo(By.xpath("//button[normalize-space(.)='" + save + "']")).sendKeys(Keys.ENTER);
    }

    private String lang() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }
}
