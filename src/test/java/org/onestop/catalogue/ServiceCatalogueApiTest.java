package org.onestop.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Date;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The catalogue comes from the deployed models: listing, one service, and a service added only as files. */
class ServiceCatalogueApiTest extends IntegrationTest {

    /** The decision per service, as the README's table has it. */
    static final Map<String, Object> PRIVACY = Map.ofEntries(
            Map.entry("pothole", "public"), Map.entry("sidewalk-damage", "public"), Map.entry("streetlight-out", "public"),
            Map.entry("traffic-signal", "public"), Map.entry("snow-ice", "public"), Map.entry("tree", "public"),
            Map.entry("graffiti", "public"), Map.entry("illegal-dumping", "public"),
            Map.entry("noise-complaint", "private"), Map.entry("complaint", "private"), Map.entry("compliment", "private"),
            Map.entry("councillor-inquiry", "private"), Map.entry("general-inquiry", "private"),
            Map.entry("property-standards", "private"), Map.entry("parking", "private"), Map.entry("animal", "private"),
            Map.entry("missed-collection", "private"), Map.entry("water-sewer", "private"));

    @Autowired
    ServiceCatalogue catalogue;

    @Autowired
    RepositoryService repositoryService;

    @Test
    void listsEveryServiceWithItsGroupQuestionsAndStandards() {
        String agent = user("it-agent", "contact-centre");
        List<Map<String, Object>> services = as(agent).exchange("/api/services", HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(services).extracting(s -> s.get("code")).contains("pothole", "missed-collection", "noise-complaint",
                "sidewalk-damage", "streetlight-out", "traffic-signal", "graffiti", "illegal-dumping", "tree", "animal",
                "property-standards", "parking", "water-sewer", "snow-ice", "general-inquiry", "complaint", "compliment",
                "councillor-inquiry");
        assertThat(services).hasSizeGreaterThanOrEqualTo(18);
        assertThat(services).extracting(s -> s.get("group")).contains("Roads", "Waste", "Bylaw", "Parks and forestry",
                "Water and wastewater", "Feedback", "Council", "General");
        Map<String, Object> pothole = services.stream().filter(s -> "pothole".equals(s.get("code"))).findFirst().orElseThrow();
        assertThat(pothole).containsEntry("name", "Pothole or road defect").containsEntry("group", "Roads")
                .containsEntry("publicService", true).containsEntry("locationRequired", true);
        // Each model says whether its cases are public or private (README, "Private services").
        Map<String, Object> privacy = new HashMap<>();
        services.stream().filter(s -> PRIVACY.containsKey(s.get("code"))).forEach(s -> privacy.put((String) s.get("code"), s.get("privacy")));
        assertThat(privacy).isEqualTo(PRIVACY);
        assertThat(services).allSatisfy(s -> {
            assertThat((List<?>) s.get("questions")).as("%s has questions", s.get("code")).isNotEmpty();
            assertThat((List<?>) s.get("standards")).as("%s has a standard", s.get("code")).isNotEmpty();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneServiceShowsItsQuestionsAndPublishedStandardPerPriority() {
        String agent = user("it-agent", "contact-centre");
        Map<String, Object> pothole = getJson(as(agent), "/api/services/pothole").getBody();
        List<Map<String, Object>> questions = (List<Map<String, Object>>) pothole.get("questions");
        assertThat(questions).extracting(q -> q.get("key")).containsExactly("hazard", "size", "locationOnRoad");
        Map<String, Object> size = questions.get(1);
        assertThat(size).containsEntry("type", "select").containsEntry("required", true);
        assertThat((List<Map<String, Object>>) size.get("options")).extracting(o -> o.get("value")).containsExactly("small", "medium", "large");
        List<Map<String, Object>> standards = (List<Map<String, Object>>) pothole.get("standards");
        assertThat(standards).extracting(s -> s.get("priority")).containsExactly("urgent", "high", "normal");
        assertThat(standards.get(0)).containsEntry("clock", "calendar")
                .containsEntry("text", "Acknowledge within 2 hours, resolve within 1 day, any time of day");
        assertThat(standards.get(2)).containsEntry("clock", "business")
                .containsEntry("text", "Acknowledge within 2 business days, resolve within 10 business days");

        assertThat(getJson(as(agent), "/api/services/fix-my-roof").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(pothole).containsEntry("privacy", "public");
        assertThat(catalogue.isPrivate("pothole")).isFalse();
        assertThat(catalogue.isPrivate("noise-complaint")).isTrue();
        assertThat(catalogue.isPrivate("fix-my-roof")).as("an unknown service").isTrue();
        assertThat(catalogue.isPrivate(null)).isTrue();
        assertThat(http.getForEntity("/api/services", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aServiceAddedOnlyAsFilesIsListedTakesCasesRoutesAndEscalates() throws IOException {
        String owner = user("it-owner", "process-owners");
        String agent = user("it-agent", "contact-centre");
        String waste = user("it-waste", "waste");
        user("it-waste-supervisor", "waste-supervisors");

        // The process owner deploys a BPMN, its routing and standards tables and two forms through Camunda's REST API, as Camunda Modeler does.
        MultiValueMap<String, Object> files = new LinkedMultiValueMap<>();
        files.add("deployment-name", "shopping-cart");
        files.add("deploy-changed-only", "true");
        for (String name : List.of("shopping-cart.bpmn", "routing-shopping-cart.dmn", "standards-shopping-cart.dmn", "shopping-cart-start.form", "collect-shopping-cart.form")) {
            files.add(name, new ClassPathResource("new-service/" + name));
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        ResponseEntity<Map<String, Object>> deployed = as(owner).exchange("/engine-rest/deployment/create", HttpMethod.POST,
                new HttpEntity<>(files, headers), JSON_OBJECT);
        assertThat(deployed.getStatusCode()).as("%s", deployed.getBody()).isEqualTo(HttpStatus.OK);
        String deploymentId = (String) deployed.getBody().get("id");
        try {
            Map<String, Object> listed = getJson(as(agent), "/api/services/shopping-cart").getBody();
            assertThat(listed).containsEntry("name", "Abandoned shopping cart").containsEntry("group", "Waste");
            // Its model says nothing about privacy: its cases are private, the safe default.
            assertThat(listed).containsEntry("privacy", "private");
            assertThat(catalogue.isPrivate("shopping-cart")).isTrue();
            assertThat(listed.get("questions").toString()).contains("inWater", "store");
            assertThat(listed.get("standards").toString()).contains("high", "low");

            Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "shopping-cart", "channel", "app",
                    "address", "Red Hill Creek at Queenston Rd", "answers", Map.of("inWater", true, "store", "FreshCo")));
            ResponseEntity<Map<String, Object>> created = postJson(as(agent), "/api/cases", request);
            assertThat(created.getStatusCode()).as("%s", created.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(created.getBody()).containsEntry("department", "waste").containsEntry("priority", "high");
            String reference = (String) created.getBody().get("reference");
            Task collect = onlyDepartmentTask(reference);
            assertThat(collect.getTaskDefinitionKey()).isEqualTo("Task_CollectCart");

            // Past the resolve-by date the waste supervisors are asked to review it.
            Instant resolveBy = Instant.parse((String) created.getBody().get("resolveBy"));
            Job timer = managementService.createJobQuery().processInstanceId(runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(reference).processDefinitionKey("CaseLifecycleProcess").singleResult().getId())
                    .activityId("Event_ResolveByPassed").timers().singleResult();
            ClockUtil.setCurrentTime(Date.from(resolveBy.plusSeconds(1)));
            managementService.executeJob(timer.getId());
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(reference).taskCandidateGroup("waste-supervisors").count()).isEqualTo(1);

            postJson(as(waste), "/engine-rest/task/" + collect.getId() + "/claim", Map.of("userId", waste));
            postJson(as(waste), "/engine-rest/task/" + collect.getId() + "/complete",
                    Map.of("variables", Map.of("resolutionNote", Map.of("value", "Cart pulled out of the creek and returned to the store."))));
            assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "closed")
                    .containsEntry("resolution", "Cart pulled out of the creek and returned to the store.");
        } finally {
            repositoryService.deleteDeployment(deploymentId, true);
        }
        assertThat(getJson(as(agent), "/api/services/shopping-cart").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }
}
