package org.onestop.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.open311.Open311Client.children;
import static org.onestop.open311.Open311Client.json;
import static org.onestop.open311.Open311Client.text;
import static org.onestop.open311.Open311Client.xml;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.AdditionalReporters;
import org.onestop.cases.CaseEventType;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NearbyCases;
import org.onestop.cases.NewCase;
import org.onestop.cases.ServiceRequest;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.CustomerDetails;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Element;

/**
 * Issue 13, item 3 for apps: a POST near an open request of the same public service names it in
 * {@code extended_attributes.nearby_requests} (and still opens the new request), and with {@code duplicate_policy=existing}
 * adds the reporter to it and answers with its id instead. Private cases, other services, far and closed requests are
 * never named; nothing personal is.
 */
class Open311NearbyRequestsTest extends IntegrationTest {

    private static final Map<String, Object> POTHOLE = Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder");

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;
    @Autowired
    CaseService cases;
    @Autowired
    AdditionalReporters reporters;
    @Autowired
    NearbyCases nearbyCases;

    private Open311Client client;
    private String apiKey;
    /** A spot in Ward 4 - Meadowvale no other test is likely to use: further than the radius from anything else. */
    private double lat;
    private double lon;

    @BeforeEach
    void setUp() {
        client = new Open311Client(port);
        apiKey = apiKeys.issue("Nearby app " + System.nanoTime(), "dev@example.org", "test").secret();
        // A place of its own: a random point with no open pothole or noise complaint near it (the other tests' cases
        // stay open in the shared database, and one near would be found as "already reported").
        do {
            lat = 43.201 + ThreadLocalRandom.current().nextInt(0, 450) * 0.0001;
            lon = -79.849 + ThreadLocalRandom.current().nextInt(0, 900) * 0.0001;
        } while (!nearbyCases.openNear("pothole", lat, lon).isEmpty() || !nearbyCases.openNear("noise-complaint", lat, lon).isEmpty()
                || !nearbyCases.openNear("pothole", lat + 0.001, lon).isEmpty());
    }

