package org.onestop.owners;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.models.BrokenModelsTestAccess;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The process owners' API as an owner uses it: the preview says what a real intake then does (department, priority,
 * due dates), in and out of office hours, for several services; bad input is a 400 naming each field and stores
 * nothing; "What is live" shows the owner's deployment with its deployer, the cases running per version and an
 * intake that failed since, with a reason the owner can act on. Only owners and administrators may.
 */
class ModelsApiTest extends IntegrationTest {

    static final String WARD = "Ward 2 - Old Town";

    @Autowired
    RepositoryService repositoryService;

    private String owner;
    private String agent;

    @BeforeEach
    void users() {
        owner = user("ma-owner", "process-owners");
        agent = user("ma-agent", "contact-centre");
    }

    @Test
    void thePreviewSaysWhatIntakeThenDoes() {
        List<Map<String, Object>> samples = List.of(
                sample("pothole", Map.of("hazard", true, "size", "small", "locationOnRoad", "shoulder"), "phone"),
                sample("pothole", Map.of("hazard", false, "size", "large", "locationOnRoad", "shoulder"), "web"),
                sample("pothole", Map.of("hazard", false, "size", "small", "locationOnRoad", "driving-lane"), "email"),
                sample("missed-collection", Map.of("stream", "organics", "collectionDate", "2026-11-23"), "phone"),
                sample("water-sewer", Map.of("problemType", "watermain-break"), "phone"),
                sample("noise-complaint", Map.of("noiseSource", "construction"), "web"));
        for (Instant at : List.of(OFFICE_HOURS, at("2026-11-24T23:30"), at("2026-11-28T14:00"))) {
            ClockUtil.setCurrentTime(Date.from(at));
            for (Map<String, Object> sample : samples) {
                String code = (String) sample.get("serviceCode");
                long casesBefore = runtimeService.createProcessInstanceQuery().count();
                Map<String, Object> preview = preview(code, Map.of("answers", sample.get("answers"), "ward", WARD,
                        "channel", sample.get("channel"), "receivedAt", at.toString())).getBody();
                assertThat(runtimeService.createProcessInstanceQuery().count()).as("the preview opens nothing").isEqualTo(casesBefore);
                Map<?, ?> result = (Map<?, ?>) preview.get("result");
                assertThat(result.get("failure")).as("%s at %s", sample, at).isNull();

                ResponseEntity<Map<String, Object>> opened = postJson(as(agent), "/api/cases", sample);
                assertThat(opened.getStatusCode()).as("%s", opened.getBody()).isEqualTo(HttpStatus.CREATED);
                Map<String, Object> kase = getJson(as(agent), "/api/cases/" + opened.getBody().get("reference")).getBody();
                String what = sample + " at " + at;
                assertThat(result.get("department")).as(what).isEqualTo(kase.get("department"));
                assertThat(result.get("departmentName")).as(what).isEqualTo(kase.get("departmentName"));
                assertThat(result.get("priority")).as(what).isEqualTo(kase.get("priority"));
                assertThat(Instant.parse((String) result.get("acknowledgeBy"))).as(what).isEqualTo(Instant.parse((String) kase.get("acknowledgeBy")));
                assertThat(Instant.parse((String) result.get("resolveBy"))).as(what).isEqualTo(Instant.parse((String) kase.get("resolveBy")));
                assertThat((List<?>) result.get("decisions")).hasSize(4);
            }
        }
        Map<?, ?> night = (Map<?, ?>) preview("water-sewer", Map.of("answers", Map.of("problemType", "watermain-break"),
                "ward", WARD, "channel", "phone", "receivedAt", "2026-11-24T23:30")).getBody().get("result");
        assertThat(night.get("officeOpen")).isEqualTo(false);
        assertThat(night.get("routeToOnCall")).isEqualTo(true);
        assertThat(night.get("taskGroup")).isEqualTo(night.get("department") + "-oncall");
    }

