package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * In a real browser: a department user logs in once, finds the case's task in Camunda Tasklist, claims it, fills in
 * its Camunda Form and completes it; the case moves on.
 */
class TasklistBrowserTest extends IntegrationTest {

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aDepartmentUserCompletesTheCasesTaskWithItsFormInTasklist() {
        String agent = user("it-agent", "contact-centre");
        String staff = user("it-roads-browser", "roads");
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("pothole",
                Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane")));
        String reference = (String) postJson(as(agent), "/api/cases", request).getBody().get("reference");
        Task inspect = onlyDepartmentTask(reference);

        // One login for OneStop and Tasklist.
        browser.logIn(staff, PASSWORD);

        // The department's filter lists the task; open it.
        browser.open("/camunda/app/tasklist/default/");
        browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())=\"My department's tasks\"]"))).click();
        browser.open("/camunda/app/tasklist/default/#/?task=" + inspect.getId());
        browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='Claim'] | //button[normalize-space(.)='Claim']"))).click();

        // The Camunda Form: it links back to the case, then the inspection's fields.
        WebElement caseLink = browser.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Open the case in OneStop")));
        assertThat(caseLink.getAttribute("href")).endsWith("/cases/" + reference);
        // The task carries its case's due and follow-up dates; Camunda's end-of-life banner is not shown to staff.
        // (Tasklist redraws the task after the claim: read the fields again until they settle.)
        assertThat(browser.<String>until(driver -> shown(driver, ".due-date"))).doesNotContain("Set due date");
        assertThat(browser.<String>until(driver -> shown(driver, ".followup-date"))).doesNotContain("Set follow up");
        assertThat(browser.findElements(By.cssSelector(".ce-eol-banner"))).allSatisfy(banner -> assertThat(banner.isDisplayed()).isFalse());
        browser.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='-Field_roadAuthority-display']"))).click();
        browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())='The city']"))).click();
        WebElement repairNeeded = browser.findElement(By.cssSelector("input[id$='-Field_repairNeeded']"));
        repairNeeded.click();
        browser.findElement(By.cssSelector("textarea[id$='-Field_inspectionNotes']")).sendKeys("40 cm wide, 10 cm deep, in the curb lane");
        browser.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))).click();

        // The engine has the form's values, and the case has moved on to scheduling the repair.
        browser.until(driver -> taskService.createTaskQuery().taskId(inspect.getId()).count() == 0);
        Task schedule = onlyDepartmentTask(reference);
        assertThat(schedule.getTaskDefinitionKey()).isEqualTo("Task_ScheduleRepair");
        assertThat(runtimeService.getVariable(schedule.getExecutionId(), "roadAuthority")).isEqualTo("city");
        assertThat(runtimeService.getVariable(schedule.getExecutionId(), "repairNeeded")).isEqualTo(true);
        Map<String, Object> view = getJson(as(agent), "/api/cases/" + reference).getBody();
        assertThat(view).containsEntry("status", "in_progress");
        assertThat(view.get("timeline").toString()).contains("Inspect pothole completed", "Acknowledged by Roads");
    }

    /** The element's text once it is on the page and not being redrawn, else null (wait on). */
    private static String shown(org.openqa.selenium.WebDriver driver, String css) {
        try {
            String text = driver.findElement(By.cssSelector(css)).getText();
            return text == null || text.isBlank() ? null : text;
        } catch (org.openqa.selenium.StaleElementReferenceException | org.openqa.selenium.NoSuchElementException redrawing) {
            return null;
        }
    }
}
