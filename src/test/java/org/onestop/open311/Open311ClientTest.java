package org.onestop.open311;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.open311.Open311Client.children;
import static org.onestop.open311.Open311Client.json;
import static org.onestop.open311.Open311Client.text;
import static org.onestop.open311.Open311Client.xml;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * An Open311 GeoReport v2 client written against the specification (wiki.open311.org/GeoReport_v2): plain HTTP,
 * form-encoded POSTs, JSON read with Jackson and XML with the JDK's DOM.
 */
class Open311ClientTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApiKeyService apiKeys;

    private Open311Client client;
    private String apiKey;

    @BeforeEach
    void client() {
        client = new Open311Client(port);
        apiKey = apiKeys.issue("Test app " + System.nanoTime(), "dev@example.org", "test").secret();
    }

    private List<Map.Entry<String, String>> pothole(String description) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("api_key", apiKey));
        form.add(Map.entry("jurisdiction_id", "lakeport.example"));
        form.add(Map.entry("service_code", "pothole"));
        form.add(Map.entry("lat", "43.2561"));
        form.add(Map.entry("long", "-79.869"));
        form.add(Map.entry("address_string", "120 King St E"));
        form.add(Map.entry("description", description));
        form.add(Map.entry("attribute[hazard]", "true"));
        form.add(Map.entry("attribute[size]", "large"));
        form.add(Map.entry("attribute[locationOnRoad]", "driving-lane"));
        return form;
    }

    private static List<Map.Entry<String, String>> without(List<Map.Entry<String, String>> form, String... names) {
        Set<String> drop = Set.of(names);
        return form.stream().filter(e -> !drop.contains(e.getKey())).toList();
    }

    private static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> form, String name, String value) {
        List<Map.Entry<String, String>> copy = new ArrayList<>(form);
        copy.add(Map.entry(name, value));
        return copy;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private String postJson(List<Map.Entry<String, String>> form) throws Exception {
        HttpResponse<String> response = client.post("requests.json", form);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode created = json(response);
        assertThat(created.isArray()).isTrue();
        assertThat(created).hasSize(1);
        return created.get(0).get("service_request_id").asText();
    }

    // ---------------------------------------------------------------- discovery and services

    @Test
    void discoveryNamesTheEndpointItsSpecificationAndFormats() throws Exception {
        JsonNode discovery = json(client.get("discovery.json"));
        JsonNode endpoint = discovery.get("endpoints").get(0);
        assertThat(endpoint.get("specification").asText()).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(endpoint.get("url").asText()).endsWith("/open311/v2");
        assertThat(endpoint.get("formats").toString()).contains("text/xml", "application/json");
        assertThat(discovery.get("changeset").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[-+]\\d\\d:\\d\\d");

        HttpResponse<String> xmlResponse = client.get("discovery.xml");
        assertThat(xmlResponse.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        assertThat(xmlResponse.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        Element root = xml(xmlResponse).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("discovery");
        Element xmlEndpoint = children(children(root, "endpoints").get(0), "endpoint").get(0);
        assertThat(text(xmlEndpoint, "specification")).isEqualTo("http://wiki.open311.org/GeoReport_v2");
        assertThat(children(children(xmlEndpoint, "formats").get(0), "format")).extracting(Element::getTextContent)
                .containsExactly("text/xml", "application/json");
    }

    @Test
    void listsThePublicServicesAndReadsEachDefinitionInBothFormats() throws Exception {
        HttpResponse<String> jsonResponse = client.get("services.json");
        assertThat(jsonResponse.statusCode()).isEqualTo(200);
        assertThat(jsonResponse.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode services = json(jsonResponse);
        Document servicesXml = xml(client.get("services.xml"));
        List<Element> xmlServices = children(servicesXml.getDocumentElement(), "service");
        assertThat(servicesXml.getDocumentElement().getTagName()).isEqualTo("services");
        assertThat(xmlServices).hasSize(services.size());

        Set<String> codes = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            JsonNode service = services.get(i);
            Element xmlService = xmlServices.get(i);
            String code = service.get("service_code").asText();
            codes.add(code);
            assertThat(text(xmlService, "service_code")).isEqualTo(code);
            assertThat(text(xmlService, "service_name")).isEqualTo(service.get("service_name").asText()).isNotBlank();
            assertThat(service.get("type").asText()).isEqualTo("realtime");
            assertThat(text(xmlService, "metadata")).isEqualTo(service.get("metadata").asText());
            assertThat(service.has("keywords")).isTrue();
            assertThat(service.has("group")).isTrue();

            JsonNode definition = json(client.get("services/" + code + ".json"));
            Element xmlDefinition = xml(client.get("services/" + code + ".xml")).getDocumentElement();
            assertThat(definition.get("service_code").asText()).isEqualTo(code);
            assertThat(xmlDefinition.getTagName()).isEqualTo("service_definition");
            assertThat(text(xmlDefinition, "service_code")).isEqualTo(code);
            List<Element> xmlAttributes = children(children(xmlDefinition, "attributes").get(0), "attribute");
            assertThat(xmlAttributes).hasSize(definition.get("attributes").size());
            assertThat(service.get("metadata").asBoolean()).isEqualTo(!definition.get("attributes").isEmpty());
            for (int a = 0; a < xmlAttributes.size(); a++) {
                JsonNode attribute = definition.get("attributes").get(a);
                assertThat(attribute.get("variable").asBoolean()).isTrue();
                assertThat(attribute.get("datatype").asText())
                        .isIn("string", "number", "datetime", "text", "singlevaluelist", "multivaluelist");
                assertThat(attribute.get("order").asInt()).isEqualTo(a + 1);
                assertThat(attribute.get("description").asText()).isNotBlank();
                assertThat(text(xmlAttributes.get(a), "code")).isEqualTo(attribute.get("code").asText());
                assertThat(text(xmlAttributes.get(a), "datatype")).isEqualTo(attribute.get("datatype").asText());
                assertThat(text(xmlAttributes.get(a), "required")).isEqualTo(attribute.get("required").asText());
                if (attribute.get("datatype").asText().endsWith("valuelist")) {
                    assertThat(attribute.get("values")).isNotEmpty();
                    assertThat(children(children(xmlAttributes.get(a), "values").get(0), "value")).hasSize(attribute.get("values").size());
                }
            }
        }
        assertThat(codes).contains("pothole", "missed-collection", "graffiti").doesNotContain("councillor-inquiry");

        JsonNode pothole = json(client.get("services/pothole.json")).get("attributes");
        JsonNode size = null;
        for (JsonNode attribute : pothole) {
            if (attribute.get("code").asText().equals("size")) {
                size = attribute;
            }
        }
        assertThat(size).isNotNull();
        assertThat(size.get("datatype").asText()).isEqualTo("singlevaluelist");
        assertThat(size.get("required").asBoolean()).isTrue();
        assertThat(size.get("values").findValuesAsText("key")).containsExactly("small", "medium", "large");
        assertThat(size.get("values").get(0).get("name").asText()).isEqualTo("Smaller than a dinner plate");
    }

    @Test
    void aStaffOnlyOrUnknownServiceIsNotFound() throws Exception {
        HttpResponse<String> unknown = client.get("services/no-such-service.json");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get(0).get("code").asInt()).isEqualTo(404);
        HttpResponse<String> staffOnly = client.get("services/councillor-inquiry.xml");
        assertThat(staffOnly.statusCode()).isEqualTo(404);
        Element error = children(xml(staffOnly).getDocumentElement(), "error").get(0);
        assertThat(text(error, "code")).isEqualTo("404");
        assertThat(client.get("no-such-thing.json").statusCode()).isEqualTo(404);
        assertThat(json(client.get("no-such-thing.json")).get(0).get("code").asInt()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- POST and GET requests

    @Test
    void postsARequestAndReadsItBackByIdAndInADateFilteredListAsJson() throws Exception {
        List<Map.Entry<String, String>> form = pothole("Deep pothole in the curb lane");
        form.add(Map.entry("email", "jane.open311@example.org"));
        form.add(Map.entry("first_name", "Janet"));
        form.add(Map.entry("last_name", "Quintessence"));
        form.add(Map.entry("phone", "905-555-0177"));
        form.add(Map.entry("device_id", "device-8c1f2e"));
        form.add(Map.entry("account_id", "acct-991"));
        form.add(Map.entry("media_url", "https://photos.example.org/pothole/1.jpg"));
        HttpResponse<String> posted = client.post("requests.json", form);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        JsonNode created = json(posted).get(0);
        String id = created.get("service_request_id").asText();
        assertThat(id).matches("SR-2026-\\d{6}");
        assertThat(created.get("account_id").asText()).isEqualTo("acct-991");
        assertThat(created.get("service_notice").asText()).isNotBlank();

        HttpResponse<String> read = client.get("requests/" + id + ".json");
        assertThat(read.statusCode()).isEqualTo(200);
        JsonNode request = json(read).get(0);
        assertThat(request.get("service_request_id").asText()).isEqualTo(id);
        assertThat(request.get("status").asText()).isEqualTo("open");
        assertThat(request.get("service_code").asText()).isEqualTo("pothole");
        assertThat(request.get("service_name").asText()).isNotBlank();
        assertThat(request.get("description").asText()).isEqualTo("Deep pothole in the curb lane");
        assertThat(request.get("agency_responsible").asText()).isEqualTo("Roads");
        assertThat(request.get("address").asText()).isEqualTo("120 King St E");
        assertThat(request.get("lat").asDouble()).isEqualTo(43.2561);
        assertThat(request.get("long").asDouble()).isEqualTo(-79.869);
        assertThat(request.get("media_url").asText()).isEqualTo("https://photos.example.org/pothole/1.jpg");
        assertThat(request.get("requested_datetime").asText()).isEqualTo("2026-11-24T10:00:00-05:00");
        assertThat(request.get("updated_datetime").asText()).isEqualTo("2026-11-24T10:00:00-05:00");
        assertThat(request.get("expected_datetime").asText()).matches("2026-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d-05:00");
        assertThat(request.get("status_notes").isNull() || !request.get("status_notes").asText().isBlank()).isTrue();
        for (String field : List.of("service_notice", "address_id", "zipcode")) {
            assertThat(request.has(field)).as(field).isTrue();
        }
        assertThat(request.has("extended_attributes")).isFalse();

        // The requester's name, e-mail, phone and device never leave through the public API.
        String list = client.get("requests.json?service_request_id=" + id).body();
        for (String body : List.of(read.body(), list, client.get("requests/" + id + ".xml").body())) {
            assertThat(body).doesNotContain("jane.open311", "Janet", "Quintessence", "555-0177", "5550177", "device-8c1f2e");
        }

        HttpResponse<String> inRange = client.get("requests.json?service_code=pothole&start_date="
                + enc("2026-11-24T09:59:00-05:00") + "&end_date=" + enc("2026-11-24T15:00:00Z"));
        assertThat(inRange.statusCode()).as(inRange.body()).isEqualTo(200);
        assertThat(json(inRange).findValuesAsText("service_request_id")).contains(id);
        assertThat(json(inRange).findValuesAsText("service_code")).containsOnly("pothole");
        HttpResponse<String> before = client.get("requests.json?start_date=" + enc("2026-11-01T00:00:00-05:00")
                + "&end_date=" + enc("2026-11-24T09:59:59-05:00"));
        assertThat(json(before).findValuesAsText("service_request_id")).doesNotContain(id);
        assertThat(json(client.get("requests.json")).findValuesAsText("service_request_id")).as("the last 90 days by default").contains(id);
        assertThat(json(client.get("requests.json?status=closed")).findValuesAsText("service_request_id")).doesNotContain(id);
        assertThat(json(client.get("requests.json?status=open&service_code=pothole,graffiti")).findValuesAsText("service_request_id")).contains(id);
        assertThat(json(client.get("requests.json?service_code=graffiti")).findValuesAsText("service_request_id")).doesNotContain(id);
    }

    @Test
    void postsARequestAndReadsItBackAsXml() throws Exception {
        HttpResponse<String> posted = client.post("requests.xml", pothole("Pothole by the bus stop"));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(posted.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/xml");
        Element root = xml(posted).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("service_requests");
        String id = text(children(root, "request").get(0), "service_request_id");

        Element request = children(xml(client.get("requests/" + id + ".xml")).getDocumentElement(), "request").get(0);
        assertThat(text(request, "service_request_id")).isEqualTo(id);
        assertThat(text(request, "status")).isEqualTo("open");
        assertThat(text(request, "service_code")).isEqualTo("pothole");
        assertThat(text(request, "description")).isEqualTo("Pothole by the bus stop");
        assertThat(text(request, "agency_responsible")).isEqualTo("Roads");
        assertThat(text(request, "requested_datetime")).isEqualTo("2026-11-24T10:00:00-05:00");
        assertThat(Double.parseDouble(text(request, "lat"))).isEqualTo(43.2561);
        assertThat(Double.parseDouble(text(request, "long"))).isEqualTo(-79.869);
        assertThat(text(request, "media_url")).isEmpty();

        Document list = xml(client.get("requests.xml?start_date=" + enc("2026-11-24T14:59:00Z") + "&end_date=" + enc("2026-11-24T15:01:00Z")));
        assertThat(children(list.getDocumentElement(), "request")).extracting(r -> text(r, "service_request_id")).contains(id);
        // Without an extension the answer is XML, the format the specification requires.
        assertThat(xml(client.get("requests/" + id)).getDocumentElement().getTagName()).isEqualTo("service_requests");
    }

    @Test
    void aMultiValueAttributeIsSentAsRepeatedParameters() throws Exception {
        // Pothole's "size" is a single value list: sending it as a list is the client's mistake, named in the 400.
        List<Map.Entry<String, String>> form = without(pothole("Two sizes"), "attribute[size]");
        form = with(with(form, "attribute[size][]", "small"), "attribute[size][]", "large");
        HttpResponse<String> response = client.post("requests.json", form);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get(0).get("description").asText()).contains("attribute[size]");
    }

    // ---------------------------------------------------------------- errors

    @Test
    void missingApiKeyIs403InTheSpecificationsErrorFormat() throws Exception {
        HttpResponse<String> jsonResponse = client.post("requests.json", without(pothole("No key"), "api_key"));
        assertThat(jsonResponse.statusCode()).isEqualTo(403);
        JsonNode errors = json(jsonResponse);
        assertThat(errors.isArray()).isTrue();
        assertThat(errors.get(0).get("code").asInt()).isEqualTo(403);
        assertThat(errors.get(0).get("description").asText()).contains("api_key");

        HttpResponse<String> xmlResponse = client.post("requests.xml", without(pothole("No key"), "api_key"));
        assertThat(xmlResponse.statusCode()).isEqualTo(403);
        Element root = xml(xmlResponse).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("errors");
        Element error = children(root, "error").get(0);
        assertThat(text(error, "code")).isEqualTo("403");
        assertThat(text(error, "description")).contains("api_key");

        assertThat(client.post("requests.json", with(without(pothole("Bad key"), "api_key"), "api_key", "os_not-a-key")).statusCode())
                .isEqualTo(403);
    }

    @Test
    void aRevokedKeyIs403() throws Exception {
        ApiKeyService.IssuedKey issued = apiKeys.issue("Revoked app", "dev@example.org", "test");
        apiKey = issued.secret();
        postJson(pothole("Before revocation"));
        apiKeys.revoke(issued.key().getId(), "test");
        HttpResponse<String> response = client.post("requests.json", pothole("After revocation"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get(0).get("description").asText()).contains("revoked");
        assertThat(client.get("requests.json?api_key=" + enc(issued.secret())).statusCode()).isEqualTo(403);
    }

    @Test
    void anUnknownServiceCodeIs404() throws Exception {
        List<Map.Entry<String, String>> form = with(without(pothole("Unknown"), "service_code"), "service_code", "moon-landing");
        HttpResponse<String> response = client.post("requests.xml", form);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(text(children(xml(response).getDocumentElement(), "error").get(0), "code")).isEqualTo("404");
        assertThat(client.post("requests.json", with(without(pothole("Staff only"), "service_code"), "service_code", "councillor-inquiry"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aMissingLocationIs400() throws Exception {
        HttpResponse<String> response = client.post("requests.json", without(pothole("Nowhere"), "lat", "long", "address_string"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get(0).get("code").asInt()).isEqualTo(400);
        assertThat(json(response).get(0).get("description").asText()).contains("lat", "address_string");
        HttpResponse<String> xmlResponse = client.post("requests.xml", without(pothole("Nowhere"), "lat", "long", "address_string"));
        assertThat(xmlResponse.statusCode()).isEqualTo(400);
        assertThat(text(children(xml(xmlResponse).getDocumentElement(), "error").get(0), "code")).isEqualTo("400");
    }

    @Test
    void invalidInputIsListedOneErrorPerProblem() throws Exception {
        List<Map.Entry<String, String>> form = without(pothole("Bad"), "attribute[size]", "lat");
        form = with(with(with(form, "lat", "north"), "attribute[colour]", "red"), "email", "not-an-address");
        HttpResponse<String> response = client.post("requests.json", form);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).findValuesAsText("description")).anyMatch(d -> d.startsWith("lat"));

        HttpResponse<String> answers = client.post("requests.json",
                with(with(without(pothole("Bad"), "attribute[size]"), "attribute[colour]", "red"), "email", "not-an-address"));
        assertThat(answers.statusCode()).isEqualTo(400);
        List<String> descriptions = json(answers).findValuesAsText("description");
        assertThat(descriptions).anyMatch(d -> d.startsWith("email"));
        // The service's own questions, checked as for the staff API.
        HttpResponse<String> questions = client.post("requests.json",
                with(without(pothole("Bad"), "attribute[size]"), "attribute[colour]", "red"));
        assertThat(json(questions).findValuesAsText("description"))
                .contains("attribute[size] is required", "attribute[colour] is not a question of this service");
        assertThat(json(questions).findValuesAsText("code")).containsOnly("400");

        assertThat(client.post("requests.json", with(without(pothole("x"), "description"), "description", "x".repeat(4001))).statusCode())
                .isEqualTo(400);
        assertThat(client.post("requests.json", with(pothole("Bad media"), "media_url", "javascript:alert(1)")).statusCode())
                .isEqualTo(400);
        assertThat(client.post("requests.json", with(without(pothole("Other city"), "jurisdiction_id"), "jurisdiction_id", "elsewhere.example")).statusCode())
                .isEqualTo(404);
        assertThat(client.get("requests.json?start_date=yesterday").statusCode()).isEqualTo(400);
        assertThat(client.get("requests.json?start_date=" + enc("2026-01-01T00:00:00Z") + "&end_date=" + enc("2026-11-01T00:00:00Z"))
                .statusCode()).as("more than 90 days").isEqualTo(400);
        assertThat(client.get("requests.json?status=pending").statusCode()).isEqualTo(400);
        assertThat(client.get("requests/SR-1999-999999.json").statusCode()).isEqualTo(404);
        assertThat(json(client.get("requests/SR-1999-999999.json")).get(0).get("code").asInt()).isEqualTo(404);
    }

    @Test
    void aBodyOverTheLimitIsRefusedAndLongParametersAreNamed() throws Exception {
        HttpResponse<String> large = client.post("requests.json", with(pothole("Large"), "padding", "x".repeat(70_000)));
        assertThat(large.statusCode()).isEqualTo(400);
        assertThat(json(large).get(0).get("description").asText()).contains("larger than the limit of 65536 bytes");
        HttpResponse<String> longName = client.post("requests.xml", with(without(pothole("x"), "first_name"), "first_name", "J".repeat(101)));
        assertThat(longName.statusCode()).isEqualTo(400);
        assertThat(text(children(xml(longName).getDocumentElement(), "error").get(0), "description"))
                .isEqualTo("first_name must be at most 100 characters");
    }

    // ---------------------------------------------------------------- extensions

    @Test
    void pagesAndFiltersByUpdatedTime() throws Exception {
        Instant t = Instant.parse("2026-11-24T16:41:07Z");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ClockUtil.setCurrentTime(Date.from(t.plusSeconds(i)));
            ids.add(postJson(pothole("Paging " + i)));
        }
        String window = "start_date=" + enc("2026-11-24T16:41:07Z") + "&end_date=" + enc("2026-11-24T16:41:09Z");
        JsonNode first = json(client.get("requests.json?" + window + "&page_size=2"));
        JsonNode second = json(client.get("requests.json?" + window + "&page_size=2&page=2"));
        assertThat(first.findValuesAsText("service_request_id")).containsExactly(ids.get(2), ids.get(1));
        assertThat(second.findValuesAsText("service_request_id")).containsExactly(ids.get(0));
        assertThat(json(client.get("requests.json?" + window + "&page_size=2&page=3"))).isEmpty();

        JsonNode updated = json(client.get("requests.json?updated_after=" + enc("2026-11-24T16:41:08Z")
                + "&updated_before=" + enc("2026-11-24T16:41:10Z")));
        assertThat(updated.findValuesAsText("service_request_id")).containsExactly(ids.get(2));
        assertThat(client.get("requests.json?page_size=1001").statusCode()).isEqualTo(400);
        assertThat(client.get("requests.json?page=0").statusCode()).isEqualTo(400);
    }

    @Test
    void extensionsAddThePublicStatusNotesHistory() throws Exception {
        String id = postJson(pothole("History please"));
        JsonNode request = json(client.get("requests/" + id + ".json?extensions=true")).get(0);
        JsonNode extended = request.get("extended_attributes");
        assertThat(extended.get("detailed_status").asText()).isNotBlank();
        JsonNode history = extended.get("status_notes_history");
        assertThat(history.size()).isGreaterThanOrEqualTo(1);
        assertThat(history.get(0).get("status_notes").asText()).startsWith("Request received by app");
        assertThat(history.get(0).get("datetime").asText()).isEqualTo("2026-11-24T10:00:00-05:00");
        assertThat(request.get("status_notes").asText()).isEqualTo(history.get(history.size() - 1).get("status_notes").asText());

        Element xmlRequest = children(xml(client.get("requests/" + id + ".xml?extensions=true")).getDocumentElement(), "request").get(0);
        Element xmlExtended = children(xmlRequest, "extended_attributes").get(0);
        List<Element> notes = children(children(xmlExtended, "status_notes_history").get(0), "status_note");
        assertThat(notes).hasSize(history.size());
        assertThat(text(notes.get(0), "status_notes")).startsWith("Request received by app");
        assertThat(json(client.get("requests.json?extensions=true&service_request_id=" + id)).get(0).has("extended_attributes")).isTrue();
    }

    // ---------------------------------------------------------------- output escaping

    @Test
    void aScriptInTheDescriptionComesBackEscapedInXmlAndAsAPlainJsonString() throws Exception {
        String script = "<script>alert(1)</script> & \"quotes\"";
        String id = postJson(pothole(script));
        HttpResponse<String> xmlResponse = client.get("requests/" + id + ".xml");
        assertThat(xmlResponse.body()).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(text(children(xml(xmlResponse).getDocumentElement(), "request").get(0), "description")).isEqualTo(script);
        HttpResponse<String> jsonResponse = client.get("requests/" + id + ".json");
        assertThat(jsonResponse.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(json(jsonResponse).get(0).get("description").isTextual()).isTrue();
        assertThat(json(jsonResponse).get(0).get("description").asText()).isEqualTo(script);
    }
}
