package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.notifications.OutboxSender;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The resident's whole journey, in a real browser and through a real SMTP server: report a pothole with a photo,
 * receive the acknowledgement by e-mail, look the case up by its reference from the mail, and once the department
 * resolved it, answer the survey from the resolved mail: "not fixed" reopens the case.
 */
class ResidentJourneyBrowserTest extends IntegrationTest {

    static final String SCRIPT = "<script>alert(1)</script>";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP).withPerMethodLifecycle(true);

    @Autowired
    CaseService cases;
    @Autowired
    OutboxSender sender;

    @RegisterExtension
    final Browser browser = new Browser();

    @Test
    void aResidentReportsIsToldLooksItUpAndSaysItIsNotFixed() throws Exception {
        while (sender.deliverDue(100) > 0) {
            // earlier tests' notices out of the way
        }
        String email = "journey-" + System.nanoTime() + "@example.org";
        Path photo = Files.createTempFile("pothole", ".jpg");
        Files.write(photo, TestImages.jpegWithGps(320, 240));
        String reference;
        try {
            // Report, with a photo and an e-mail address for notices.
            browser.open("/report/pothole");
            browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("q-size")));
            new Select(browser.findElement(By.id("q-size"))).selectByValue("medium");
            new Select(browser.findElement(By.id("q-locationOnRoad"))).selectByValue("driving-lane");
            browser.findElement(By.id("description")).sendKeys(SCRIPT + " deep hole");
            browser.findElement(By.id("address")).sendKeys("455 Queen St S, Lakeport");
            browser.findElement(By.id("photo")).sendKeys(photo.toAbsolutePath().toString());
            browser.findElement(By.id("name")).sendKeys("Jo Journey");
            browser.findElement(By.id("email")).sendKeys(email);
            browser.findElement(By.id("emailUpdates")).sendKeys(Keys.SPACE);
            browser.findElement(By.cssSelector("button.primary[type=submit]")).click();
            reference = browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("reference"))).getText();
            assertThat(reference).matches("SR-2026-\\d{6}");
            browser.assertNoAlert();
        } finally {
            Files.deleteIfExists(photo);
        }

        // The acknowledgement arrives by e-mail, with the reference, the promised date and the status link.
        deliverAll();
        MimeMessage received = onlyMail(email, "we received your request");
        String body = GreenMailUtil.getBody(received).replace("=\r\n", "");
        assertThat(received.getSubject()).startsWith(reference);
        assertThat(body).contains(reference);
        String ownLink = path(body, "/status/" + reference + "\\?key=[A-Za-z0-9_-]{22}");

        // The resident follows their own link from the mail (on this test server's port) and sees the status page.
        browser.open(ownLink);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        browser.assertAccessible();
        assertThat(browser.findElement(By.id("description")).getText()).isEqualTo(SCRIPT + " deep hole");
        assertThat(browser.findElements(By.cssSelector("ul.photos img"))).hasSize(1);
        browser.assertNoAlert();

        // The department works the case to resolution.
        String roads = user("journey-roads", "roads");
        for (Map<String, Object> variables : List.of(
                Map.<String, Object>of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "Medium"),
                Map.<String, Object>of("crew", "east-yard", "plannedDate", "2026-12-01"),
                Map.<String, Object>of("repairMethod", "cold-patch", "resolutionNote", "Patched with cold mix."))) {
            var task = onlyDepartmentTask(reference);
            Map<String, Object> rest = new HashMap<>();
            variables.forEach((k, v) -> rest.put(k, Map.of("value", v)));
            postJson(as(roads), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", roads));
            assertThat(postJson(as(roads), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest))
                    .getStatusCode().value()).isEqualTo(204);
        }
        assertThat(cases.get(reference).getStatus().code()).isEqualTo("closed");

        // The resolved mail says what was done and carries the survey link; the resident says it is not fixed.
        deliverAll();
        String resolved = GreenMailUtil.getBody(onlyMail(email, "resolved")).replace("=\r\n", "");
        assertThat(resolved).contains("Patched with cold mix.");
        browser.open(path(resolved, "/survey/[A-Za-z0-9_-]{43}"));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-2")));
        browser.assertAccessible();
        browser.findElement(By.id("rating-2")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("fixed-no")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("comment")).sendKeys("The hole is back after the rain");
        browser.findElement(By.id("comment")).submit();
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "We reopened your request"));
        browser.assertAccessible();

        assertThat(cases.get(reference).getStatus().isOpen()).isTrue();
        assertThat(departmentTasks(reference)).hasSize(1);
        browser.open(ownLink);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("status")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Reopened: The hole is back after the rain");
        // The reference alone shows the status, not the timeline.
        browser.open("/status/" + reference);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("limited")));
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain("The hole is back", "deep hole");
        deliverAll();
        onlyMail(email, "reopened");
    }

    private void deliverAll() {
        while (sender.deliverDue(100) > 0) {
            // until nothing due is left
        }
    }

    private MimeMessage onlyMail(String to, String subjectPart) throws Exception {
        List<MimeMessage> mails = Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().equals(to) && m.getSubject().contains(subjectPart);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(mails).as("mails to %s about '%s'", to, subjectPart).hasSize(1);
        return mails.get(0);
    }

    /** The path of the first link in a mail matching the pattern (the mail's links name the configured public URL). */
    private static String path(String body, String pattern) {
        Matcher m = Pattern.compile("https?://[^/\\s]+(" + pattern + ")").matcher(body);
        assertThat(m.find()).as("a link %s in %s", pattern, body).isTrue();
        return m.group(1);
    }
}
