package org.onestop.cases;

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
import org.onestop.testing.HeadlessChromium;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser: a department user logs in once, finds the case's task in Camunda Tasklist, claims it, fills in
 * its Camunda Form and completes it; the case moves on.
 */
class TasklistBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;

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

    @Test
    void aDepartmentUserCompletesTheCasesTaskWithItsFormInTasklist() {
        String agent = user("it-agent", "contact-centre");
        String staff = user("it-roads-browser", "roads");
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("pothole",
                Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane")));
        String reference = (String) postJson(as(agent), "/api/cases", request).getBody().get("reference");
        Task inspect = onlyDepartmentTask(reference);

        // One login for OneStop and Tasklist.
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(staff);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(url("/")));

        // The department's filter lists the task; open it.
        browser.get(url("/camunda/app/tasklist/default/"));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())=\"My department's tasks\"]"))).click();
        browser.get(url("/camunda/app/tasklist/default/#/?task=" + inspect.getId()));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//a[normalize-space(.)='Claim'] | //button[normalize-space(.)='Claim']"))).click();

        // The Camunda Form: it links back to the case, then the inspection's fields.
        WebElement caseLink = wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Open the case in OneStop")));
        assertThat(caseLink.getAttribute("href")).endsWith("/cases/" + reference);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='-Field_roadAuthority-display']"))).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//*[normalize-space(text())='The city']"))).click();
        WebElement repairNeeded = browser.findElement(By.cssSelector("input[id$='-Field_repairNeeded']"));
        repairNeeded.click();
        browser.findElement(By.cssSelector("textarea[id$='-Field_inspectionNotes']")).sendKeys("40 cm wide, 10 cm deep, in the curb lane");
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space(.)='Complete']"))).click();

        // The engine has the form's values, and the case has moved on to scheduling the repair.
        wait.until(driver -> taskService.createTaskQuery().taskId(inspect.getId()).count() == 0);
        Task schedule = onlyDepartmentTask(reference);
        assertThat(schedule.getTaskDefinitionKey()).isEqualTo("Task_ScheduleRepair");
        assertThat(runtimeService.getVariable(schedule.getExecutionId(), "roadAuthority")).isEqualTo("city");
        assertThat(runtimeService.getVariable(schedule.getExecutionId(), "repairNeeded")).isEqualTo(true);
        Map<String, Object> view = getJson(as(agent), "/api/cases/" + reference).getBody();
        assertThat(view).containsEntry("status", "in_progress");
        assertThat(view.get("timeline").toString()).contains("Inspect pothole completed", "Acknowledged by Roads");
    }
}
