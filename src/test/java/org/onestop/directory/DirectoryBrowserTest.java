package org.onestop.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.departments.DepartmentRegistry;
import org.onestop.departments.Departments;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * In a real browser, keyboard only, with axe-core on every page: an administrator adds a department (first with
 * mistakes), and an agent finds whom to call in the staff directory. Screenshots go to {@code /work/shots/} when that
 * folder exists, else {@code target/browser/}.
 */
class DirectoryBrowserTest extends IntegrationTest {

    static final String ID = "it-browser-parks";

    @Autowired
    Departments departments;
    @Autowired
    DepartmentRegistry registry;
    @Autowired
    JdbcTemplate jdbc;

    @RegisterExtension
    final Browser browser = new Browser();

    @AfterEach
    void removeTheDepartment() {
        jdbc.update("DELETE FROM department WHERE id = ?", ID);
        for (String group : new Departments.Department(ID, ID).groups()) {
            if (identityService.createGroupQuery().groupId(group).count() > 0) {
                identityService.deleteGroup(group);
            }
        }
        registry.check();
    }

    private static Path shot(String name) {
        Path folder = Path.of("/work/shots").toFile().isDirectory() ? Path.of("/work/shots") : Path.of("target", "browser");
        return folder.resolve(name + ".png");
    }

    @Test
    void anAdministratorAddsADepartmentWithTheKeyboard() throws Exception {
        String admin = user("it-dir-browser-admin", "camunda-admin");
        browser.logIn(admin, PASSWORD);
        // The tile on the start page.
        browser.tabTo(By.cssSelector("a.tile[href='/admin/departments']")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.urlToBe(browser.url("/admin/departments")));
        assertThat(browser.heading().getText()).isEqualTo("Departments");
        browser.assertAccessible();

        browser.tabTo(By.id("id")).sendKeys("Parks Dept");
        browser.tabTo(By.id("email")).sendKeys("parks-at-lakeport");
        browser.focused().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-errors")));
        assertThat(browser.findElement(By.id("id-error")).getText()).startsWith("Group id must be lower-case letters");
        assertThat(browser.findElement(By.id("name-error")).getText()).isEqualTo("Name is required.");
        assertThat(browser.findElement(By.id("email-error")).getText()).isEqualTo("Public e-mail address must be an e-mail address.");
        assertThat(browser.focused().getAttribute("id")).as("the first wrong field has the focus").isEqualTo("id");
        assertThat(browser.findElement(By.id("id")).getAttribute("value")).isEqualTo("Parks Dept");
        browser.assertAccessible();
        browser.screenshot(shot("admin-departments-errors"), 1280, 900);

        browser.focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, ID);
        browser.tabTo(By.id("name")).sendKeys("Parks and forestry");
        browser.tabTo(By.id("nameFr")).sendKeys("Parcs et foresterie");
        browser.tabTo(By.id("phone")).sendKeys("905-555-0199");
        browser.tabTo(By.id("email")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "parks@lakeport.example");
        browser.focused().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        assertThat(browser.findElement(By.id("saved")).getText()).contains("Parks and forestry", ID + "-supervisors");
        assertThat(departments.find(ID)).isPresent();
        assertThat(identityService.createGroupQuery().groupIdIn(ID, ID + "-supervisors", ID + "-oncall", ID + "-head").count()).isEqualTo(4);
        browser.assertAccessible();
        browser.screenshot(shot("admin-departments"), 1280, 900);

        // Change it: the link of its row, then the form.
        browser.tabTo(By.cssSelector("a[href='/admin/departments/" + ID + "']")).sendKeys(Keys.ENTER);
        browser.waitForHeading("Change Parks and forestry");
        browser.assertAccessible();
        browser.tabTo(By.id("phone")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE, "311");
        browser.focused().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("saved")));
        assertThat(departments.find(ID).orElseThrow().phone()).isEqualTo("311");

        browser.open("/admin/departments?lang=fr");
        assertThat(browser.heading().getText()).isEqualTo("Services municipaux");
        browser.assertAccessible();
        browser.screenshot(shot("admin-departments-fr"), 1280, 900);
    }

    @Test
    void anAgentFindsWhomToCallWithTheKeyboard() throws Exception {
        String agent = user("it-dir-browser-agent", "contact-centre");
        member("it-dir-browser-rita", "Ritabrowser", "roads", "it-dir-browser-rita@onestop.invalid");
        browser.logIn(agent, PASSWORD);
        browser.tabTo(By.linkText("Directory")).sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.urlToBe(browser.url("/directory")));
        assertThat(browser.heading().getText()).isEqualTo("Staff directory");
        browser.assertAccessible();

        browser.tabTo(By.id("q")).sendKeys("pothole", Keys.ENTER);
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.id("found"), "pothole"));
        List<String> headings = browser.findElements(By.cssSelector("main h2")).stream().map(e -> e.getText()).toList();
        assertThat(headings).contains("Roads").doesNotContain("Waste");
        assertThat(browser.findElement(By.id("dept-roads")).findElement(By.xpath("..")).getText())
                .contains("905-555-0110", "Pothole", "Ritabrowser", "it-dir-browser-rita@onestop.invalid");
        browser.assertAccessible();
        browser.screenshot(shot("directory"), 1280, 900);

        browser.open("/directory?lang=fr&q=voirie");
        assertThat(browser.heading().getText()).isEqualTo("Répertoire du personnel");
        browser.assertAccessible();
        browser.screenshot(shot("directory-fr"), 1280, 900);

        // From the console too.
        browser.open("/console");
        browser.tabTo(By.id("dir-q")).sendKeys("waste", Keys.ENTER);
        browser.until(ExpectedConditions.urlContains("/directory?q=waste"));
        assertThat(browser.findElements(By.id("dept-waste"))).hasSize(1);
    }

    /** A member of a department group with a first name and an e-mail of the test's own (the demo users are not always there). */
    private String member(String id, String firstName, String group, String email) {
        user(id, group);
        org.camunda.bpm.engine.identity.User member = identityService.createUserQuery().userId(id).singleResult();
        member.setFirstName(firstName);
        member.setEmail(email);
        identityService.saveUser(member);
        return id;
    }
}
