package org.onestop.migration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a process owner does after deploying a new version of the pothole process with an added task ("Check repair",
 * test resource {@code migration/pothole.bpmn}) while pothole cases run on the old one: sees the counts, reads the
 * plan, tries it on one case, moves the rest as a batch and watches it finish; then one moved case goes through the
 * new task to closed. The cases keep their standard and due dates. The test's deployment is deleted at the end, so the
 * bundled pothole process is the latest again for the other tests.
 */
class RunningCaseMigrationTest extends IntegrationTest {

    static final String API = "/api/models/services/pothole/migrations";

    @Autowired
    RepositoryService repositoryService;

    @Test
    @SuppressWarnings("unchecked")
    void anOwnerMovesRunningPotholeCasesToTheNewVersionAndOneClosesThroughItsNewTask() {
        String agent = user("it-mig-agent", "contact-centre");
        String roads = user("it-mig-roads", "roads");
        String supervisor = user("it-mig-roads-sup", "roads-supervisors");
        String owner = user("it-mig-owner", "process-owners");
        List<String> cases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(open(agent));
        }
        Map<String, Object> before = getJson(as(agent), "/api/cases/" + cases.get(1)).getBody();
        Date resolveByTimer = resolveByTimer(cases.get(1));
        ProcessDefinition old = repositoryService.createProcessDefinitionQuery().processDefinitionKey("PotholeRepairProcess")
                .latestVersion().singleResult();