    @Test
    void aPostNearAnOpenRequestOfTheSameServiceNamesItAndStillOpensTheNewOne() throws Exception {
        String email = "first-" + System.nanoTime() + "@example.org";
        ServiceRequest pothole = open("pothole", "Right by my front door at number 7", "Pat Privacy", email, lat, lon, POTHOLE);
        ServiceRequest far = open("pothole", "Further down", "Pat Privacy", email, lat + 0.001, lon, POTHOLE);
        ServiceRequest cancelled = open("pothole", "Fixed already", "Pat Privacy", email, lat + 0.0001, lon, POTHOLE);
        cases.cancel(cancelled.getReference(), "sent by mistake", "test");
        ServiceRequest noise = open("noise-complaint", "The neighbours at number 9 party all night", "Nora Neighbour", email,
                lat, lon, Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", true));

        HttpResponse<String> posted = client.post("requests.json", pothole(lat + 0.0002, lon));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        JsonNode answer = json(posted).get(0);
        String id = answer.get("service_request_id").asText();
        assertThat(id).as("a new request all the same").isNotEqualTo(pothole.getReference()).matches("SR-2026-\\d{6}");
        assertThat(answer.get("service_notice").asText()).startsWith("We aim to resolve");
        JsonNode extended = answer.get("extended_attributes");
        assertThat(extended.get("existing_request").asBoolean()).isFalse();
        JsonNode near = extended.get("nearby_requests");
        assertThat(near).as("not the far, the cancelled, the private one, nor itself").hasSize(1);
        JsonNode one = near.get(0);
        assertThat(fields(one)).containsExactly("service_request_id", "status", "detailed_status", "distance_metres",
                "requested_datetime", "expected_datetime");
        assertThat(one.get("service_request_id").asText()).isEqualTo(pothole.getReference());
        assertThat(one.get("status").asText()).isEqualTo("open");
        assertThat(one.get("detailed_status").asText()).isEqualTo(pothole.getStatus().code());
        assertThat(one.get("distance_metres").asLong()).isBetween(20L, 24L);
        assertThat(one.get("requested_datetime").asText()).isEqualTo("2026-11-24T10:00:00-05:00");
        assertThat(posted.body()).doesNotContain("Pat Privacy", "Nora", email, "front door", far.getReference(),
                cancelled.getReference(), noise.getReference());
        assertThat(client.get("requests/" + id + ".json").statusCode()).isEqualTo(200);

        // Another service at the same spot, and a private one with its own kind right there: no extension at all.
        HttpResponse<String> graffiti = client.post("requests.json", with(base("graffiti", lat, lon), "attribute[propertyType]", "city"));
        assertThat(graffiti.statusCode()).as(graffiti.body()).isEqualTo(200);
        assertThat(json(graffiti).get(0).has("extended_attributes")).isFalse();
        HttpResponse<String> noisy = client.post("requests.json",
                with(base("noise-complaint", lat, lon), "attribute[noiseSource]", "construction"));
        assertThat(noisy.statusCode()).as(noisy.body()).isEqualTo(200);
        assertThat(json(noisy).get(0).has("extended_attributes")).isFalse();
        assertThat(noisy.body()).doesNotContain(noise.getReference());

        // Nothing open of the service near: the answer clients always had.
        HttpResponse<String> alone = client.post("requests.json", pothole(lat - 0.002, lon));
        assertThat(fields(json(alone).get(0))).containsExactly("service_request_id", "service_notice", "account_id");
    }

    @Test
    void theXmlAnswerCarriesTheSameExtension() throws Exception {
        ServiceRequest pothole = open("pothole", "Deep", "Xavier Xml", "xml-" + System.nanoTime() + "@example.org", lat, lon, POTHOLE);

        HttpResponse<String> posted = client.post("requests.xml", pothole(lat, lon + 0.0001));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        Element request = children(xml(posted).getDocumentElement(), "request").get(0);
        assertThat(text(request, "service_request_id")).isNotEqualTo(pothole.getReference());
        Element extended = children(request, "extended_attributes").get(0);
        assertThat(text(extended, "existing_request")).isEqualTo("false");
        List<Element> near = children(children(extended, "nearby_requests").get(0), "nearby_request");
        assertThat(near).hasSize(1);
        assertThat(text(near.get(0), "service_request_id")).isEqualTo(pothole.getReference());
        assertThat(text(near.get(0), "status")).isEqualTo("open");
        assertThat(Long.parseLong(text(near.get(0), "distance_metres"))).isBetween(6L, 10L);
        assertThat(posted.body()).doesNotContain("Xavier");

        HttpResponse<String> far = client.post("requests.xml", pothole(lat + 0.002, lon));
        assertThat(children(children(xml(far).getDocumentElement(), "request").get(0), "extended_attributes")).isEmpty();
    }

    @Test
    void anAddressTheRegisterKnowsIsLookedUpAsAPinIs() throws Exception {
        // "180 Mountain Brow Blvd" is at 43.220000, -79.894820 in the register.
        ServiceRequest pothole = open("pothole", "At the curb", "Ann Address", "ann-" + System.nanoTime() + "@example.org",
                43.22001, -79.89482, POTHOLE);
        List<Map.Entry<String, String>> byAddress = new ArrayList<>(without(without(pothole(0, 0), "lat"), "long"));
        byAddress.add(Map.entry("address_string", "180 Mountain Brow Blvd"));
        HttpResponse<String> posted = client.post("requests.json", byAddress);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(json(posted).get(0).get("extended_attributes").get("nearby_requests").findValuesAsText("service_request_id"))
                .contains(pothole.getReference());

        // An address the register does not know has no point: nothing to compare, the answer of old.
        List<Map.Entry<String, String>> unknown = new ArrayList<>(without(without(pothole(0, 0), "lat"), "long"));
        unknown.add(Map.entry("address_string", "Behind the old mill " + System.nanoTime()));
        assertThat(json(client.post("requests.json", unknown)).get(0).has("extended_attributes")).isFalse();
    }

    @Test
    void duplicatePolicyExistingAddsTheReporterToTheNearestOpenRequestInsteadOfOpeningAnother() throws Exception {
        ServiceRequest pothole = open("pothole", "Deep", "First Reporter", "first-" + System.nanoTime() + "@example.org",
                lat, lon, POTHOLE);
        String email = "app-user-" + System.nanoTime() + "@example.org";
        List<Map.Entry<String, String>> form = with(with(with(pothole(lat + 0.0001, lon), "duplicate_policy", "existing"),
                "email", email), "first_name", "Ada");

        HttpResponse<String> posted = client.post("requests.json", form);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        JsonNode answer = json(posted).get(0);
        assertThat(answer.get("service_request_id").asText()).isEqualTo(pothole.getReference());
        assertThat(answer.get("service_notice").asText()).contains("already reported as " + pothole.getReference(), "We aim to resolve");
        assertThat(answer.get("account_id").isNull()).isTrue();
        assertThat(answer.get("extended_attributes").get("existing_request").asBoolean()).isTrue();
        assertThat(answer.get("extended_attributes").get("nearby_requests").get(0).get("service_request_id").asText())
                .isEqualTo(pothole.getReference());
        assertThat(posted.headers().firstValue("Location").orElseThrow()).endsWith("/open311/v2/requests/" + pothole.getReference() + ".json");
        assertThat(posted.body()).doesNotContain("First Reporter", "Ada", email);

        assertThat(nearbyCases.openNear("pothole", lat, lon)).as("no new case").hasSize(1);
        List<AdditionalReporters.Reporter> added = reporters.of(pothole);
        assertThat(added).hasSize(1);
        assertThat(added.get(0).email()).isEqualTo(email);
        assertThat(added.get(0).channel()).isEqualTo("app");
        assertThat(cases.timeline(pothole)).extracting(e -> e.getType()).contains(CaseEventType.REPORTER_ADDED);

        // The same person again: the same answer, and they are not added twice.
        HttpResponse<String> again = client.post("requests.json", form);
        assertThat(json(again).get(0).get("service_request_id").asText()).isEqualTo(pothole.getReference());
        assertThat(reporters.of(pothole)).hasSize(1);

        // Without any contact details the report still counts, as an anonymous caller's.
        HttpResponse<String> anonymous = client.post("requests.xml", with(pothole(lat, lon), "duplicate_policy", "existing"));
        assertThat(text(children(xml(anonymous).getDocumentElement(), "request").get(0), "service_request_id"))
                .isEqualTo(pothole.getReference());
        assertThat(reporters.of(pothole)).hasSize(2);
        assertThat(reporters.of(pothole).get(1).customerId()).isNull();
        assertThat(nearbyCases.openNear("pothole", lat, lon)).hasSize(1);
    }

    @Test
    void duplicatePolicyExistingOpensANewRequestWhenNothingPublicIsOpenNearAndAClientMistakeIsStillA400() throws Exception {
        ServiceRequest noise = open("noise-complaint", "Party at number 9", "Nora Neighbour", "nora-" + System.nanoTime() + "@example.org",
                lat, lon, Map.of("noiseSource", "amplified-music", "ongoing", true, "recurring", true));
        HttpResponse<String> privateNear = client.post("requests.json", with(with(base("noise-complaint", lat, lon),
                "attribute[noiseSource]", "construction"), "duplicate_policy", "existing"));
        assertThat(privateNear.statusCode()).as(privateNear.body()).isEqualTo(200);
        assertThat(json(privateNear).get(0).get("service_request_id").asText()).isNotEqualTo(noise.getReference());
        assertThat(json(privateNear).get(0).has("extended_attributes")).isFalse();
        assertThat(reporters.of(noise)).isEmpty();

        HttpResponse<String> nothingNear = client.post("requests.json", with(pothole(lat, lon), "duplicate_policy", "existing"));
        assertThat(nothingNear.statusCode()).isEqualTo(200);
        assertThat(json(nothingNear).get(0).has("extended_attributes")).isFalse();
        String created = json(nothingNear).get(0).get("service_request_id").asText();
        assertThat(nearbyCases.openNear("pothole", lat, lon)).extracting(n -> n.request().getReference()).containsExactly(created);

        // Now there is one: answers that a new request would refuse are refused here too, and the policy is checked.
        List<Map.Entry<String, String>> badSize = new ArrayList<>(pothole(lat, lon).stream()
                .filter(e -> !e.getKey().equals("attribute[size]")).toList());
        badSize.add(Map.entry("attribute[size]", "enormous"));
        badSize.add(Map.entry("duplicate_policy", "existing"));
        HttpResponse<String> refused = client.post("requests.json", badSize);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(json(refused).get(0).get("description").asText()).contains("attribute[size]");
        HttpResponse<String> unknownPolicy = client.post("requests.xml", with(pothole(lat, lon), "duplicate_policy", "merge"));
        assertThat(unknownPolicy.statusCode()).isEqualTo(400);
        assertThat(unknownPolicy.body()).contains("duplicate_policy must be new or existing");
        assertThat(reporters.of(cases.get(created))).isEmpty();
        assertThat(client.post("requests.json", with(without(pothole(lat, lon), "api_key"), "duplicate_policy", "existing"))
                .statusCode()).isEqualTo(403);
    }

    // ---------------------------------------------------------------- helpers

    private ServiceRequest open(String service, String description, String name, String email, double latitude, double longitude,
                                Map<String, Object> answers) {
        return cases.open(new NewCase(service, Channel.WEB, description, null,
                new CustomerDetails(name, null, email, null, ContactPreference.EMAIL), null, latitude, longitude, null, answers), "test");
    }

    private List<Map.Entry<String, String>> base(String service, double latitude, double longitude) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("api_key", apiKey));
        form.add(Map.entry("service_code", service));
        form.add(Map.entry("lat", String.valueOf(latitude)));
        form.add(Map.entry("long", String.valueOf(longitude)));
        form.add(Map.entry("description", "Reported from an app"));
        return form;
    }

    private List<Map.Entry<String, String>> pothole(double latitude, double longitude) {
        List<Map.Entry<String, String>> form = base("pothole", latitude, longitude);
        form.add(Map.entry("attribute[hazard]", "false"));
        form.add(Map.entry("attribute[size]", "small"));
        form.add(Map.entry("attribute[locationOnRoad]", "shoulder"));
        return form;
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> form, String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(form);
        copy.add(Map.entry(name, value));
        return copy;
    }

    private static List<Map.Entry<String, String>> without(List<Map.Entry<String, String>> form, String name) {
        return form.stream().filter(e -> !e.getKey().equals(name)).toList();
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
