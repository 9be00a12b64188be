package org.onestop.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testing.FormSession;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The owners' pages without a browser: a preview with bad input is a 400 page naming each field (in the page's
 * language) and keeping what was typed, a good one shows the decision; an unknown service is the 404 page; anonymous
 * users go to the login.
 */
class OwnerPagesTest extends IntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void badInputIsAFriendlyPageAndGoodInputShowsTheDecision() throws Exception {
        FormSession owner = FormSession.loggedIn("http://localhost:" + port, user("op-owner", "process-owners"), PASSWORD);
        String path = "/owner/services/pothole/preview";
        assertThat(owner.get(path).statusCode()).isEqualTo(200);

        HttpResponse<String> bad = owner.post(path, "q.size", "enormous", "ward", "Ward 99", "channel", "pigeon", "receivedAt", "tomorrow");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"form-errors\"", "Choose one of the city&#39;s wards.", "Choose a channel.",
                "Give a date and a time.", "id=\"q-size-error\"", "value=\"tomorrow\"").doesNotContain("id=\"result\"");

        HttpResponse<String> good = owner.post(path, "q.size", "large", "q.locationOnRoad", "shoulder", "q.hazard", "true", "ward", "Ward 2 - Old Town",
                "channel", "web", "receivedAt", "2026-11-24T10:00");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(good.body()).contains("id=\"result\"", "Roads (roads)", "urgent");

        HttpResponse<String> french = owner.post(path + "?lang=fr", "q.size", "large", "ward", "Ward 99", "channel", "web", "receivedAt", "2026-11-24T10:00");
        assertThat(french.body()).contains("Choisissez un des quartiers de la ville.");

        assertThat(owner.get("/owner/services/no-such-service/preview").statusCode()).isEqualTo(404);
        assertThat(owner.get("/owner/services?lang=en").body()).contains("What is live", "PotholeRepairProcess", "Pothole or road defect");
        assertThat(owner.get("/owner/services?lang=fr").body()).contains("Ce qui est en service", "Nid-de-poule ou défaut de la chaussée");
        HttpResponse<String> anonymous = new FormSession("http://localhost:" + port).get("/owner/services");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(FormSession.location(anonymous)).endsWith("/login");
    }
}
