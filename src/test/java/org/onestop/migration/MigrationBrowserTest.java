package org.onestop.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * In a real browser, keyboard only, a process owner moves the pothole cases of the old version to a new one: reads
 * the counts and the plan, mistypes a case reference, tries the plan on one case, moves the rest and sees the batch
 * finish without reloading the page. axe-core checks each state; screenshots go to {@code onestop.shots} (default
 * {@code target/browser}).
 */
class MigrationBrowserTest extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;

    @RegisterExtension
    final Browser browser = new Browser();

    private final Path shots = Path.of(System.getProperty("onestop.shots", "target/browser"));

    @Test
    void anOwnerMovesRunningCasesWithTheKeyboard() throws IOException {
        String agent = user("it-migb-agent", "contact-centre");
        String supervisor = user("it-migb-roads-sup", "roads-supervisors");
        String owner = user("it-migb-owner", "process-owners");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ResponseEntity<Map<String, Object>> opened = postJson(as(agent), "/api/cases", MigrationTesting.potholeRequest());
            assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
            cases.add((String) opened.getBody().get("reference"));
        }
        ProcessDefinition old = repositoryService.createProcessDefinitionQuery().processDefinitionKey("PotholeRepairProcess")
                .latestVersion().singleResult();
        Deployment deployment = repositoryService.createDeployment().name("pothole with a check (migration browser test)")
                .addClasspathResource(MigrationTesting.POTHOLE_WITH_CHECK).deploy();
        try {
            browser.logIn(owner, PASSWORD);
            browser.open("/owner/services/pothole/migration");
            browser.waitForHeading("Move running cases: Pothole or road defect");
            assertThat(browser.findElement(By.id("version-" + old.getVersion())).getText()).contains(String.valueOf(old.getVersion()));
            assertThat(browser.findElement(By.id("mapped")).getText()).contains("Inspect pothole");
            assertThat(browser.findElement(By.id("new-steps")).getText()).contains("Check repair");
            browser.assertAccessible();
            browser.screenshot(shots.resolve("migration-plan.png"), 1280, 900);

            // The plan's link for the old version, reached with Tab and followed with Enter.
            browser.tabTo(By.linkText("Plan from version " + old.getVersion()));
            browser.focused().sendKeys(Keys.ENTER);
            browser.until(ExpectedConditions.urlContains("from=" + old.getVersion()));

            // A reference that is no case of the old version: told beside the field, which keeps the focus.
            browser.tabTo(By.id("reference"));
            browser.focused().sendKeys("SR-1999-000001", Keys.ENTER);
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
            assertThat(browser.findElement(By.id("reference-error")).getText()).contains("SR-1999-000001");
            assertThat(browser.focused().getAttribute("id")).isEqualTo("reference");
            browser.assertAccessible();
            browser.screenshot(shots.resolve("migration-unknown-case.png"), 1280, 900);

            // Try on one case.
            browser.focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, cases.get(0), Keys.ENTER);
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("moved")));
            assertThat(browser.findElement(By.id("moved")).getText()).contains(cases.get(0));
            assertThat(onlyDepartmentTask(cases.get(0)).getProcessDefinitionId()).isNotEqualTo(old.getId());
            browser.assertAccessible();

            // Move all: the batch starts; its progress shows and refreshes by itself once its jobs have run.
            browser.tabTo(By.id("move-submit"));
            browser.focused().sendKeys(Keys.ENTER);
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("moved"), "Started moving"));
            assertThat(browser.findElement(By.id("history-table")).getText()).contains(owner, "moved");
            assertThat(browser.findElement(By.id("under-way")).getText()).contains("being moved");
            assertThat(browser.findElements(By.id("move-submit"))).as("no second move while one runs").isEmpty();
            browser.assertAccessible();
            browser.screenshot(shots.resolve("migration-batch-running.png"), 1280, 900);
            managementService.createBatchQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list()
                    .forEach(batch -> MigrationTesting.runBatch(managementService, batch.getId()));
            browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#history-table tbody tr:first-child .progress"), "Done"));
            assertThat(onlyDepartmentTask(cases.get(1)).getProcessDefinitionId()).isNotEqualTo(old.getId());
            browser.screenshot(shots.resolve("migration-batch-done.png"), 1280, 900);

            // The same page in French.
            browser.open("/owner/services/pothole/migration?lang=fr");
            browser.waitForHeading("Déplacer les dossiers en cours");
            browser.assertAccessible();
            browser.screenshot(shots.resolve("migration-fr.png"), 1280, 900);
        } finally {
            for (String reference : cases) {
                postJson(as(supervisor), "/api/cases/" + reference + "/cancel", Map.of("reason", "migration browser test over"));
            }
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }
}
