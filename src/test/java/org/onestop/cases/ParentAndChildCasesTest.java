package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.selfservice.StatusLinks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A fallen tree took a streetlight down and broke the sidewalk: Forestry's supervisor splits the resident's case into
 * three child cases (Forestry, Transportation, Roads). Each runs as a case of its own; the parent's lifecycle waits in
 * BPMN and resolves only when the last child is finished, whatever the order; the resident follows one reference with
 * one public timeline and hears nothing from the children.
 */
class ParentAndChildCasesTest extends IntegrationTest {

    static final String SUPERVISOR = "it-split-forestry-supervisor";

    /** Every task form field the three services' tasks ask for, on the path that repairs: one map completes any of them. */
    static final Map<String, Object> WORK = Map.ofEntries(
            Map.entry("treeAction", "no-action"), Map.entry("resolutionNote", "Done as asked."),
            Map.entry("poleOwner", "city"), Map.entry("electrician", "city-electrician"), Map.entry("repairAction", "lamp"),
            Map.entry("sidewalkOwner", "city"), Map.entry("tripHazardFound", false), Map.entry("crew", "concrete-north"),
            Map.entry("clearanceResult", "cleared"),
            Map.entry("repairMethod", "slab-replacement"), Map.entry("safetyMeasure", "barricade"));

    @Autowired
    StatusLinks links;
    @Autowired
    JdbcTemplate jdbc;

    private String agent;

    @BeforeEach
    void users() {
        agent = user("it-split-agent", "contact-centre");
        user(SUPERVISOR, "forestry-supervisors");
        user("it-split-forestry", "forestry");
        user("it-split-waste", "waste");
    }