        Deployment deployment = repositoryService.createDeployment().name("pothole with a check (migration test)")
                .addClasspathResource(MigrationTesting.POTHOLE_WITH_CHECK).deploy();
        try {
            ProcessDefinition v2 = repositoryService.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
            assertThat(v2.getVersion()).isEqualTo(old.getVersion() + 1);

            // Counts: the old version has our three (and whatever other tests left running), the new one none.
            Map<String, Object> versions = getJson(as(owner), API).getBody();
            Map<String, Object> service = map(versions.get("service"));
            assertThat(map(service.get("latest"))).containsEntry("version", v2.getVersion()).containsEntry("runningCases", 0);
            Map<String, Object> oldVersion = list(service.get("older")).stream()
                    .filter(v -> v.get("version").equals(old.getVersion())).findFirst().orElseThrow();
            assertThat(((Number) oldVersion.get("runningCases")).intValue()).isGreaterThanOrEqualTo(3);

            // Nobody else: an agent is refused.
            assertThat(getJson(as(agent), API).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

            // The plan: every step mapped by id, "Check repair" new, nothing unmappable (the cases wait at "Inspect pothole").
            Map<String, Object> plan = getJson(as(owner), API + "/plan?fromVersion=" + old.getVersion()).getBody();
            assertThat(plan).containsEntry("valid", true);
            assertThat(list(plan.get("mapped"))).extracting(m -> m.get("sourceId"))
                    .containsSubsequence("Task_InspectPothole", "Task_ScheduleRepair", "Task_RepairPothole");
            assertThat(list(plan.get("mapped"))).filteredOn(m -> m.get("sourceId").equals("Task_InspectPothole"))
                    .extracting(m -> ((Number) m.get("runningCases")).intValue()).allMatch(n -> n >= 3);
            assertThat(list(plan.get("unmapped"))).isEmpty();
            assertThat((List<Object>) plan.get("newInTarget")).contains("Check repair");

            // Bad input: 400 or 404 problems, nothing moved.
            assertThat(getJson(as(owner), API + "/plan?fromVersion=" + v2.getVersion()).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(getJson(as(owner), API + "/plan?fromVersion=9999").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(getJson(as(owner), API + "/plan?fromVersion=x").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(getJson(as(owner), "/api/models/services/no-such-service/migrations").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            ResponseEntity<Map<String, Object>> unknownCase = postJson(as(owner), API + "/try",
                    Map.of("fromVersion", old.getVersion(), "reference", "SR-1999-000001"));
            assertThat(unknownCase.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            ResponseEntity<Map<String, Object>> badReference = postJson(as(owner), API + "/try",
                    Map.of("fromVersion", old.getVersion(), "reference", "<script>"));
            assertThat(badReference.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(badReference.getBody().toString()).contains("reference");

            // Try on one case: it moves at once, its task with it.
            ResponseEntity<Map<String, Object>> tried = postJson(as(owner), API + "/try",
                    Map.of("fromVersion", old.getVersion(), "reference", cases.get(0)));
            assertThat(tried.getStatusCode()).as("%s", tried.getBody()).isEqualTo(HttpStatus.CREATED);
            assertThat(tried.getBody()).containsEntry("caseReference", cases.get(0)).containsEntry("startedBy", owner);
            assertThat(onlyDepartmentTask(cases.get(0)).getProcessDefinitionId()).isEqualTo(v2.getId());
            assertThat(onlyDepartmentTask(cases.get(1)).getProcessDefinitionId()).isEqualTo(old.getId());

            // Move all: a batch, run here by executing its jobs (the tests' job executor is off).
            ResponseEntity<Map<String, Object>> moving = postJson(as(owner), API, Map.of("fromVersion", old.getVersion()));
            assertThat(moving.getStatusCode()).as("%s", moving.getBody()).isEqualTo(HttpStatus.ACCEPTED);
            assertThat(moving.getBody()).containsEntry("finished", false);
            Map<String, Object> migration = map(moving.getBody().get("migration"));
            assertThat(migration).containsEntry("startedBy", owner);
            String batchId = (String) migration.get("batchId");
            long id = ((Number) migration.get("id")).longValue();
            // While it runs, the plan says so and a second move of the same version is refused.
            assertThat(getJson(as(owner), API + "/plan?fromVersion=" + old.getVersion()).getBody()).containsEntry("underWay", true);
            assertThat(postJson(as(owner), API, Map.of("fromVersion", old.getVersion())).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            MigrationTesting.runBatch(managementService, batchId);
            Map<String, Object> done = getJson(as(owner), API + "/" + id).getBody();
            assertThat(done).containsEntry("finished", true);
            for (String reference : cases) {
                assertThat(onlyDepartmentTask(reference).getProcessDefinitionId()).as(reference).isEqualTo(v2.getId());
            }
            Map<String, Object> after = getJson(as(owner), API).getBody();
            assertThat(list(map(after.get("service")).get("older"))).noneMatch(v -> v.get("version").equals(old.getVersion()));
            assertThat(list(after.get("migrations"))).extracting(p -> map(p.get("migration")).get("startedBy")).contains(owner);

            // The case keeps its standard: the same due dates in the case and in the lifecycle's timer.
            Map<String, Object> moved = getJson(as(agent), "/api/cases/" + cases.get(1)).getBody();
            for (String field : List.of("priority", "acknowledgeBy", "resolveBy", "department")) {
                assertThat(moved.get(field)).as(field).isEqualTo(before.get(field));
            }
            assertThat(resolveByTimer(cases.get(1))).isEqualTo(resolveByTimer).isNotNull();

            // Nothing left to move: a second move is refused.
            assertThat(postJson(as(owner), API, Map.of("fromVersion", old.getVersion())).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

            // One moved case through the new task to closed.
            String reference = cases.get(1);
            complete(roads, reference, "Task_InspectPothole", Map.of("roadAuthority", "city", "repairNeeded", true,
                    "inspectionNotes", "30 cm wide"));
            complete(roads, reference, "Task_ScheduleRepair", Map.of("crew", "east-yard", "plannedDate", "2026-12-01"));
            complete(roads, reference, "Task_RepairPothole", Map.of("repairMethod", "hot-mix", "resolutionNote", "Filled."));
            complete(roads, reference, "Task_CheckRepair", Map.of("repairMethod", "hot-mix", "resolutionNote",
                    "Filled with hot-mix asphalt and checked."));
            Map<String, Object> closed = getJson(as(agent), "/api/cases/" + reference).getBody();
            assertThat(closed).containsEntry("status", "closed").containsEntry("resolution", "Filled with hot-mix asphalt and checked.");
        } finally {
            for (String reference : cases) {
                postJson(as(supervisor), "/api/cases/" + reference + "/cancel", Map.of("reason", "migration test over"));
            }
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("PotholeRepairProcess")
                .latestVersion().singleResult().getId()).isEqualTo(old.getId());
    }

    private Date resolveByTimer(String reference) {
        String lifecycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("CaseLifecycleProcess").singleResult().getId();
        return managementService.createJobQuery().processInstanceId(lifecycle).activityId("Event_ResolveByPassed")
                .singleResult().getDuedate();
    }

    private void complete(String user, String reference, String taskKey, Map<String, Object> variables) {
        Task task = onlyDepartmentTask(reference);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(taskKey);
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), variables);
    }

    private String open(String agent) {
        ResponseEntity<Map<String, Object>> response = postJson(as(agent), "/api/cases", MigrationTesting.potholeRequest());
        assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.CREATED);
        return (String) response.getBody().get("reference");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        return (List<Map<String, Object>>) o;
    }
}
