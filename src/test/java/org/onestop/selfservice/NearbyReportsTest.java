package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.AdditionalReporters;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NewCase;
import org.onestop.cases.ServiceRequest;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Nearby reports on /report (issue 13, item 3), over HTTP as a browser without JavaScript and as the map's script ask:
 * only open cases of public services, only what the status page shows by reference, and "Add me to it" that says the
 * same thing whoever's e-mail address it is given.
 */
class NearbyReportsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    CaseService cases;
    @Autowired
    CustomerService customers;
    @Autowired
    AdditionalReporters reporters;

    private Resident resident;
    /** A spot in Ward 4 - Meadowvale no other test uses: further than the radius from anything else. */
    private double lat;
    private double lon;

    @BeforeEach
    void setUp() {
        resident = new Resident(port);
        lat = 43.201 + ThreadLocalRandom.current().nextInt(0, 450) * 0.0001;
        lon = -79.849 + ThreadLocalRandom.current().nextInt(0, 900) * 0.0001;
    }

    @Test
    void addressSuggestionsComeFromTheRegisterWithTheirPointAndNothingElse() throws Exception {
        JsonNode found = json(resident.get("/report/addresses?q=40+king+street"));
        assertThat(found.size()).isBetween(1, NearbyPages.MAX_SUGGESTIONS);
        assertThat(found.get(0).get("address").asText()).isEqualTo("40 King St E, Lakeport");
        assertThat(found.get(0).get("latitude").asDouble()).isEqualTo(43.2561);
        assertThat(found.get(0).get("longitude").asDouble()).isEqualTo(-79.87196);
        List<String> fields = iterate(found.get(0).fieldNames());
        assertThat(fields).containsExactlyInAnyOrder("address", "latitude", "longitude");
        assertThat(json(resident.get("/report/addresses?q=k"))).isEmpty();
        assertThat(json(resident.get("/report/addresses?q=" + "x".repeat(400)))).isEmpty();
        assertThat(json(resident.get("/report/addresses"))).isEmpty();

        JsonNode layers = json(resident.get("/report/map/layers"));
        assertThat(layers.get("wards").size()).isEqualTo(4);
        assertThat(layers.get("wards").get(0).get("name").asText()).isEqualTo("Ward 1 - Harbourfront");
        assertThat(layers.get("wards").get(0).get("rings").get(0).get(0).get(0).asDouble()).isEqualTo(43.25); // latitude first
        assertThat(layers.get("addresses").size()).isGreaterThan(500);
    }

    @Test
    void onlyOpenPublicReportsNearThePinAreListedWithWhatTheStatusPageShows() throws Exception {
        String email = "near-" + System.nanoTime() + "@example.org";
        ServiceRequest pothole = open("pothole", "Right by my front door at number 7", "Pat Privacy", email, lat, lon,
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        ServiceRequest noise = open("noise-complaint", "The neighbours at number 9 party all night", "Nora Neighbour", email,
                lat, lon, Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", true));
        ServiceRequest cancelled = open("pothole", "Fixed already", "Pat Privacy", email, lat + 0.0001, lon,
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        cases.cancel(cancelled.getReference(), "sent by mistake", "test");

        HttpResponse<String> answer = resident.get("/report/pothole/nearby?latitude=" + (lat + 0.0002) + "&longitude=" + lon);
        assertThat(answer.statusCode()).isEqualTo(200);
        JsonNode near = json(answer);
        assertThat(near.get("ward").asText()).isEqualTo("Ward 4 - Meadowvale");
        assertThat(near.get("inCity").asBoolean()).isTrue();
        assertThat(near.get("radiusMetres").asLong()).isEqualTo(50);
        assertThat(near.get("reports")).hasSize(1);
        JsonNode report = near.get("reports").get(0);
        assertThat(report.get("reference").asText()).isEqualTo(pothole.getReference());
        assertThat(report.get("service").asText()).isEqualTo("Pothole or road defect");
        assertThat(report.get("status").asText()).isEqualTo("Received");
        assertThat(report.get("metres").asLong()).isBetween(20L, 24L);
        assertThat(report.get("reportedOn").asText()).isEqualTo("Tuesday 24 November 2026");
        assertThat(report.get("statusPath").asText()).isEqualTo("/status/" + pothole.getReference());
        assertThat(iterate(report.fieldNames()))
                .containsExactlyInAnyOrder("reference", "service", "status", "metres", "reportedOn", "statusPath");
        assertThat(answer.body()).doesNotContain("Pat Privacy", email, "front door", noise.getReference(), cancelled.getReference());

        // A private service lists nothing, not even its own kind: a noise complaint never shows the neighbours'.
        HttpResponse<String> privateKind = resident.get("/report/noise-complaint/nearby?latitude=" + lat + "&longitude=" + lon);
        assertThat(json(privateKind).get("reports")).isEmpty();
        assertThat(privateKind.body()).doesNotContain(noise.getReference(), "Nora", "party");

        // Outside the city, and nonsense: nothing, and no error page.
        JsonNode outside = json(resident.get("/report/pothole/nearby?latitude=45.0&longitude=-75.0"));
        assertThat(outside.get("inCity").asBoolean()).isFalse();
        assertThat(outside.hasNonNull("ward")).isFalse();
        assertThat(resident.get("/report/pothole/nearby?latitude=abc&longitude=1").statusCode()).isEqualTo(400);
        assertThat(resident.get("/report/pothole/nearby?latitude=91&longitude=1").statusCode()).isEqualTo(400);
        assertThat(resident.get("/report/pothole/nearby").statusCode()).isEqualTo(400);
        assertThat(resident.get("/report/councillor-inquiry/nearby?latitude=" + lat + "&longitude=" + lon).statusCode()).isEqualTo(404);

        // Without JavaScript: the form with the point in it lists the same report, with "Add me to it".
        String page = resident.get("/report/pothole?latitude=" + lat + "&longitude=" + lon).body();
        assertThat(page).contains("Already reported near here", "href=\"/status/" + pothole.getReference() + "\"",
                "href=\"/report/pothole/follow/" + pothole.getReference() + "\"", "Add me to it")
                .doesNotContain("Pat Privacy", email, "front door", noise.getReference(), cancelled.getReference());
        // and by an address of the register (far from this spot): the address is kept for the form.
        String byAddress = resident.get("/report/pothole?address=40+King+St+E").body();
        assertThat(byAddress).contains("value=\"40 King St E\"", "id=\"nearby-list\"").doesNotContain(pothole.getReference());
        assertThat(resident.get("/report/pothole").body()).contains("id=\"nearby\" class=\"nearby\" aria-live=\"polite\" hidden=\"hidden\"");
    }

    @Test
    void addMeToItAnswersTheSameForANewAKnownAndAnAlreadyFollowingAddress() throws Exception {
        String reporterEmail = "first-" + System.nanoTime() + "@example.org";
        ServiceRequest pothole = open("pothole", "Deep", "First Reporter", reporterEmail, lat, lon,
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        String ref = pothole.getReference();
        String form = "/report/pothole/follow/" + ref;
        String formPage = resident.get(form).body();
        assertThat(formPage).contains("Add me to " + ref, "name=\"consent\"").doesNotContain("First Reporter", reporterEmail, "Deep");

        // Mistakes: said beside their fields, nothing recorded.
        HttpResponse<String> wrong = resident.postForm(form, form, Map.of("name", "", "email", "not-an-address"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("id=\"name-error\"", "id=\"email-error\"", "id=\"consent-error\"", "value=\"not-an-address\"");
        assertThat(reporters.customerIds(pothole.getId())).isEmpty();

        // A new address: a new customer who wants e-mail, added to the case.
        String newEmail = "New.Follower-" + System.nanoTime() + "@Example.org";
        HttpResponse<String> added = follow(form, "Nell Newcomer", newEmail);
        List<Long> following = reporters.customerIds(pothole.getId());
        assertThat(following).hasSize(1);
        var newcomer = customers.find(following.get(0)).orElseThrow();
        assertThat(newcomer.getEmail()).isEqualTo(newEmail.toLowerCase(Locale.ROOT));
        assertThat(newcomer.getPreferredChannel()).isEqualTo(ContactPreference.EMAIL);

        // The same address again, the reporter's own, and another customer's: the same answer every time.
        HttpResponse<String> again = follow(form, "Nell Newcomer", newEmail);
        HttpResponse<String> own = follow(form, "First Reporter", reporterEmail);
        String knownEmail = "known-" + System.nanoTime() + "@example.org";
        customers.create(new CustomerDetails("Kim Known", "905-555-0199", knownEmail, null, ContactPreference.PHONE));
        HttpResponse<String> known = follow(form, "Somebody Else", knownEmail);
        for (HttpResponse<String> answer : List.of(added, again, own, known)) {
            assertThat(answer.statusCode()).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith(form + "?sent");
        }
        assertThat(reporters.customerIds(pothole.getId())).hasSize(2);
        String thanks = resident.get(form + "?sent").body();
        assertThat(thanks).contains("id=\"follow-sent\"", "If we can reach the e-mail address you gave").doesNotContain("Kim Known", knownEmail);

        // Only open public cases can be followed; the rest is "not found", as an unknown reference is.
        ServiceRequest noise = open("noise-complaint", "Party", "Nora Neighbour", reporterEmail, lat, lon,
                Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", true));
        assertThat(resident.get("/report/noise-complaint/follow/" + noise.getReference()).statusCode()).isEqualTo(404);
        assertThat(resident.get("/report/pothole/follow/" + noise.getReference()).statusCode()).isEqualTo(404);
        assertThat(resident.get("/report/pothole/follow/SR-2026-999999999").statusCode()).isEqualTo(404);
        assertThat(resident.get("/report/pothole/follow/nonsense").statusCode()).isEqualTo(404);
        cases.cancel(ref, "duplicate", "test");
        assertThat(resident.get(form).statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> follow(String form, String name, String email) throws Exception {
        return resident.postForm(form, form, Map.of("name", name, "email", email, "consent", "true"));
    }

    private ServiceRequest open(String service, String description, String name, String email, double latitude, double longitude,
                                Map<String, Object> answers) {
        return cases.open(new NewCase(service, Channel.WEB, description, null,
                new CustomerDetails(name, null, email, null, ContactPreference.EMAIL), null, latitude, longitude, null, answers), "test");
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(response.body());
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }
}
