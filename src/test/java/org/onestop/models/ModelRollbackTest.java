package org.onestop.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Rollback as a process owner does it: change a model, then {@code POST /api/models/rollback} with the earlier version,
 * and the next case is handled as before. Each service's standards are a table of its own, so changing pothole's and
 * then graffiti's keeps both, and rolling one back leaves the other.
 */
class ModelRollbackTest extends IntegrationTest {

    @Autowired
    RepositoryService repositoryService;

    private final List<String> deployments = new ArrayList<>();

    @AfterEach
    void removeTheChanges() {
        deployments.forEach(d -> repositoryService.deleteDeployment(d, true));
    }

    private static String bundled(String path) throws IOException {
        try (InputStream in = ModelRollbackTest.class.getResourceAsStream("/" + path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private DecisionDefinition latest(String key) {
        return repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }

    /** Deploys a changed file as Camunda Modeler does, as the process owner. */
    private void deployAsOwner(String owner, String name, String file, String content) {
        ResponseEntity<Map<String, Object>> deployed = BrokenModelsTest.deploy(as(owner), name, Map.of(file, content));
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
        deployments.add((String) deployed.getBody().get("id"));
    }

    private Map<String, Object> rollBack(String user, Map<String, Object> request) {
        ResponseEntity<Map<String, Object>> answer = postJson(as(user), "/api/models/rollback", request);
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.OK);
        deployments.add((String) answer.getBody().get("deploymentId"));
        return answer.getBody();
    }

    /** An urgent pothole (a hazard in the driving lane), opened by the contact centre: its resolve-by date. */
    private Instant resolveByOfANewUrgentPothole(String agent) {
        Map<String, Object> request = new HashMap<>();
        request.put("serviceCode", "pothole");
        request.put("answers", Map.of("hazard", true, "size", "large", "locationOnRoad", "driving-lane"));
        request.put("channel", "phone");
        request.put("description", "Reported for the rollback test");
        request.put("address", "120 King St E, Lakeport");
        request.put("customer", Map.of("name", "Rollback Resident", "phone", "905-555-0178"));
        ResponseEntity<Map<String, Object>> opened = postJson(as(agent), "/api/cases", request);
        assertThat(opened.getStatusCode()).as("%s", opened.getBody()).isEqualTo(HttpStatus.CREATED);
        return Instant.parse((String) opened.getBody().get("resolveBy"));
    }

    @SuppressWarnings("unchecked")
    private String publishedResolveWithin(String agent, String service, String priority) {
        List<Map<String, Object>> standards = (List<Map<String, Object>>) getJson(as(agent), "/api/services/" + service).getBody().get("standards");
        return standards.stream().filter(s -> priority.equals(s.get("priority"))).map(s -> (String) s.get("resolveWithin")).findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRolledBackStandardIsWhatTheNextIntakeUses() throws IOException {
        String owner = user("it-rollback-owner", "process-owners");
        String agent = user("it-rollback-agent", "contact-centre");
        DecisionDefinition before = latest("PotholeStandards");
        assertThat(Duration.between(OFFICE_HOURS, resolveByOfANewUrgentPothole(agent))).isEqualTo(Duration.ofDays(1));

        // The owner shortens the urgent pothole standard to 6 hours: the next case gets it.
        deployAsOwner(owner, "pothole-standards", "standards-pothole.dmn", bundled("dmn/standards-pothole.dmn")
                .replaceFirst("(<outputEntry id=\"Rule_PotholeUrgent_ResolveWithin\">\\s*<text>)\"P1D\"", "$1\"PT6H\""));
        assertThat(Duration.between(OFFICE_HOURS, resolveByOfANewUrgentPothole(agent))).isEqualTo(Duration.ofHours(6));

        // Rolled back to the version before: a new latest version (duplicate filtering does not swallow it), with the old standard.
        Map<String, Object> rolledBack = rollBack(owner, Map.of("key", "PotholeStandards", "version", before.getVersion()));
        assertThat(rolledBack).containsEntry("resource", "standards-pothole.dmn");
        assertThat((Map<String, Object>) rolledBack.get("newVersions")).containsEntry("PotholeStandards", before.getVersion() + 2);
        assertThat(latest("PotholeStandards").getVersion()).isEqualTo(before.getVersion() + 2);
        assertThat(Duration.between(OFFICE_HOURS, resolveByOfANewUrgentPothole(agent))).isEqualTo(Duration.ofDays(1));
        assertThat(publishedResolveWithin(agent, "pothole", "urgent")).isEqualTo("P1D");
    }

    @Test
    void eachServicesStandardsChangeAndRollBackWithoutTouchingAnothers() throws IOException {
        String owner = user("it-rollback-owner", "process-owners");
        String agent = user("it-rollback-agent", "contact-centre");
        DecisionDefinition graffitiBefore = latest("GraffitiStandards");

        // Pothole's standard changes, then graffiti's: both stand.
        deployAsOwner(owner, "pothole-standards", "standards-pothole.dmn", bundled("dmn/standards-pothole.dmn")
                .replaceFirst("(<outputEntry id=\"Rule_PotholeNormal_ResolveWithin\">\\s*<text>)\"P10D\"", "$1\"P5D\""));
        deployAsOwner(owner, "graffiti-standards", "standards-graffiti.dmn", bundled("dmn/standards-graffiti.dmn")
                .replaceFirst("(<outputEntry id=\"Rule_GraffitiNormal_ResolveWithin\">\\s*<text>)\"P30D\"", "$1\"P20D\""));
        assertThat(publishedResolveWithin(agent, "pothole", "normal")).isEqualTo("P5D");
        assertThat(publishedResolveWithin(agent, "graffiti", "normal")).isEqualTo("P20D");

        // Graffiti's is rolled back: pothole's change stays.
        rollBack(owner, Map.of("key", "GraffitiStandards", "version", graffitiBefore.getVersion()));
        assertThat(publishedResolveWithin(agent, "graffiti", "normal")).isEqualTo("P30D");
        assertThat(publishedResolveWithin(agent, "pothole", "normal")).isEqualTo("P5D");
    }

    @Test
    void aFormIsRolledBackByItsDeploymentAndFileName() {
        String owner = user("it-rollback-owner", "process-owners");
        // the newest deployment that holds the start form (other tests deploy routing tables alone)
        String deploymentId = repositoryService.createDeploymentQuery().orderByDeploymentTime().desc().list().stream()
                .filter(d -> repositoryService.getDeploymentResourceNames(d.getId()).stream().anyMatch(n -> n.endsWith("pothole-start.form")))
                .findFirst().orElseThrow().getId();
        String form = repositoryService.getDeploymentResourceNames(deploymentId).stream()
                .filter(n -> n.endsWith("pothole-start.form")).findFirst().orElseThrow();
        Map<String, Object> rolledBack = rollBack(owner, Map.of("deploymentId", deploymentId, "resource", "pothole-start.form"));
        assertThat(rolledBack).containsEntry("resource", "pothole-start.form");
        assertThat(repositoryService.getDeploymentResourceNames((String) rolledBack.get("deploymentId"))).containsExactly("pothole-start.form");
        assertThat(form).endsWith("pothole-start.form");
    }

    @Test
    void unknownVersionsAndModelsAreA400Problem() {
        String owner = user("it-rollback-owner", "process-owners");
        ResponseEntity<Map<String, Object>> unknownVersion = postJson(as(owner), "/api/models/rollback", Map.of("key", "PotholeStandards", "version", 9999));
        assertThat(unknownVersion.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownVersion.getBody().toString()).contains("version", "no version 9999 of PotholeStandards");
        ResponseEntity<Map<String, Object>> unknownKey = postJson(as(owner), "/api/models/rollback", Map.of("key", "NoSuchModel", "version", 1));
        assertThat(unknownKey.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownKey.getBody().toString()).contains("key", "no process or decision with this id");
        assertThat(postJson(as(owner), "/api/models/rollback", Map.of("key", "PotholeStandards")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(as(owner), "/api/models/rollback", Map.of("key", "PotholeStandards", "version", 0)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(as(owner), "/api/models/rollback", Map.of()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(as(owner), "/api/models/rollback", Map.of("deploymentId", "no-such", "resource", "x.form")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
