package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The residents' status page: by reference alone only the service, status and expected date; with the resident's own
 * link public entries only, nobody's personal data; and "this is not fixed".
 */
class StatusPageTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    StatusLinks links;

    private Resident resident;
    private String agent;

    @BeforeEach
    void setUp() {
        resident = new Resident(port);
        agent = user("ss-agent", "contact-centre");
    }

    @Test
    void theStatusPageShowsThePublicTimelineAndNoPersonalDataOrInternalNotes() throws Exception {
        String reference = open(Map.of("name", "Priya Privatename", "email", "priya.private@example.org",
                "phone", "(905) 555-0142"), "<script>alert(1)</script> by the school");
        postJson(as(agent), "/api/cases/" + reference + "/notes", Map.of("text", "Internal: crew foreman suspects contractor damage", "visibility", "internal"));
        postJson(as(agent), "/api/cases/" + reference + "/notes", Map.of("text", "We have scheduled the repair", "visibility", "public"));

        HttpResponse<String> page = resident.get(links.path(reference));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        String html = page.body();
        assertThat(html).contains(reference, "Pothole", "We have scheduled the repair", "Expected by", "Request received by phone");
        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; by the school").doesNotContain("<script>alert(1)");
        assertThat(html).doesNotContain("crew foreman", "Privatename", "priya.private", "555-0142", "5550142", "ss-agent");
        assertThat(html).containsPattern("id=\"expected\">(Monday|Tuesday|Wednesday|Thursday|Friday) \\d{1,2} \\w+ 2026<");
        assertThat(html).doesNotContain("Is it not fixed?"); // still open

        // The reference alone, or with a wrong key: the service, the status and the expected date, nothing else.
        for (String path : List.of("/status/" + reference, "/status/" + reference + "?key=AAAAAAAAAAAAAAAAAAAAAA",
                "/status/" + reference + "?key=" + links.key("SR-2026-000001"))) {
            String bare = resident.get(path).body();
            assertThat(bare).contains(reference, "Pothole", "id=\"status\"", "Expected by").contains("id=\"limited\"")
                    .doesNotContain("We have scheduled the repair", "Request received by phone", "by the school", "1 Main St",
                            "What has happened", "Reported on");
        }
    }

    @Test
    void aLookupByReferenceRedirectsAndUnknownOrMalformedReferencesGetTheSameFriendlyAnswer() throws Exception {
        String reference = open(null, "Lookup test");
        HttpResponse<String> lookup = resident.get("/status?reference=+" + reference.toLowerCase() + "+");
        assertThat(lookup.statusCode()).isEqualTo(302);
        assertThat(lookup.headers().firstValue("Location").orElseThrow()).endsWith("/status/" + reference);

        HttpResponse<String> unknown = resident.get("/status?reference=SR-2026-999999");
        HttpResponse<String> malformed = resident.get("/status?reference=%27%20OR%201%3D1--");
        HttpResponse<String> unknownPath = resident.get("/status/SR-1999-000001");
        for (HttpResponse<String> page : List.of(unknown, malformed, unknownPath)) {
            assertThat(page.statusCode()).isEqualTo(404);
            assertThat(page.body()).contains("id=\"reference-error\">" + StatusPages.NOT_FOUND.replace("'", "&#39;"))
                    .containsPattern("id=\"reference\"[^>]*aria-invalid=\"true\"");
        }
        assertThat(malformed.body()).contains("value=\"&#39; OR 1=1--\"");
        assertThat(resident.get("/status").body()).contains("Check the status of a report").doesNotContain("reference-error");
    }

    @Test
    void theReporterSendsAResolvedCaseBackWithTheirEmailAddressAndAStrangerCannot() throws Exception {
        String reference = open(Map.of("name", "Ola Reporter", "email", "ola.reporter@example.org"), "Hole");
        resolve(reference);
        String page = "/status/" + reference;
        assertThat(resident.get(links.path(reference)).body()).contains("Is it not fixed?", "Resolved", "Patched.");
        assertThat(resident.get(page).body()).contains("Is it not fixed?", "Closed", "id=\"contact\"").doesNotContain("Patched.");

        HttpResponse<String> stranger = resident.postForm(page, page + "/reopen", Map.of("reason", "Still there", "contact", "someone@example.org"));
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("id=\"contact-error\">" + StatusPages.NOT_YOURS).contains("Still there</textarea>");
        HttpResponse<String> blank = resident.postForm(page, page + "/reopen", Map.of("reason", "Still there", "contact", ""));
        assertThat(blank.body()).contains("id=\"contact-error\">" + StatusPages.NOT_YOURS);
        HttpResponse<String> noReason = resident.postForm(page, page + "/reopen", Map.of("reason", " ", "contact", "ola.reporter@example.org"));
        assertThat(noReason.body()).contains("id=\"reason-error\">Tell us what is still wrong.");
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "closed");

        HttpResponse<String> reporter = resident.postForm(page, page + "/reopen",
                Map.of("reason", "The <hole> is back", "contact", " Ola.Reporter@Example.ORG "));

        assertThat(reporter.statusCode()).as(reporter.body()).isEqualTo(302);
        assertThat(reporter.headers().firstValue("Location").orElseThrow()).endsWith(page + "?reopened");
        Map<String, Object> reopened = getJson(as(agent), "/api/cases/" + reference).getBody();
        assertThat(reopened.get("open311Status")).isEqualTo("open");
        assertThat(reopened.get("timeline").toString()).contains("Reopened: The <hole> is back");
        String after = resident.get(page + "?reopened").body();
        assertThat(after).contains("We have sent your report back", "Expected by").doesNotContain("The &lt;hole&gt; is back");
        assertThat(resident.get(links.path(reference)).body()).contains("Reopened: The &lt;hole&gt; is back");
    }

    @Test
    void theResidentsOwnLinkSendsACaseBackWithoutAskingForTheContactDetailsAndAWrongKeyDoesNot() throws Exception {
        String reference = open(Map.of("name", "Kim Keyholder", "email", "kim.keyholder@example.org"), "Hole");
        resolve(reference);
        String own = links.path(reference);
        String keyed = resident.get(own).body();
        assertThat(keyed).contains("Is it not fixed?", "name=\"key\"").doesNotContain("id=\"contact\"");

        HttpResponse<String> wrongKey = resident.postForm(own, "/status/" + reference + "/reopen",
                Map.of("reason", "Still there", "key", links.key("SR-2026-000001")));
        assertThat(wrongKey.statusCode()).isEqualTo(400);
        assertThat(wrongKey.body()).contains("id=\"contact-error\">" + StatusPages.NOT_YOURS);
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "closed");

        HttpResponse<String> withKey = resident.postForm(own, "/status/" + reference + "/reopen",
                Map.of("reason", "Still there", "key", links.key(reference)));
        assertThat(withKey.statusCode()).as(withKey.body()).isEqualTo(302);
        assertThat(withKey.headers().firstValue("Location").orElseThrow()).endsWith(own + "&reopened");
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody().get("open311Status")).isEqualTo("open");
        assertThat(resident.get(own + "&reopened").body()).contains("We have sent your report back", "Reopened: Still there");
    }

    @Test
    void aCaseReportedWithAPhoneNumberIsSentBackWithThatNumberInAnyFormat() throws Exception {
        String reference = open(Map.of("name", "Phone Only", "phone", "905-555-0177"), "Hole");
        resolve(reference);
        String page = "/status/" + reference;
        assertThat(resident.postForm(page, page + "/reopen", Map.of("reason", "Back", "contact", "905 555 0178")).statusCode()).isEqualTo(400);
        assertThat(resident.postForm(page, page + "/reopen", Map.of("reason", "Back", "contact", "+1 (905) 555-0177")).statusCode()).isEqualTo(302);
    }

    @Test
    void anAnonymousReportCanBeSentBackByWhoeverHasTheReference() throws Exception {
        String reference = open(null, "Hole");
        resolve(reference);
        String page = "/status/" + reference;
        assertThat(resident.postForm(page, page + "/reopen", Map.of("reason", "Back again", "contact", "")).statusCode()).isEqualTo(302);
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody().get("open311Status")).isEqualTo("open");
    }

    @Test
    void afterTheReopenWindowTheFormIsGoneAndAPostIsRefusedBesideTheReason() throws Exception {
        String reference = open(null, "Hole");
        resolve(reference);
        String page = "/status/" + reference;
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS.plus(Duration.ofDays(31))));

        String late = resident.get(page).body();
        assertThat(late).doesNotContain("id=\"reason\"").contains("resolved more than 30 days ago");
        HttpResponse<String> refused = resident.postForm("/report/pothole", page + "/reopen", Map.of("reason", "Back", "contact", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"reason-error\">The case was resolved more than 30 days ago and can no longer be reopened; open a new request.");
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "closed");
    }

    @Test
    void anOpenCaseIsNotSentBack() throws Exception {
        String reference = open(null, "Hole");
        String page = "/status/" + reference;
        HttpResponse<String> refused = resident.postForm("/report/pothole", page + "/reopen", Map.of("reason", "Back", "contact", ""));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"reason-error\">This report is still open");
    }

    @Test
    void aPhotoIsShownOnTheResidentsOwnStatusPageAndToStaffBehindTheLogin() throws Exception {
        List<Resident.Part> parts = new ArrayList<>(ReportPageTest.potholeAnswers());
        parts.add(Resident.Part.field("address", "3 Photo Lane"));
        parts.add(Resident.Part.file("photo", "p.png", "image/png", TestImages.png(40, 30)));
        String location = resident.postMultipart("/report/pothole", "/report/pothole", parts).headers()
                .firstValue("Location").orElseThrow();
        String reference = ReportPageTest.referenceIn(location);

        // The own link, as the confirmation page gives it.
        String receipt = resident.get(location.replaceAll("^https?://[^/]+", "")).body();
        String own = receipt.replaceAll("(?s).*id=\"status-link\" href=\"([^\"]+)\".*", "$1");
        assertThat(own).isEqualTo(links.path(reference));
        String html = resident.get(own).body();
        String src = html.replaceAll("(?s).*<img src=\"([^\"]+)\".*", "$1");
        assertThat(src).matches("/status/" + reference + "/photos/\\d+\\?key=" + links.key(reference));
        HttpResponse<byte[]> image = resident.getBytes(src);
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
        assertThat(image.headers().firstValue("X-Content-Type-Options").orElseThrow()).isEqualTo("nosniff");
        String id = src.replaceAll(".*/photos/(\\d+).*", "$1");
        assertThat(resident.getBytes("/status/SR-2026-999999/photos/" + id).statusCode()).isEqualTo(404);

        // The reference alone shows no photo, and the photo needs the key.
        assertThat(resident.get("/status/" + reference).body()).doesNotContain("<img", "/photos/");
        assertThat(resident.getBytes("/status/" + reference + "/photos/" + id).statusCode()).isEqualTo(404);
        assertThat(resident.getBytes("/status/" + reference + "/photos/" + id + "?key=" + links.key("SR-2026-000001")).statusCode()).isEqualTo(404);

        String staffPath = "/cases/" + reference + "/photos/" + id;
        assertThat(resident.get(staffPath).statusCode()).isEqualTo(302); // to the login page
        org.onestop.testing.WebSession staff = new org.onestop.testing.WebSession("http://localhost:" + port);
        staff.login(user("ss-roads", "roads"), PASSWORD);
        assertThat(staff.get(staffPath).statusCode()).isEqualTo(200);
        assertThat(staff.get("/cases/" + reference).body()).contains("<h2>Photos</h2>", staffPath);
    }

    private String open(Map<String, Object> customer, String description) {
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "pothole", "channel", "phone", "address", "1 Main St",
                "description", description, "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "driving-lane")));
        if (customer != null) {
            request.put("customer", customer);
        }
        Map<String, Object> body = postJson(as(agent), "/api/cases", request).getBody();
        assertThat(body).containsKey("reference");
        return (String) body.get("reference");
    }

    private void resolve(String reference) {
        List<Map<String, Object>> completions = List.of(
                Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "20 cm wide"),
                Map.of("crew", "east-yard", "plannedDate", "2026-12-01"),
                Map.of("repairMethod", "cold-patch", "resolutionNote", "Patched."));
        for (Map<String, Object> variables : completions) {
            Task task = onlyDepartmentTask(reference);
            taskService.complete(task.getId(), variables);
        }
    }
}
