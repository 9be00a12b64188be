package org.onestop.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NewCase;
import org.onestop.web.RateLimitProperties;
import org.onestop.web.RateLimiter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Prometheus scrape after cases went through: OneStop's own meters with their labels and values beside the
 * platform's, nothing personal in it, and only for administrators and the monitoring group.
 */
class MetricsTest extends IntegrationTest {

    private static final String SCRAPE = "/actuator/prometheus";

    @Autowired
    MetricsSnapshot snapshot;
    @Autowired
    CaseService cases;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    RateLimitProperties limits;
    @Autowired
    RateLimiter limiter;

    @BeforeEach
    void users() {
        user("mt-agent", "contact-centre");
        user("mt-roads", "roads");
        user("mt-monitor", "monitoring");
        user("mt-admin", "camunda-admin");
    }

    @Test
    void theScrapeShowsOneStopsMetersAfterACaseWentThrough() {
        String before = scrape();
        String email = "mt-" + System.nanoTime() + "@example.org";

        // A pothole by phone, taken to resolved (and closed) by Roads within its standard.
        Map<String, Object> pothole = open("pothole", "phone", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane"),
                Map.of("name", "Morgan Metrics", "email", email));
        String reference = (String) pothole.get("reference");
        for (Map<String, Object> variables : List.<Map<String, Object>>of(
                Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "Deep"),
                Map.of("crew", "east-yard", "plannedDate", "2026-12-01"),
                Map.of("repairMethod", "hot-mix", "resolutionNote", "Filled."))) {
            complete(onlyDepartmentTask(reference), variables);
        }
        assertThat(getJson(as("mt-agent"), "/api/cases/" + reference).getBody()).containsEntry("status", "closed");

        // A missed collection by e-mail that stays open with Waste, and will be overdue.
        Map<String, Object> missed = open("missed-collection", "email",
                Map.of("stream", "organics", "collectionDate", "2026-11-20", "setOutOnTime", true), Map.of("name", "Morgan Metrics", "email", email));
        Instant resolveBy = Instant.parse((String) missed.get("resolveBy"));