    @Test
    void badInputIsA400NamingEachFieldAndStoresNothing() {
        long cases = runtimeService.createProcessInstanceQuery().count();
        ResponseEntity<Map<String, Object>> bad = preview("pothole", Map.of("answers", Map.of("size", "enormous"),
                "ward", "Ward 99", "channel", "pigeon", "receivedAt", "yesterday"));
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody().toString()).contains("answers.size", "ward", "channel", "receivedAt");
        ResponseEntity<Map<String, Object>> missing = preview("pothole", Map.of("channel", "phone"));
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody().toString()).contains("answers.size");
        assertThat(preview("no-such-service", Map.of("channel", "phone")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(runtimeService.createProcessInstanceQuery().count()).isEqualTo(cases);
    }

    @Test
    void onlyOwnersAndAdministrators() {
        String admin = user("ma-admin", "camunda-admin");
        Map<String, Object> body = Map.of("answers", Map.of("size", "small", "locationOnRoad", "shoulder"), "channel", "phone");
        assertThat(postJson(as(agent), "/api/models/services/pothole/preview", body).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(getJson(as(agent), "/api/models/services").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson(http, "/api/models/services/pothole/preview", body).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(getJson(as(admin), "/api/models/services").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(postJson(as(admin), "/api/models/services/pothole/preview", body).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void whatIsLiveShowsTheOwnersDeploymentTheRunningCasesAndAFailedIntake() {
        // After the auto-deployment at start (made on the real clock, before the tests' fixed office hours).
        ClockUtil.setCurrentTime(Date.from(Instant.now().plusSeconds(60)));
        String dmn = BrokenModelsTestAccess.bundled("dmn/routing-pothole.dmn") + "\n<!-- live " + System.nanoTime() + " -->\n";
        ResponseEntity<Map<String, Object>> deployed = BrokenModelsTestAccess.deploy(as(owner), "ma-routing", Map.of("routing-pothole.dmn", dmn));
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
        int version = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("PotholeRouting").latestVersion().singleResult().getVersion();
        postJson(as(agent), "/api/cases", sample("pothole", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"), "phone"));

        // An intake that fails on the city's side: the lifecycle cannot start (suspended by an operator).
        repositoryService.suspendProcessDefinitionByKey("CaseLifecycleProcess");
        try {
            ResponseEntity<Map<String, Object>> failed = postJson(as(agent), "/api/cases",
                    sample("pothole", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"), "phone"));
            assertThat(failed.getStatusCode().is5xxServerError()).as("%s", failed.getBody()).isTrue();
        } finally {
            repositoryService.activateProcessDefinitionByKey("CaseLifecycleProcess");
        }

        // The failure is recorded once the failed request has let go of its connection, by a thread of its own.
        Map<String, Object> live = null;
        Map<?, ?> pothole = null;
        for (long until = System.nanoTime() + 10_000_000_000L; System.nanoTime() < until; ) {
            live = getJson(as(owner), "/api/models/services").getBody();
            pothole = ((List<?>) live.get("services")).stream().map(Map.class::cast)
                    .filter(s -> "pothole".equals(s.get("code"))).findFirst().orElseThrow();
            if (((Number) pothole.get("failedIntakesSinceLastDeploy")).longValue() > 0) {
                break;
            }
            sleep(100);
        }
        Map<?, ?> routing = (Map<?, ?>) pothole.get("routingDecision");
        assertThat(routing.get("version")).isEqualTo(version);
        assertThat(routing.get("deployedBy")).isEqualTo(owner);
        assertThat(routing.get("deploymentName")).isEqualTo("ma-routing");
        assertThat(((Map<?, ?>) pothole.get("process")).get("key")).isNotNull();
        assertThat(((Map<?, ?>) pothole.get("startForm")).get("key")).isEqualTo("pothole-start");
        assertThat(((Map<?, ?>) pothole.get("startForm")).get("deploymentId")).isNotNull();
        assertThat((List<?>) pothole.get("runningByVersion")).isNotEmpty();
        assertThat(((Number) pothole.get("failedIntakesSinceLastDeploy")).longValue()).isPositive();
        assertThat(pothole.get("latestFailures").toString()).contains("suspended").doesNotContain("Live Resident", "905-555-0199");
        assertThat(((Map<?, ?>) pothole.get("standardsDecision")).get("key")).isEqualTo("PotholeStandards");
        assertThat(((List<?>) live.get("sharedDecisions")).toString()).contains("AfterHoursRouting", "EscalationPolicy")
                .doesNotContain("Standards");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<Map<String, Object>> preview(String code, Map<String, Object> body) {
        return postJson(as(owner), "/api/models/services/" + code + "/preview", body);
    }

    private static Map<String, Object> sample(String code, Map<String, Object> answers, String channel) {
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", code);
        request.put("channel", channel);
        request.put("address", "10 Front St, Lakeport");
        request.put("ward", WARD);
        request.put("description", "Preview comparison");
        request.put("answers", answers);
        request.put("customer", Map.of("name", "Live Resident", "phone", "905-555-0199"));
        return request;
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(ZoneId.of("America/Toronto")).toInstant();
    }
}
