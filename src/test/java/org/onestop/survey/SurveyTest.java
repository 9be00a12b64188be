package org.onestop.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.ServiceRequest;
import org.onestop.cases.ServiceRequests;
import org.onestop.notifications.Notification;
import org.onestop.notifications.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The follow-up survey: its link works once, answers are validated with the typed values kept, "not fixed" reopens the
 * case (or, when that is no longer possible, is recorded and the resident is told to report again), and the answers
 * add up to the figures of {@code /api/surveys/summary}.
 */
class SurveyTest extends IntegrationTest {

    static final Pattern SURVEY_LINK = Pattern.compile("/survey/([A-Za-z0-9_-]{43})");
    static final String SCRIPT = "<script>alert(1)</script>";

    @Autowired
    Outbox outbox;
    @Autowired
    ServiceRequests requests;
    @Autowired
    SurveyService surveys;
    @Autowired
    JdbcTemplate jdbc;

    /** A resident's pothole (or missed collection) taken to closure; returns the survey token from the resolved notice. */
    Resolved resolvedCase(String service, String resolution) {
        String agent = user("sv-agent", "contact-centre");
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", service);
        request.put("channel", "web");
        request.put("description", "Reported online");
        request.put("address", "120 King St E, Lakeport");
        request.put("customer", Map.of("name", "Sue Surveyed", "email", "survey-" + System.nanoTime() + "@example.org"));
        boolean pothole = service.equals("pothole");
        request.put("answers", pothole ? Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")
                : Map.of("stream", "organics", "collectionDate", "2026-11-20", "setOutOnTime", true));
        var created = postJson(as(agent), "/api/cases", request);
        assertThat(created.getStatusCode().value()).as("%s", created.getBody()).isEqualTo(201);
        String reference = (String) created.getBody().get("reference");
        String staff = user("sv-" + (pothole ? "roads" : "waste"), pothole ? "roads" : "waste");
        List<Map<String, Object>> steps = pothole
                ? List.of(Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "Small"),
                          Map.of("crew", "east-yard", "plannedDate", "2026-12-01"),
                          Map.of("repairMethod", "hot-mix", "resolutionNote", resolution))
                : List.of(Map.of("missedByCity", true, "verificationNotes", "Skipped"),
                          Map.of("collectedOn", "2026-11-23", "resolutionNote", resolution));
        for (Map<String, Object> variables : steps) {
            var task = onlyDepartmentTask(reference);
            Map<String, Object> rest = new HashMap<>();
            variables.forEach((k, v) -> rest.put(k, Map.of("value", v)));
            postJson(as(staff), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", staff));
            postJson(as(staff), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest));
        }
        ServiceRequest sr = requests.findByReference(reference).orElseThrow();
        assertThat(sr.getStatus().code()).isEqualTo("closed");
        String body = outbox.forCase(sr.getId()).stream().map(Notification::getBody)
                .filter(b -> SURVEY_LINK.matcher(b).find()).findFirst().orElseThrow();
        Matcher m = SURVEY_LINK.matcher(body);
        assertThat(m.find()).isTrue();
        return new Resolved(reference, sr.getId(), m.group(1));
    }

    record Resolved(String reference, Long caseId, String token) {
    }

    /** A browser without JavaScript: GET the page (session + CSRF token), then POST the form. */
    class Page {
        final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String csrf;

        HttpResponse<String> get(String path) throws Exception {
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.body().contains("name=\"_csrf\"")) {
                csrf = r.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
            }
            return r;
        }

        HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            form.forEach((k, v) -> body.append('&').append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return client.send(HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    @Test
    void theLinkWorksOnceAndShowsTheResolutionAsText() throws Exception {
        Resolved resolved = resolvedCase("pothole", "Filled " + SCRIPT);
        Page page = new Page();
        HttpResponse<String> form = page.get("/survey/" + resolved.token());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains(resolved.reference(), "Filled &lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(SCRIPT);

        HttpResponse<String> thanks = page.post("/survey/" + resolved.token(), Map.of("rating", "5", "effort", "4", "fixed", "yes", "comment", "Quick work " + SCRIPT));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("<h1>Thank you</h1>", resolved.reference());
        assertThat(surveys.responses(resolved.caseId())).singleElement().satisfies(r -> {
            assertThat(r.rating()).isEqualTo(5);
            assertThat(r.effort()).isEqualTo(4);
            assertThat(r.fixed()).isTrue();
            assertThat(r.comment()).isEqualTo("Quick work " + SCRIPT);
            assertThat(r.reopened()).isNull();
        });

        HttpResponse<String> again = page.post("/survey/" + resolved.token(), Map.of("rating", "1", "fixed", "no"));
        assertThat(again.statusCode()).isEqualTo(410);
        assertThat(again.body()).contains("This survey is already answered");
        assertThat(page.get("/survey/" + resolved.token()).statusCode()).isEqualTo(410);
        assertThat(surveys.responses(resolved.caseId())).singleElement().satisfies(r -> assertThat(r.rating()).isEqualTo(5));
        assertThat(requests.findByReference(resolved.reference()).orElseThrow().getStatus().code()).isEqualTo("closed");

        assertThat(page.get("/survey/" + "x".repeat(43)).statusCode()).isEqualTo(404);
        assertThat(page.get("/survey/not-a-token").body()).contains("Survey not found");
    }

    @Test
    void answersAreValidatedWithErrorsBesideTheFieldsAndTheValuesKept() throws Exception {
        Resolved resolved = resolvedCase("pothole", "Filled");
        Page page = new Page();
        page.get("/survey/" + resolved.token());

        HttpResponse<String> bad = page.post("/survey/" + resolved.token(), Map.of("rating", "7", "effort", "9", "comment", "Kept " + SCRIPT));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("The rating must be a whole number from 1 to 5", "Tell us whether the problem is fixed",
                "How easy it was must be a whole number from 1 to 5", "id=\"effort-error\"", "aria-describedby=\"effort-error\"",
                "id=\"rating-error\"", "id=\"fixed-error\"", "aria-describedby=\"rating-error\"", "aria-invalid=\"true\"",
                "Kept &lt;script&gt;alert(1)&lt;/script&gt;</textarea>").doesNotContain(SCRIPT);

        HttpResponse<String> tooLong = page.post("/survey/" + resolved.token(), Map.of("rating", "3", "fixed", "yes",
                "comment", "x".repeat(SurveyService.MAX_COMMENT + 1)));
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 2000 characters")
                .containsPattern("value=\"3\"[^>]*checked").containsPattern("value=\"yes\"[^>]*checked")
                .doesNotContainPattern("value=\"4\"[^>]*checked");
        assertThat(surveys.responses(resolved.caseId())).singleElement().satisfies(r -> assertThat(r.answeredAt()).isNull());

        assertThat(page.post("/survey/" + resolved.token(), Map.of("rating", "4", "fixed", "yes")).statusCode()).isEqualTo(200);
        // The ease-of-effort question is optional: left out, the answer is recorded without it.
        assertThat(surveys.responses(resolved.caseId())).singleElement().satisfies(r -> {
            assertThat(r.rating()).isEqualTo(4);
            assertThat(r.effort()).isNull();
        });
    }

    @Test
    void notFixedReopensTheCase() throws Exception {
        Resolved resolved = resolvedCase("pothole", "Filled");
        Page page = new Page();
        page.get("/survey/" + resolved.token());
        HttpResponse<String> thanks = page.post("/survey/" + resolved.token(), Map.of("rating", "2", "fixed", "no", "comment", "Still a hole"));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("We reopened your request");

        Map<String, Object> reopened = getJson(as(user("sv-agent", "contact-centre")), "/api/cases/" + resolved.reference()).getBody();
        assertThat(reopened.get("open311Status")).isEqualTo("open");
        assertThat(reopened.get("timeline").toString()).contains("Reopened: Still a hole");
        assertThat(departmentTasks(resolved.reference())).hasSize(1);
        assertThat(surveys.responses(resolved.caseId())).singleElement().satisfies(r -> {
            assertThat(r.fixed()).isFalse();
            assertThat(r.reopened()).isTrue();
        });
        // The resident hears that it is open again, and gets a fresh "received" for the new round.
        assertThat(outbox.forCase(resolved.caseId())).extracting(Notification::getDedupeKey).contains("received:1").containsOnlyOnce("received:0");
        assertThat(outbox.forCase(resolved.caseId())).extracting(Notification::getSubject)
                .contains(resolved.reference() + " · Pothole or road defect: reopened");
    }

    @Test
    void notFixedAfterTheReopenWindowIsRecordedAndTheResidentIsAskedToReportAgain() throws Exception {
        Resolved resolved = resolvedCase("pothole", "Filled");
        // A survey valid longer than the reopen window (30 days after the resolution).
        jdbc.update("update survey set expires_at = ? where case_id = ?", java.sql.Timestamp.from(OFFICE_HOURS.plus(Duration.ofDays(60))), resolved.caseId());
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS.plus(Duration.ofDays(40))));
        Page page = new Page();
        page.get("/survey/" + resolved.token());
        HttpResponse<String> thanks = page.post("/survey/" + resolved.token(), Map.of("rating", "1", "fixed", "no"));
        assertThat(thanks.statusCode()).isEqualTo(200);
        assertThat(thanks.body()).contains("We could not reopen this request", "can no longer be reopened", "report the problem again");
        assertThat(requests.findByReference(resolved.reference()).orElseThrow().getStatus().code()).isEqualTo("closed");
        assertThat(surveys.responses(resolved.caseId())).singleElement().satisfies(r -> {
            assertThat(r.rating()).isEqualTo(1);
            assertThat(r.reopened()).isFalse();
        });
    }

    @Test
    void anExpiredLinkGetsAFriendlyPage() throws Exception {
        Resolved resolved = resolvedCase("pothole", "Filled");
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS.plus(Duration.ofDays(31))));
        HttpResponse<String> expired = new Page().get("/survey/" + resolved.token());
        assertThat(expired.statusCode()).isEqualTo(410);
        assertThat(expired.body()).contains("This survey has expired", resolved.reference(), "report it again");
    }

    @Test
    void answersAddUpToTheSummaryFiguresForSupervisors() throws Exception {
        // A Tuesday of its own, a year before the suite's day, so that no other answers fall in the period (and
        // within what MySQL's TIMESTAMP columns of the engine's history can hold, unlike a day decades ahead).
        Instant day = OFFICE_HOURS.minus(Duration.ofDays(7L * 52));
        ClockUtil.setCurrentTime(Date.from(day));
        String date = LocalDate.ofInstant(day, ZoneId.of("America/Toronto")).toString();
        answer(resolvedCase("pothole", "Filled"), "4", "yes");
        answer(resolvedCase("pothole", "Filled"), "2", "no");
        answer(resolvedCase("missed-collection", "Collected"), "5", "yes");

        // A supervisor of both departments sees both; one of Roads only, Roads' figures only (the access policy).
        String supervisor = user("sv-supervisor", "roads-supervisors", "waste-supervisors");
        assertThat(getJson(as(user("sv-roads-supervisor", "roads-supervisors")), "/api/surveys/summary?from=" + date + "&to=" + date)
                .getBody().get("total")).isEqualTo(Map.of("key", "all", "responses", 2, "averageRating", 3.0, "fixedPercent", 50.0));
        Map<String, Object> byService = getJson(as(supervisor), "/api/surveys/summary?from=" + date + "&to=" + date).getBody();
        assertThat(byService.get("total")).isEqualTo(Map.of("key", "all", "responses", 3, "averageRating", 3.67, "fixedPercent", 66.7));
        assertThat(byService.get("groups")).isEqualTo(List.of(
                Map.of("key", "missed-collection", "responses", 1, "averageRating", 5.0, "fixedPercent", 100.0),
                Map.of("key", "pothole", "responses", 2, "averageRating", 3.0, "fixedPercent", 50.0)));
        Map<String, Object> byDepartment = getJson(as(user("sv-admin", "camunda-admin")),
                "/api/surveys/summary?by=department&from=" + date + "&to=" + date).getBody();
        assertThat(byDepartment.get("groups")).isEqualTo(List.of(
                Map.of("key", "roads", "responses", 2, "averageRating", 3.0, "fixedPercent", 50.0),
                Map.of("key", "waste", "responses", 1, "averageRating", 5.0, "fixedPercent", 100.0)));

        String nextDay = LocalDate.parse(date).plusDays(1).toString();
        assertThat(getJson(as(supervisor), "/api/surveys/summary?from=" + nextDay + "&to=" + nextDay).getBody().get("total"))
                .isEqualTo(Map.of("key", "all", "responses", 0, "averageRating", 0.0, "fixedPercent", 0.0));
        assertThat(getJson(as(user("sv-agent", "contact-centre")), "/api/surveys/summary?from=" + date + "&to=" + date)
                .getStatusCode().value()).isEqualTo(403);
        assertThat(getJson(http, "/api/surveys/summary?from=" + date + "&to=" + date).getStatusCode().value()).isEqualTo(401);
        var bad = getJson(as(supervisor), "/api/surveys/summary?from=2026-13-01&to=2026-11-01&by=ward");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().toString()).contains("from");
        assertThat(getJson(as(supervisor), "/api/surveys/summary?from=2026-11-02&to=2026-11-01").getStatusCode().value()).isEqualTo(400);
        assertThat(getJson(as(supervisor), "/api/surveys/summary?from=2025-01-01&to=2026-11-01").getStatusCode().value()).isEqualTo(400);
    }

    private void answer(Resolved resolved, String rating, String fixed) {
        SurveyService.Outcome outcome = surveys.answer(resolved.token(), rating, fixed, null);
        assertThat(outcome.state()).isEqualTo(SurveyService.State.OPEN);
    }
}