        // A walk-in intake that failed on the city's side after the case was written: rolled back, so never opened.
        assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
            cases.open(new NewCase("pothole", Channel.WALK_IN, "Failing intake", null, null, "120 King St E, Lakeport",
                    null, null, null, Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")), "mt-agent");
            throw new IllegalStateException("the photo could not be stored");
        })).hasMessageContaining("photo");
        // A request's own mistake is a 400, not a failure of the intake.
        assertThat(postJson(as("mt-agent"), "/api/cases", request("pothole", "walk-in", Map.of("size", "enormous"), null))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // A resident's page refused by the per-address limit for reads.
        int gets = limits.getGetsPerAddress();
        try {
            limits.setGetsPerAddress(1);
            limiter.reset();
            http.getForEntity("/status", String.class);
            assertThat(http.getForEntity("/status", String.class).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        } finally {
            limits.setGetsPerAddress(gets);
            limiter.reset();
        }

        // A day after the missed collection's resolve-by date: it is overdue, and its notices have waited since intake.
        ClockUtil.setCurrentTime(Date.from(resolveBy.plus(1, ChronoUnit.DAYS)));
        snapshot.refresh();
        String after = scrape();

        assertThat(increase(before, after, "onestop_cases_opened_total", Map.of("service", "pothole", "channel", "phone"))).isEqualTo(1);
        assertThat(increase(before, after, "onestop_cases_opened_total", Map.of("service", "missed-collection", "channel", "email"))).isEqualTo(1);
        assertThat(value(after, "onestop_cases_opened_total", Map.of("service", "pothole", "channel", "walk-in")))
                .as("the intake that rolled back was never opened")
                .isEqualTo(value(before, "onestop_cases_opened_total", Map.of("service", "pothole", "channel", "walk-in")));
        assertThat(increase(before, after, "onestop_cases_resolved_total", Map.of("service", "pothole", "outcome", "within_standard"))).isEqualTo(1);
        assertThat(increase(before, after, "onestop_intakes_failed_total", Map.of("service", "pothole", "channel", "walk-in"))).isEqualTo(1);
        assertThat(increase(before, after, "onestop_rate_limit_rejections_total", Map.of("limit", "gets-per-address"))).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "onestop_rate_limit_rejections_total", Map.of("limit", "failed-logins-per-address"))).isNotNull();

        assertThat(value(after, "onestop_cases_open", Map.of("department", "waste"))).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "onestop_cases_overdue", Map.of("department", "waste"))).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "onestop_cases_open", Map.of("department", "roads"))).isNotNull();
        assertThat(value(after, "onestop_notices_pending", Map.of("channel", "email"))).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "onestop_notices_failed", Map.of("channel", "email"))).isNotNull();
        assertThat(value(after, "onestop_notices_oldest_pending_age_seconds", Map.of("channel", "email")))
                .isGreaterThanOrEqualTo(86_400.0);
        assertThat(value(after, "onestop_jobs_backlog", Map.of())).isNotNull();
        assertThat(value(after, "onestop_jobs_failed", Map.of())).isNotNull();
        assertThat(value(after, "onestop_incidents_open", Map.of())).isNotNull();
        assertThat(value(after, "onestop_metrics_snapshot_age_seconds", Map.of())).isBetween(0.0, 60.0);

        // The platform's own: HTTP, JVM, the connection pool, Tomcat.
        assertThat(after).contains("http_server_requests_seconds_count{", "jvm_memory_used_bytes{", "hikaricp_connections_active{",
                "tomcat_threads_busy_threads{", "tomcat_sessions_active_current_sessions");

        // Nothing personal and no reference: labels are bounded. (Leaving out http_client_requests: the test's own HTTP
        // client, measured in the application's registry because the test shares it; OneStop itself calls out to no one.)
        String served = after.lines().filter(line -> !line.contains("http_client_requests")).collect(Collectors.joining("\n"));
        assertThat(served).doesNotContain(reference).doesNotContain((String) missed.get("reference")).doesNotContain(email)
                .doesNotContain("Morgan").doesNotContain("mt-agent").doesNotContain("mt-roads").doesNotContain("mt-monitor")
                .doesNotContainPattern("SR-\\d{4}-\\d+");
    }

    @Test
    void onlyAdministratorsAndMonitoringMayScrape() {
        assertThat(http.getForEntity(SCRAPE, String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // (Not a scrape user with a wrong password: Camunda would then refuse that user for a second.)
        assertThat(http.withBasicAuth("mt-nobody", "wrong").getForEntity(SCRAPE, String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(as("mt-agent").getForEntity(SCRAPE, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("mt-roads").getForEntity(SCRAPE, String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("mt-monitor").getForEntity(SCRAPE, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("mt-admin").getForEntity(SCRAPE, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        // The rest of the actuator is no more public; health stays open for the probes.
        assertThat(http.getForEntity("/actuator/info", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    // ---------------------------------------------------------------- helpers

    private String scrape() {
        ResponseEntity<String> response = as("mt-monitor").getForEntity(SCRAPE, String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private Map<String, Object> open(String service, String channel, Map<String, Object> answers, Map<String, Object> customer) {
        ResponseEntity<Map<String, Object>> response = postJson(as("mt-agent"), "/api/cases", request(service, channel, answers, customer));
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return response.getBody();
    }

    private static Map<String, Object> request(String service, String channel, Map<String, Object> answers, Map<String, Object> customer) {
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", service);
        request.put("channel", channel);
        request.put("description", "Reported for the metrics");
        request.put("address", "120 King St E, Lakeport");
        request.put("answers", answers);
        if (customer != null) {
            request.put("customer", customer);
        }
        return request;
    }

    private void complete(Task task, Map<String, Object> variables) {
        Map<String, Object> rest = new LinkedHashMap<>();
        variables.forEach((name, value) -> rest.put(name, Map.of("value", value)));
        TestRestTemplate roads = as("mt-roads");
        assertThat(postJson(roads, "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "mt-roads")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        HttpHeaders headers = new HttpHeaders();
        headers.add("Content-Type", "application/json");
        assertThat(roads.exchange("/engine-rest/task/" + task.getId() + "/complete", HttpMethod.POST,
                new HttpEntity<>(Map.of("variables", rest), headers), String.class).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    /** How much a sample grew between two scrapes (absent: 0). */
    private static double increase(String before, String after, String name, Map<String, String> labels) {
        Double was = value(before, name, labels);
        Double is = value(after, name, labels);
        assertThat(is).as("%s%s in the scrape", name, labels).isNotNull();
        return is - (was == null ? 0 : was);
    }

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** The value of the sample with this name whose labels include these (null: no such sample). */
    static Double value(String scrape, String name, Map<String, String> labels) {
        Matcher sample = SAMPLE.matcher(scrape);
        while (sample.find()) {
            if (!sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> has = new HashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    has.put(label.group(1), label.group(2));
                }
            }
            if (has.entrySet().containsAll(labels.entrySet())) {
                return Double.valueOf(sample.group(3));
            }
        }
        return null;
    }
}
