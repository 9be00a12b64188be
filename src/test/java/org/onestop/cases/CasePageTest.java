package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testing.WebSession;

/** The staff page of a case: readable answers, the timeline, and nothing a resident typed is run as markup. */
class CasePageTest extends IntegrationTest {

    @Test
    void showsTheCaseWithItsQuestionsInWordsAndEscapesWhatTheResidentTyped() throws Exception {
        String agent = user("it-agent", "contact-centre");
        user("it-roads", "roads");
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("pothole",
                Map.of("hazard", true, "size", "large", "locationOnRoad", "bike-lane")));
        request.put("description", "<script>alert(1)</script> in the bike lane");
        String reference = (String) postJson(as(agent), "/api/cases", request).getBody().get("reference");

        WebSession session = new WebSession(http.getRootUri());
        session.login("it-roads", PASSWORD);
        HttpResponse<String> page = session.get("/cases/" + reference);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains(reference, "Pothole or road defect", "Roads", "urgent")
                .contains("Is it a hazard to vehicles, cyclists or pedestrians?", "Yes", "In a bike lane")
                .contains("Request received by phone")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; in the bike lane")
                .doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void anUnknownCaseIsAFriendlyNotFoundPage() throws Exception {
        user("it-roads", "roads");
        WebSession session = new WebSession(http.getRootUri());
        session.login("it-roads", PASSWORD);
        HttpResponse<String> page = session.get("/cases/SR-1999-000404");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Not found", "SR-1999-000404", "Back to the start page");
    }

    @Test
    void needsALogin() throws Exception {
        HttpResponse<String> page = new WebSession(http.getRootUri()).get("/cases/SR-2026-000001");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }
}
