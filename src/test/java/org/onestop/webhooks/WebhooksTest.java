package org.onestop.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Outgoing webhooks end to end: an administrator subscribes a local endpoint (which fails the first time), a case is
 * opened, the sender posts the milestone signed with the subscription's secret, retries it after the failure, and
 * records both attempts; bad subscriptions are a 400 naming the fields, and only administrators manage them.
 */
class WebhooksTest extends IntegrationTest {

    /** What the endpoint received: the body and the OneStop headers of each request. */
    record Received(String body, String signature, String event, String delivery, String timestamp) {
    }

    @Autowired
    WebhookSender sender;

    private HttpServer endpoint;
    private final List<Received> received = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Long> subscriptions = new ArrayList<>();

    @BeforeEach
    void endpointThatFailsFirst() throws IOException {
        user("wh-admin", "camunda-admin");
        user("wh-agent", "contact-centre");
        user("wh-roads-supervisor", "roads-supervisors");
        endpoint = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        endpoint.createContext("/hooks", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            int status = calls.incrementAndGet() == 1 ? 500 : 200;
            synchronized (received) {
                received.add(new Received(new String(body, StandardCharsets.UTF_8), exchange.getRequestHeaders().getFirst("X-OneStop-Signature"),
                        exchange.getRequestHeaders().getFirst("X-OneStop-Event"), exchange.getRequestHeaders().getFirst("X-OneStop-Delivery"),
                        exchange.getRequestHeaders().getFirst("X-OneStop-Timestamp")));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        endpoint.start();
    }

    @AfterEach
    void stop() {
        endpoint.stop(0);
        // the shared context goes on: this test's subscriptions take no more events
        subscriptions.forEach(id -> as("wh-admin").delete("/api/webhooks/" + id));
    }

    @Test
    void aMilestoneIsPostedSignedRetriedAfterAFailureAndRecorded() throws Exception {
        // given a subscription to new cases
        ResponseEntity<Map<String, Object>> created = postJson(as("wh-admin"), "/api/webhooks", Map.of(
                "url", "http://127.0.0.1:" + endpoint.getAddress().getPort() + "/hooks", "events", List.of("submitted", "resolved"),
                "description", "Work-order system (test)"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String secret = (String) created.getBody().get("secret");
        assertThat(secret).matches("[0-9a-f]{64}");
        long id = ((Number) ((Map<?, ?>) created.getBody().get("subscription")).get("id")).longValue();
        subscriptions.add(id);
        assertThat(as("wh-admin").getForEntity("/api/webhooks", String.class).getBody()).contains("Work-order system (test)").doesNotContain(secret);

        // when a case is opened and the sender runs: the endpoint answers 500
        String reference = openPothole();
        sender.sendDue(100);

        // then the attempt is recorded and the delivery waits for its retry
        Map<String, Object> first = deliveryOf(id, reference);
        assertThat(first).containsEntry("status", "retry").containsEntry("attempts", 1).containsEntry("event", "submitted");
        assertThat(attempts(first)).singleElement().satisfies(a -> assertThat(a).containsEntry("statusCode", 500).containsEntry("error", "HTTP 500"));

        // when the sender runs again before the back-off: nothing is sent
        sender.sendDue(100);
        assertThat(calls.get()).isEqualTo(1);

        // when the back-off has passed
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS.plus(Duration.ofMinutes(5))));
        sender.sendDue(100);

        // then it is delivered, both attempts on record
        Map<String, Object> delivered = deliveryOf(id, reference);
        assertThat(delivered).containsEntry("status", "delivered").containsEntry("attempts", 2);
        assertThat(attempts(delivered)).extracting(a -> a.get("statusCode")).containsExactly(500, 200);

        // and the endpoint got the same signed body twice, which verifies with the secret
        List<Received> mine = received.stream().filter(r -> r.body().contains(reference)).toList();
        assertThat(mine).hasSize(2);
        for (Received r : mine) {
            assertThat(r.signature()).isEqualTo("sha256=" + hmacSha256Hex(secret, r.body()));
            assertThat(r.event()).isEqualTo("submitted");
            assertThat(r.delivery()).isEqualTo(String.valueOf(delivered.get("id")));
            assertThat(r.timestamp()).matches("\\d{10}");
            assertThat(r.body()).contains("\"event\":\"submitted\"", "\"serviceCode\":\"pothole\"", "\"private\":false")
                    .doesNotContain("Webhook Resident", "wh-resident@example.org", "Hole at the bus stop");
        }

        // when the subscription is deleted, nothing more goes to it, and its record stays
        assertThat(as("wh-admin").exchange("/api/webhooks/" + id, HttpMethod.DELETE, null, String.class).getStatusCode().value()).isEqualTo(204);
        openPothole();
        sender.sendDue(100);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(deliveryOf(id, reference)).containsEntry("status", "delivered");
    }

    @Test
    void badSubscriptionsAreA400NamingTheFieldsAndNothingIsStored() {
        int before = as("wh-admin").getForEntity("/api/webhooks", List.class).getBody().size();

        ResponseEntity<Map<String, Object>> bad = postJson(as("wh-admin"), "/api/webhooks", Map.of(
                "url", "ftp://files.example.org/in", "events", List.of("submitted", "exploded")));

        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(bad.getBody().get("errors").toString()).contains("field=url", "field=events", "exploded");
        assertThat(postJson(as("wh-admin"), "/api/webhooks", Map.of("url", "https://x.example.org/h", "events", List.of()))
                .getStatusCode().value()).isEqualTo(400);
        assertThat(postJson(as("wh-admin"), "/api/webhooks", Map.of("events", List.of("resolved"))).getStatusCode().value()).isEqualTo(400);
        assertThat(as("wh-admin").getForEntity("/api/webhooks", List.class).getBody()).hasSize(before);
        assertThat(as("wh-admin").exchange("/api/webhooks/987654321", HttpMethod.DELETE, null, String.class).getStatusCode().value()).isEqualTo(404);
        assertThat(as("wh-admin").getForEntity("/api/webhooks/987654321/deliveries", String.class).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void onlyAdministratorsManageWebhooks() {
        Map<String, Object> body = Map.of("url", "https://x.example.org/h", "events", List.of("resolved"));
        for (String user : List.of("wh-agent", "wh-roads-supervisor")) {
            assertThat(postJson(as(user), "/api/webhooks", body).getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(as(user).getForEntity("/api/webhooks", String.class).getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(as(user).getForEntity("/api/webhooks/1/deliveries", String.class).getStatusCode().value()).as(user).isEqualTo(403);
            assertThat(as(user).exchange("/api/webhooks/1", HttpMethod.DELETE, null, String.class).getStatusCode().value()).as(user).isEqualTo(403);
        }
        assertThat(http.getForEntity("/api/webhooks", String.class).getStatusCode().value()).isEqualTo(401);
    }

    private String openPothole() {
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "pothole", "channel", "phone",
                "description", "Hole at the bus stop", "address", "120 King St E, Lakeport",
                "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
        request.put("customer", Map.of("name", "Webhook Resident", "email", "wh-resident@example.org"));
        ResponseEntity<Map<String, Object>> created = postJson(as("wh-agent"), "/api/cases", request);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        return (String) created.getBody().get("reference");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> deliveryOf(long subscription, String reference) {
        List<Map<String, Object>> deliveries = as("wh-admin").getForEntity("/api/webhooks/" + subscription + "/deliveries", List.class).getBody();
        return deliveries.stream().filter(d -> reference.equals(((Map<String, Object>) ((Map<String, Object>) d.get("body")).get("case")).get("reference")))
                .findFirst().orElseThrow(() -> new AssertionError("no delivery for " + reference + " in " + deliveries));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> attempts(Map<String, Object> delivery) {
        return (List<Map<String, Object>>) delivery.get("attemptLog");
    }

    /** What a subscriber does to check a delivery: the HMAC-SHA256 of the raw body with the secret, in hex. */
    private static String hmacSha256Hex(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
