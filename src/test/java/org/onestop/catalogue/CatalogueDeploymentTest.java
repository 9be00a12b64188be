package org.onestop.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The catalogue is kept in memory and follows deployments without a restart: a form deployed alone (start forms are
 * bound "latest") changes a service's questions, whether it was deployed on another node (seen by the periodic check)
 * or on this one (seen at once).
 */
class CatalogueDeploymentTest extends IntegrationTest {

    private static final String NEW_FIELD = """
                {
                  "id": "Field_reportedBefore",
                  "key": "reportedBefore",
                  "type": "select",
                  "label": "Have you reported it before?",
                  "values": [ { "label": "Yes", "value": "yes" }, { "label": "No", "value": "no" } ],
                  "validate": { "required": true }
                },
            """;

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ProcessEngine processEngine;
    @Autowired
    DataSource dataSource;
    @Autowired
    CatalogueProperties properties;

    @Test
    void aFormDeployedAloneOnAnotherNodeIsLiveWithinSecondsAndOneDeployedHereAtOnce() throws Exception {
        String agent = user("pool-agent", "contact-centre");
        byte[] original = new ClassPathResource("forms/pothole-start.form").getInputStream().readAllBytes();
        String changed = new String(original, StandardCharsets.UTF_8).replaceFirst("\"components\": \\[", "\"components\": [" + NEW_FIELD);
        assertThat(changed).contains("reportedBefore");
        assertThat(questions(agent)).doesNotContain("reportedBefore");

        ProcessEngine otherNode = otherNode();
        try (InputStream form = new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8))) {
            otherNode.getRepositoryService().createDeployment().name("it-pothole-question")
                    .addInputStream("pothole-start.form", form).deploy();
        } finally {
            otherNode.close();
        }
        long deployed = System.nanoTime();
        Duration bound = properties.checkEvery().multipliedBy(3).plusSeconds(5);
        while (!questions(agent).contains("reportedBefore")) {
            assertThat(Duration.ofNanos(System.nanoTime() - deployed)).as("the other node's form is live within %s", bound).isLessThan(bound);
            Thread.sleep(100);
        }

        try {
            // Every door asks it: the residents' report page, the console's intake, Open311's service definition.
            org.onestop.testing.FormSession anonymous = new org.onestop.testing.FormSession(http.getRootUri());
            assertThat(anonymous.get("/report/pothole").body()).contains("name=\"q.reportedBefore\"", "Have you reported it before?");
            org.onestop.testing.FormSession console = org.onestop.testing.FormSession.loggedIn(http.getRootUri(), agent, PASSWORD);
            assertThat(console.get("/console/cases/new?service=pothole").body()).contains("name=\"q.reportedBefore\"");
            com.fasterxml.jackson.databind.JsonNode definition = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(http.getForObject("/open311/v2/services/pothole.json", String.class));
            assertThat(definition.findValues("attributes").get(0)).as("Open311 lists it as a required attribute")
                    .anyMatch(a -> "reportedBefore".equals(a.path("code").asText()) && a.path("required").asBoolean());

            Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "pothole", "channel", "phone",
                    "address", "120 King St E, Lakeport", "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder")));
            ResponseEntity<Map<String, Object>> refused = postJson(as(agent), "/api/cases", request);
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(refused.getBody().toString()).contains("answers.reportedBefore");
            request.put("answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder", "reportedBefore", "no"));
            assertThat(postJson(as(agent), "/api/cases", request).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        } finally {
            // This node's own deployment: live at once, no waiting for the check.
            repositoryService.createDeployment().name("it-pothole-question")
                    .addInputStream("pothole-start.form", new ByteArrayInputStream(original)).deploy();
        }
        assertThat(questions(agent)).containsExactly("hazard", "size", "locationOnRoad");
    }

    @SuppressWarnings("unchecked")
    private List<Object> questions(String agent) {
        Map<String, Object> pothole = getJson(as(agent), "/api/services/pothole").getBody();
        return ((List<Map<String, Object>>) pothole.get("questions")).stream().map(q -> q.get("key")).toList();
    }

    /** A second engine on the same database, as another node of a cluster is: it knows nothing of this node's watch. */
    private ProcessEngine otherNode() {
        ProcessEngineConfigurationImpl here = (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        ProcessEngineConfigurationImpl other = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
                .createStandaloneProcessEngineConfiguration()
                .setDataSource(dataSource)
                .setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE)
                .setHistory(here.getHistory())
                .setJobExecutorActivate(false)
                .setProcessEngineName("it-other-node");
        other.setIdGenerator(new StrongUuidGenerator());
        other.setMetricsEnabled(false);
        other.setDbMetricsReporterActivate(false);
        return other.buildProcessEngine();
    }
}
