package org.onestop.selfservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Private cases stay private (issue 9, part 4): a noise complaint and a formal complaint opened by the contact centre
 * never appear in anonymous Open311 lists, read by id they show only that they exist, and their status page by
 * reference alone shows only the service, status and expected date; the reporter's own link (from the acknowledgement
 * in the outbox) shows their public timeline, and for a public case (a pothole) also its description.
 */
class PrivateCasesTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern OWN_LINK = Pattern.compile("Follow your request: https?://[^/\\s]+(/status/\\S+)");
    /** A moment no other test opens cases at, so that a date window holds only this test's cases. */
    private static final Instant WINDOW = Instant.parse("2026-11-24T17:23:11Z");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatusLinks links;
    @Autowired
    org.onestop.customers.CustomerService customers;

    private Resident resident;
    private String agent;

    @BeforeEach
    void setUp() {
        resident = new Resident(port);
        agent = user("priv-agent", "contact-centre");
    }

    @Test
    void privateCasesAreAbsentFromOpen311ListsAndShowOnlyTheirStatusByIdWhileAPotholeIsListedInFull() throws Exception {
        ClockUtil.setCurrentTime(Date.from(WINDOW));
        String pothole = open(pothole("pothole-" + System.nanoTime() + "@example.org"));
        ClockUtil.setCurrentTime(Date.from(WINDOW.plusSeconds(1)));
        String noise = open(noise("noise-" + System.nanoTime() + "@example.org"));
        String complaint = open(complaint("complainant-" + System.nanoTime() + "@example.org"));

        String window = "start_date=" + enc(WINDOW.toString()) + "&end_date=" + enc(WINDOW.plusSeconds(2).toString());
        for (String path : List.of("requests.json", "requests.json?" + window, "requests.json?status=open",
                "requests.json?service_request_id=" + noise + "," + complaint + "," + pothole,
                "requests.json?service_code=noise-complaint,complaint,pothole&" + window)) {
            HttpResponse<String> list = open311(path);
            assertThat(list.statusCode()).as(path).isEqualTo(200);
            List<String> ids = json(list).findValuesAsText("service_request_id");
            assertThat(ids).as(path).contains(pothole).doesNotContain(noise, complaint);
            assertThat(list.body()).as(path).doesNotContain("Loud music", "14 Bay St N", "rude at the counter");
        }
        assertThat(json(open311("requests.json?service_code=noise-complaint,complaint&" + window))).isEmpty();
        for (String path : List.of("requests.xml", "requests.xml?" + window, "requests?service_request_id=" + noise + "," + pothole)) {
            HttpResponse<String> list = open311(path);
            List<String> ids = new ArrayList<>();
            for (Element request : children(xml(list).getDocumentElement(), "request")) {
                ids.add(children(request, "service_request_id").get(0).getTextContent());
            }
            assertThat(ids).as(path).contains(pothole).doesNotContain(noise, complaint);
            assertThat(list.body()).as(path).doesNotContain("Loud music", "14 Bay St N");
        }
        // Filtered in the query: the newest case of the window is private, yet the first page of one holds the pothole.
        assertThat(json(open311("requests.json?" + window + "&page_size=1")).findValuesAsText("service_request_id")).containsExactly(pothole);
        assertThat(json(open311("requests.json?" + window + "&page_size=1&page=2"))).isEmpty();

        // By id: a private case shows only that it exists, its service, status and dates.
        for (String id : List.of(noise, complaint)) {
            for (String path : List.of("requests/" + id + ".json", "requests/" + id + ".json?extensions=true")) {
                JsonNode request = json(open311(path)).get(0);
                assertThat(fieldNames(request)).as(path).containsExactlyInAnyOrder("service_request_id", "service_code",
                        "service_name", "status", "requested_datetime", "expected_datetime");
                assertThat(request.get("status").asText()).isEqualTo("open");
            }
            Element xmlRequest = children(xml(open311("requests/" + id + ".xml?extensions=true")).getDocumentElement(), "request").get(0);
            List<String> xmlFields = new ArrayList<>();
            children(xmlRequest, null).forEach(e -> xmlFields.add(e.getTagName()));
            assertThat(xmlFields).containsExactlyInAnyOrder("service_request_id", "service_code", "service_name", "status",
                    "requested_datetime", "expected_datetime");
        }
        JsonNode noiseRequest = json(open311("requests/" + noise + ".json")).get(0);
        assertThat(noiseRequest.get("service_code").asText()).isEqualTo("noise-complaint");
        assertThat(noiseRequest.get("service_name").asText()).isEqualTo("Noise complaint");
        assertThat(noiseRequest.get("requested_datetime").asText()).isEqualTo("2026-11-24T12:23:12-05:00");
        assertThat(noiseRequest.get("expected_datetime").asText()).matches("2026-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-05:00");

        // A public case is read as before: description, address and coordinates.
        JsonNode potholeRequest = json(open311("requests/" + pothole + ".json?extensions=true")).get(0);
        assertThat(potholeRequest.get("description").asText()).isEqualTo("Deep hole in front of the library");
        assertThat(potholeRequest.get("address").asText()).isEqualTo("120 King St E, Lakeport");
        assertThat(potholeRequest.get("lat").asDouble()).isEqualTo(43.2561);
        assertThat(potholeRequest.has("extended_attributes")).isTrue();
    }

    @Test
    void theReferenceAloneShowsOnlyServiceStatusAndExpectedDateAndTheReportersOwnLinkTheirPublicTimeline() throws Exception {
        String noiseEmail = "nora-" + System.nanoTime() + "@example.org";
        String complaintEmail = "complainant-" + System.nanoTime() + "@example.org";
        String potholeEmail = "pat-" + System.nanoTime() + "@example.org";
        String noise = open(noise(noiseEmail));
        String complaint = open(complaint(complaintEmail));
        String pothole = open(pothole(potholeEmail));
        postJson(as(agent), "/api/cases/" + noise + "/notes", Map.of("text", "An officer will visit on Saturday night", "visibility", "public"));
        postJson(as(agent), "/api/cases/" + noise + "/notes", Map.of("text", "Internal: the neighbour at number 16 has complained before", "visibility", "internal"));

        for (String reference : List.of(noise, complaint, pothole)) {
            String wrongKey = links.key(reference.equals(noise) ? pothole : noise);
            for (String path : List.of("/status/" + reference, "/status/" + reference + "?key=" + wrongKey,
                    "/status/" + reference.toLowerCase() + "?key=", "/status/" + reference + "?key=" + links.key(reference).toLowerCase())) {
                HttpResponse<String> page = resident.get(path);
                assertThat(page.statusCode()).as(path).isEqualTo(200);
                assertThat(page.body()).as(path).contains(reference, "id=\"status\"", "Expected by", "id=\"limited\"")
                        .doesNotContain("Loud music", "backyard party", "14 Bay St N", "rude at the counter", "Deep hole",
                                "120 King St E", "Request received by phone", "What has happened", "An officer will visit",
                                "number 16", "Nora", "Pat Pothole", "Reported on", "Ward");
            }
        }
        assertThat(resident.get("/status/" + noise).body()).contains("Noise complaint");
        assertThat(resident.get("/status/" + complaint).body()).contains("Complaint about a city service");

        // The reporter's own link, from the acknowledgement in the outbox.
        String noiseLink = ownLink(noise, noiseEmail);
        assertThat(noiseLink).isEqualTo(links.path(noise));
        HttpResponse<String> noisePage = resident.get(noiseLink);
        assertThat(noisePage.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(noisePage.body()).contains("Noise complaint", "What has happened", "Request received by phone",
                        "An officer will visit on Saturday night", "id=\"expected\"", "id=\"private-note\"")
                .doesNotContain("Loud music", "backyard party", "14 Bay St N", "number 16", "Nora", noiseEmail, "id=\"limited\"", "Ward");

        String complaintPage = resident.get(ownLink(complaint, complaintEmail)).body();
        assertThat(complaintPage).contains("What has happened", "Request received by phone", "id=\"private-note\"")
                .doesNotContain("rude at the counter", "Carla Complainant", complaintEmail);

        String potholePage = resident.get(ownLink(pothole, potholeEmail)).body();
        assertThat(potholePage).contains("What has happened", "Request received by phone", "Deep hole in front of the library",
                "120 King St E, Lakeport").doesNotContain("Pat Pothole", potholeEmail, "id=\"private-note\"", "id=\"limited\"");
    }

    @Test
    void aNoiseComplaintReportedOnlineWithAPhotoShowsNeitherItsPhotoNorItsWordsEvenOnTheOwnLink() throws Exception {
        List<Resident.Part> parts = List.of(Resident.Part.field("q.noiseSource", "amplified-music"),
                Resident.Part.field("q.ongoing", "true"), Resident.Part.field("address", "14 Bay St N, Lakeport"),
                Resident.Part.field("description", "Loud music from a backyard party"),
                Resident.Part.file("photo", "party.png", "image/png", TestImages.png(40, 30)));
        HttpResponse<String> sent = resident.postMultipart("/report/noise-complaint", "/report/noise-complaint", parts);
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(302);
        String location = sent.headers().firstValue("Location").orElseThrow();
        String reference = ReportPageTest.referenceIn(location);
        long photoId = jdbc.queryForObject("SELECT p.id FROM case_photo p JOIN service_request r ON r.id = p.case_id WHERE r.reference = ?",
                Long.class, reference);

        String receipt = resident.get(location.replaceAll("^https?://[^/]+", "")).body();
        String own = receipt.replaceAll("(?s).*id=\"status-link\" href=\"([^\"]+)\".*", "$1");
        assertThat(own).isEqualTo(links.path(reference));
        String page = resident.get(own).body();
        assertThat(page).contains("Request received by web", "id=\"private-note\"")
                .doesNotContain("Loud music", "14 Bay St N", "<img", "/photos/");
        for (String key : List.of(links.key(reference), "")) {
            assertThat(resident.getBytes("/status/" + reference + "/photos/" + photoId + "?key=" + key).statusCode()).isEqualTo(404);
        }
        assertThat(json(open311("requests.json?service_request_id=" + reference))).isEmpty();
    }

    @Test
    void theSecretIsCreatedOnceAndTwoNodesStartingTogetherAgreeOnIt() throws Exception {
        String original = jdbc.queryForObject("SELECT secret FROM status_link_secret WHERE id = 1", String.class);
        java.sql.Timestamp created = jdbc.queryForObject("SELECT created_at FROM status_link_secret WHERE id = 1", java.sql.Timestamp.class);
        assertThat(original).matches("[A-Za-z0-9_-]{43}");
        assertThat(StatusLinkSecret.loadOrCreate(jdbc, java.time.Clock.systemUTC()))
                .isEqualTo(java.util.Base64.getUrlDecoder().decode(original));
        jdbc.update("DELETE FROM status_link_secret");
        try {
            java.util.concurrent.ExecutorService nodes = java.util.concurrent.Executors.newFixedThreadPool(2);
            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            List<java.util.concurrent.Future<byte[]>> secrets = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                secrets.add(nodes.submit(() -> {
                    together.await();
                    return StatusLinkSecret.loadOrCreate(jdbc, java.time.Clock.systemUTC());
                }));
            }
            byte[] first = secrets.get(0).get();
            assertThat(secrets.get(1).get()).isEqualTo(first);
            nodes.shutdown();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM status_link_secret", Integer.class)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT secret FROM status_link_secret", String.class))
                    .isEqualTo(java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(first)).isNotEqualTo(original);
        } finally {
            // The running application keeps the secret it started with: put it back for the other tests.
            jdbc.update("DELETE FROM status_link_secret");
            jdbc.update("INSERT INTO status_link_secret (id, secret, created_at) VALUES (1, ?, ?)", original, created);
        }
    }

    // ---------------------------------------------------------------- helpers

    @Test
    void aNoiseComplaintAndAFormalComplaintOpenedAtTheConsoleStayPrivate() throws Exception {
        String noiseEmail = "console-noise-" + System.nanoTime() + "@example.org";
        String complaintEmail = "console-complaint-" + System.nanoTime() + "@example.org";
        long nora = customers.create(new org.onestop.customers.CustomerDetails("Nora Console", null, noiseEmail, null,
                org.onestop.customers.ContactPreference.EMAIL)).getId();
        long carla = customers.create(new org.onestop.customers.CustomerDetails("Carla Console", null, complaintEmail, null,
                org.onestop.customers.ContactPreference.EMAIL)).getId();
        org.onestop.testing.FormSession console = org.onestop.testing.FormSession.loggedIn(http.getRootUri(), agent, PASSWORD);
        String noise = consoleCase(console.post("/console/cases/new", "service", "noise-complaint", "channel", "phone",
                "customer", String.valueOf(nora), "description", "Console: drumming next door every night",
                "address", "14 Bay St N", "q.noiseSource", "amplified-music", "q.ongoing", "true", "q.recurring", "true",
                "decision", "new"));
        String complaint = consoleCase(console.post("/console/cases/new", "service", "complaint", "channel", "phone",
                "customer", String.valueOf(carla), "description", "Console: the inspector shouted at me",
                "q.aboutDepartment", "customer-service", "q.whatHappened", "The inspector shouted at me", "decision", "new"));

        assertThat(json(open311("requests.json?service_request_id=" + noise + "," + complaint))).isEmpty();
        for (String reference : List.of(noise, complaint)) {
            assertThat(resident.get("/status/" + reference).body()).doesNotContain("Console:", "drumming", "shouted",
                    "14 Bay St N", "Request received by phone", "Nora", "Carla");
        }
        assertThat(resident.get(ownLink(noise, noiseEmail)).body()).contains("Noise complaint", "Request received by phone")
                .doesNotContain("drumming", "14 Bay St N", "Nora");
        assertThat(resident.get(ownLink(complaint, complaintEmail)).body()).contains("Request received by phone")
                .doesNotContain("shouted", "Carla");
    }

    private static String consoleCase(HttpResponse<String> saved) {
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        return org.onestop.testing.FormSession.location(saved).replaceAll("^/console/cases/([^/]+)/confirmation.*$", "$1");
    }

    private Map<String, Object> pothole(String email) {
        return request("pothole", "Deep hole in front of the library", "120 King St E, Lakeport",
                Map.of("name", "Pat Pothole", "email", email),
                Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
    }

    private Map<String, Object> noise(String email) {
        return request("noise-complaint", "Loud music from a backyard party every Saturday until 3 a.m.", "14 Bay St N, Lakeport",
                Map.of("name", "Nora Neighbour", "email", email),
                Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", true));
    }

    private Map<String, Object> complaint(String email) {
        return request("complaint", "The clerk was rude at the counter on Monday", null,
                Map.of("name", "Carla Complainant", "email", email),
                Map.of("aboutDepartment", "customer-service", "whatHappened", "The clerk was rude at the counter"));
    }

    private static Map<String, Object> request(String service, String description, String address, Map<String, Object> customer,
                                               Map<String, Object> answers) {
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", service);
        request.put("channel", "phone");
        request.put("description", description);
        if (address != null) {
            request.put("address", address);
            request.put("latitude", 43.2561);
            request.put("longitude", -79.869);
        }
        request.put("customer", customer);
        request.put("answers", answers);
        return request;
    }

    private String open(Map<String, Object> request) {
        var response = postJson(as(agent), "/api/cases", request);
        assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
        return (String) response.getBody().get("reference");
    }

    /** The status link in the acknowledgement ("received") notice the outbox holds for the reporter. */
    private String ownLink(String reference, String email) {
        String body = jdbc.queryForObject("SELECT n.body FROM notification n JOIN service_request r ON r.id = n.case_id "
                + "WHERE r.reference = ? AND n.recipient = ? AND n.dedupe_key = 'received:0'", String.class, reference, email);
        Matcher m = OWN_LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    private HttpResponse<String> open311(String path) throws Exception {
        return resident.get("/open311/v2/" + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    private static org.w3c.dom.Document xml(HttpResponse<String> response) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(response.body().getBytes(StandardCharsets.UTF_8)));
    }

    /** Child elements, all of them when name is null. */
    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                found.add(e);
            }
        }
        return found;
    }
}
