package org.onestop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.IntegrationTest;
import org.onestop.cases.ServiceRequests;
import org.onestop.notifications.Notification;
import org.onestop.notifications.Outbox;
import org.onestop.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * In a real browser, with the keyboard: the resident answers the follow-up survey (first with a mistake) and stops,
 * then restarts, their notices; axe-core finds no serious accessibility problem on any of these pages.
 */
class SurveyBrowserTest extends IntegrationTest {

    static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    Outbox outbox;
    @Autowired
    ServiceRequests requests;

    @RegisterExtension
    final Browser browser = new Browser();

    /** A resident's pothole taken to closure; the notices it produced. */
    private List<Notification> closedPothole() {
        String agent = user("sb-agent", "contact-centre");
        String roads = user("sb-roads", "roads");
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "pothole", "channel", "web",
                "description", "Hole " + SCRIPT, "address", "120 King St E, Lakeport",
                "customer", Map.of("name", "Bo Browser", "email", "browser-" + System.nanoTime() + "@example.org"),
                "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
        String reference = (String) postJson(as(agent), "/api/cases", request).getBody().get("reference");
        for (Map<String, Object> variables : List.of(
                Map.<String, Object>of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "Small"),
                Map.<String, Object>of("crew", "east-yard", "plannedDate", "2026-12-01"),
                Map.<String, Object>of("repairMethod", "hot-mix", "resolutionNote", "Filled " + SCRIPT))) {
            var task = onlyDepartmentTask(reference);
            Map<String, Object> rest = new HashMap<>();
            variables.forEach((k, v) -> rest.put(k, Map.of("value", v)));
            postJson(as(roads), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", roads));
            postJson(as(roads), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest));
        }
        return outbox.forCase(requests.findByReference(reference).orElseThrow().getId());
    }

    private static String link(List<Notification> notices, String pattern) {
        Pattern p = Pattern.compile(pattern);
        for (Notification n : notices) {
            Matcher m = p.matcher(n.getBody());
            if (m.find()) {
                return m.group();
            }
        }
        throw new AssertionError("no link " + pattern);
    }

    @Test
    void aResidentAnswersTheSurveyAfterAMistakeAndStopsThenRestartsNotices() {
        List<Notification> notices = closedPothole();
        String survey = link(notices, "/survey/[A-Za-z0-9_-]{43}");
        String optOut = link(notices, "/notices/opt-out/[A-Za-z0-9_-]{43}");

        browser.open(survey);
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("How did we do?");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Filled " + SCRIPT);
        browser.assertAccessible();

        // Only a comment, then send: the errors appear beside the questions, the comment is kept.
        browser.findElement(By.id("comment")).sendKeys("Thanks " + SCRIPT);
        browser.findElement(By.cssSelector("button[type=submit]")).click();
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.id("rating-error")));
        assertThat(browser.findElement(By.id("rating-error")).getText()).isEqualTo("Choose a rating from 1 to 5");
        assertThat(browser.findElement(By.id("fixed-error")).getText()).isEqualTo("Tell us whether the problem is fixed");
        assertThat(browser.findElement(By.id("rating")).getAttribute("aria-describedby")).isEqualTo("rating-error");
        assertThat(browser.findElement(By.id("comment")).getAttribute("value")).isEqualTo("Thanks " + SCRIPT);
        browser.assertAccessible();

        // With the keyboard: space picks a radio button, tab moves on to the button, enter sends.
        browser.findElement(By.id("rating-4")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("fixed-yes")).sendKeys(Keys.SPACE);
        browser.findElement(By.id("fixed-yes")).sendKeys(Keys.TAB);
        browser.focused().sendKeys(Keys.TAB);
        browser.focused().sendKeys(Keys.ENTER);
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Thank you"));
        browser.assertAccessible();

        browser.open(survey);
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "This survey is already answered"));
        browser.assertAccessible();

        browser.open(optOut);
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Stop notices about your requests"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("b•••@example.org");
        browser.assertAccessible();
        browser.findElement(By.xpath("//button[normalize-space(.)='Stop all notices']")).click();
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Notices stopped"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("no more notices");
        browser.assertAccessible();
        browser.findElement(By.xpath("//button[normalize-space(.)='Send me notices again']")).click();
        browser.until(ExpectedConditions.textToBe(By.tagName("h1"), "Stop notices about your requests"));
        browser.assertAccessible();

        browser.open("/notices/opt-out/" + "y".repeat(43));
        browser.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("This link is not valid");
        browser.assertAccessible();
    }
}