    private String fallenTree() {
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("tree",
                Map.of("requestType", "fallen-tree", "blocking", false, "treeLocation", "boulevard")));
        request.put("customer", Map.of("name", "Split Resident", "email", "split-" + System.nanoTime() + "@example.org",
                "preferredChannel", "email"));
        ResponseEntity<Map<String, Object>> opened = postJson(as(agent), "/api/cases", request);
        assertThat(opened.getStatusCode()).as("%s", opened.getBody()).isEqualTo(HttpStatus.CREATED);
        assertThat(opened.getBody()).containsEntry("department", "forestry");
        return (String) opened.getBody().get("reference");
    }

    static Map<String, Object> child(String service, String description, Map<String, Object> answers) {
        Map<String, Object> child = new LinkedHashMap<>();
        child.put("serviceCode", service);
        child.put("description", description);
        child.put("answers", answers);
        return child;
    }

    static List<Map<String, Object>> threeParts() {
        return List.of(
                child("tree", "Cut up and remove the fallen tree", Map.of("requestType", "fallen-tree", "blocking", false, "treeLocation", "boulevard")),
                child("streetlight-out", "The tree took the streetlight down", Map.of("lightProblem", "damaged", "lightsOut", "one")),
                child("sidewalk-damage", "The roots lifted the sidewalk slabs", Map.of("damageType", "raised", "tripHazard", true)));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSplitCaseResolvesWhenItsLastChildIsDoneInAnyOrder() {
        String parent = fallenTree();

        ResponseEntity<Map<String, Object>> split = postJson(as(SUPERVISOR), "/api/cases/" + parent + "/children",
                Map.of("children", threeParts()));

        assertThat(split.getStatusCode()).as("%s", split.getBody()).isEqualTo(HttpStatus.CREATED);
        List<Map<String, Object>> children = (List<Map<String, Object>>) split.getBody().get("children");
        assertThat(children).extracting(c -> c.get("reference")).containsExactly(parent + "-1", parent + "-2", parent + "-3");
        assertThat(children).extracting(c -> c.get("department")).containsExactly("forestry", "transportation", "roads");
        assertThat(split.getBody().get("timeline").toString()).contains("Your request needs 3 departments");
        String lifecycle = lifecycleOf(parent);
        assertThat(runtimeService.getActiveActivityIds(lifecycle)).containsExactly("Task_WaitForChildCases");
        assertThat(departmentTasks(parent)).as("the parent's own work stopped").isEmpty();
        for (Map<String, Object> c : children) {
            Map<String, Object> view = getJson(as(agent), "/api/cases/" + c.get("reference")).getBody();
            assertThat(view).containsEntry("parentReference", parent).containsEntry("address", "120 King St E, Lakeport");
            assertThat(view.get("resolveBy")).as("its own standard").isNotNull();
            assertThat(departmentTasks((String) c.get("reference"))).isNotEmpty();
        }

        finish(parent + "-3");
        finish(parent + "-1");
        assertThat(status(parent)).as("two of three parts done").isNotIn("resolved", "closed");
        assertThat(runtimeService.getActiveActivityIds(lifecycle)).containsExactly("Task_WaitForChildCases");

        finish(parent + "-2");

        Map<String, Object> done = getJson(as(agent), "/api/cases/" + parent).getBody();
        assertThat(done.get("status")).isEqualTo("closed");
        assertThat((String) done.get("resolution")).contains("Streetlight out: Done as asked.");
        for (int i = 1; i <= 3; i++) {
            assertThat(status(parent + "-" + i)).isEqualTo("closed");
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(parent).count()).isZero();

        // the resident: one reference, one public timeline with every part, no staff names, no notice from a child
        String page = http.getForEntity("/status/" + parent + "?key=" + links.key(parent), String.class).getBody();
        assertThat(page).contains("Streetlight out: ", "Sidewalk damage: ", "Your request needs 3 departments")
                .doesNotContain(SUPERVISOR, "it-split-agent", "Split Resident");
        String open311 = http.getForEntity("/open311/v2/requests/" + parent + ".json?extensions=true", String.class).getBody();
        assertThat(open311).contains("Assigned to Transportation", "Assigned to Roads").doesNotContain("Split Resident", SUPERVISOR);
        Long childNotices = jdbc.queryForObject("select count(*) from notification n join service_request r on r.id = n.case_id "
                + "where r.reference like ?", Long.class, parent + "-%");
        assertThat(childNotices).isZero();
        Long resolvedNotices = jdbc.queryForObject("select count(*) from notification n join service_request r on r.id = n.case_id "
                + "where r.reference = ? and n.dedupe_key like 'resolved:%'", Long.class, parent);
        assertThat(resolvedNotices).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void badAnswersStoreNothingAndOnlyTheHoldingSupervisorsMaySplit() {
        String parent = fallenTree();
        List<Map<String, Object>> parts = List.of(threeParts().get(0),
                child("sidewalk-damage", "", Map.of("damageType", "lava")), child("no-such-service", "x", Map.of()));

        ResponseEntity<Map<String, Object>> refused = postJson(as(SUPERVISOR), "/api/cases/" + parent + "/children", Map.of("children", parts));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("children[1].answers.damageType", "children[1].description",
                "children[2].serviceCode");
        assertThat(jdbc.queryForObject("select count(*) from service_request where reference like ?", Long.class, parent + "-%")).isZero();
        assertThat((List<?>) getJson(as(agent), "/api/cases/" + parent).getBody().get("children")).isEmpty();
        assertThat(runtimeService.getActiveActivityIds(lifecycleOf(parent))).containsExactly("Task_FulfilServiceRequest");
        assertThat(postJson(as(SUPERVISOR), "/api/cases/" + parent + "/children", Map.of("children", List.of())).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        assertThat(postJson(as("it-split-forestry"), "/api/cases/" + parent + "/children", Map.of("children", threeParts()))
                .getStatusCode()).as("staff who may read but not split").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(postJson(as("it-split-waste"), "/api/cases/" + parent + "/children", Map.of("children", threeParts()))
                .getStatusCode()).as("out of reach").isEqualTo(HttpStatus.NOT_FOUND);

        // a split case waits for its children: it is not cancelled itself, and not split twice
        assertThat(postJson(as(SUPERVISOR), "/api/cases/" + parent + "/children", Map.of("children", threeParts().subList(1, 2)))
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(postJson(as(SUPERVISOR), "/api/cases/" + parent + "/cancel", Map.of("reason", "x")).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(as(SUPERVISOR), "/api/cases/" + parent + "/children", Map.of("children", threeParts()))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

        // a cancelled child counts as finished: nothing more comes from that department, and the parent resolves
        user("it-split-transportation-supervisor", "transportation-supervisors");
        assertThat(postJson(as("it-split-transportation-supervisor"), "/api/cases/" + parent + "-1/cancel",
                Map.of("reason", "The utility owns the pole")).getStatusCode()).isEqualTo(HttpStatus.OK);
        Map<String, Object> done = getJson(as(agent), "/api/cases/" + parent).getBody();
        assertThat(done).containsEntry("status", "closed").containsEntry("resolution", "Streetlight out: cancelled");
    }

    private String lifecycleOf(String reference) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CaseService.LIFECYCLE_PROCESS).singleResult().getId();
    }

    private String status(String reference) {
        return (String) getJson(as(agent), "/api/cases/" + reference).getBody().get("status");
    }

    /** The child's department does its work: every task it gets, until the case has none left. */
    private void finish(String reference) {
        for (int round = 0; round < 6; round++) {
            List<Task> tasks = departmentTasks(reference);
            if (tasks.isEmpty()) {
                return;
            }
            Map<String, Object> variables = new HashMap<>(WORK);
            variables.put("plannedDate", new Date());
            tasks.forEach(t -> taskService.complete(t.getId(), variables));
        }
        throw new AssertionError(reference + " still has tasks");
    }
}
