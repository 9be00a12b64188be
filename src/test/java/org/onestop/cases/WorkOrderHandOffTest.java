package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.testing.FormSession;
import org.onestop.testing.ReferenceWorker;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pothole process hands the scheduled repair to the work-order system (external task, topic {@code work-orders}):
 * the reference worker, logged in as a member of {@code integrations}, fetches it with the place and the crew (no
 * person), completes it with the work order's number, which the case's timeline then shows (API and staff page); a
 * worker that gives up leaves an incident. Only the integrations group's workers get the task.
 */
class WorkOrderHandOffTest extends IntegrationTest {

    static final List<String> VARIABLES = List.of("caseId", "reference", "serviceCode", "address", "latitude", "longitude", "ward",
            "crew", "plannedDate", "hazard", "size", "locationOnRoad", "inspectionNotes");

    @Autowired
    ExternalTaskService externalTasks;

    private ReferenceWorker worker;

    @Autowired
    WorkOrderDelegates.BackOffice backOffice;

    /** This class's potholes, cancelled after each test so that none waits on the topic for the other tests. */
    private final List<String> opened = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void disconnect() {
        backOffice.connect("work-orders", false);
        for (String reference : opened) {
            postJson(as("wo-supervisor"), "/api/cases/" + reference + "/cancel", Map.of("reason", "work-order test over"));
        }
    }

    @Test
    void aCaseWaitingOnItsWorkOrderCanBeCancelledAndRecordsNone() {
        String reference = scheduledPothole();

        var cancelled = postJson(as("wo-supervisor"), "/api/cases/" + reference + "/cancel", Map.of("reason", "Resident fixed it"));

        assertThat(cancelled.getStatusCode().is2xxSuccessful()).as(String.valueOf(cancelled.getBody())).isTrue();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        assertThat(externalTasks.createExternalTaskQuery().topicName("work-orders").list())
                .noneMatch(t -> reference.equals(t.getBusinessKey()));
        assertThat(entries(getJson(as("wo-roads"), "/api/cases/" + reference).getBody()))
                .noneMatch(e -> String.valueOf(e.get("type")).startsWith("work_order"));
    }

    @BeforeEach
    void users() {
        // the work-order system's worker runs (onestop.integrations.topics) while this class's tests do
        backOffice.connect("work-orders", true);
        user("wo-agent", "contact-centre");
        user("wo-roads", "roads");
        user("wo-supervisor", "roads-supervisors");
        user("wo-worker", "integrations");
        worker = new ReferenceWorker(http.getRootUri(), "wo-worker", PASSWORD, "cityworks-" + System.nanoTime());
    }

    @Test
    void theReferenceWorkerCompletesTheWorkOrderAndItsNumberIsOnTheTimeline() throws Exception {
        // given a pothole inspected and scheduled
        String reference = scheduledPothole();

        // when a staff member's credentials try the topic, nothing comes (no right on the process's instances)
        assertThat(new ReferenceWorker(http.getRootUri(), "wo-roads", PASSWORD, "not-a-worker").fetchAndLock("work-orders", 50, VARIABLES))
                .noneMatch(t -> reference.equals(t.businessKey()));

        // when the work-order system's worker fetches the topic
        ReferenceWorker.Locked order = lockedFor(reference);

        // then it has the place, the crew and the answers, and no person
        assertThat(order.processDefinitionKey()).isEqualTo("PotholeRepairProcess");
        assertThat(order.variables()).containsEntry("reference", reference).containsEntry("serviceCode", "pothole")
                .containsEntry("crew", "north-yard").containsEntry("plannedDate", "2026-11-30").containsEntry("size", "medium")
                .containsKeys("caseId", "address", "latitude", "longitude", "ward");
        assertThat(String.valueOf(order.variables().get("address"))).contains("King St");
        assertThat(order.variables().toString()).doesNotContain("Work Order Resident", "wo-resident@example.org");

        // when it completes the task with the work order's number
        assertThat(worker.complete(order.id(), Map.of("workOrderNumber", "WO-2026-0815", "workOrderStatus", "scheduled"))).isEqualTo(204);

        // then the timeline has it (internal: staff see it, the resident does not), and the crew's task follows
        Map<String, Object> kase = getJson(as("wo-roads"), "/api/cases/" + reference).getBody();
        assertThat(entries(kase)).anySatisfy(e -> assertThat(e).containsEntry("type", "work_order_created")
                .containsEntry("visibility", "internal").containsEntry("actor", "wo-worker")
                .containsEntry("message", "Work order WO-2026-0815: scheduled"));
        assertThat(onlyDepartmentTask(reference).getTaskDefinitionKey()).isEqualTo("Task_RepairPothole");
        assertThat(FormSession.loggedIn(http.getRootUri(), "wo-roads", PASSWORD).get("/cases/" + reference).body())
                .contains("Work order WO-2026-0815: scheduled");
        assertThat(http.getForEntity("/status/" + reference, String.class).getBody()).doesNotContain("WO-2026-0815");

        // and the worker reads nothing else: no case through the staff API, no lifecycle in the engine
        assertThat(getJson(as("wo-worker"), "/api/cases/" + reference).getStatusCode().value()).isEqualTo(404);
        assertThat(getJson(as("wo-worker"), "/engine-rest/process-instance/count?processDefinitionKey=CaseLifecycleProcess").getBody())
                .containsEntry("count", 0);
    }

    @Test
    void aWorkerThatGivesUpLeavesAnIncidentForTheSupervisors() {
        // given
        String reference = scheduledPothole();
        ReferenceWorker.Locked order = lockedFor(reference);

        // when the work-order system is down and the worker has no retries left
        assertThat(worker.failure(order.id(), "Cityworks answered 503 Service Unavailable", 0, 0)).isEqualTo(204);

        // then an incident on the pothole's process (Cockpit shows it to supervisors), and no work order on the case
        ProcessInstance pothole = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey("PotholeRepairProcess").singleResult();
        List<Incident> incidents = runtimeService.createIncidentQuery().processInstanceId(pothole.getId()).list();
        assertThat(incidents).singleElement().satisfies(i -> {
            assertThat(i.getIncidentType()).isEqualTo("failedExternalTask");
            assertThat(i.getActivityId()).isEqualTo("Task_CreateWorkOrder");
            assertThat(i.getIncidentMessage()).isEqualTo("Cityworks answered 503 Service Unavailable");
        });
        assertThat(entries(getJson(as("wo-roads"), "/api/cases/" + reference).getBody()))
                .noneMatch(e -> String.valueOf(e.get("type")).startsWith("work_order"));
    }

    @Test
    void aCompletionWithoutANumberIsRefusedAndTheTaskStays() {
        String reference = scheduledPothole();
        ReferenceWorker.Locked order = lockedFor(reference);

        assertThat(worker.complete(order.id(), Map.of("workOrderStatus", "scheduled"))).isBetween(400, 599);

        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .activityIdIn("Task_CreateWorkOrder").count()).isEqualTo(1);
    }

    private ReferenceWorker.Locked lockedFor(String reference) {
        List<ReferenceWorker.Locked> locked = worker.fetchAndLock("work-orders", 50, VARIABLES);
        // Other tests' potholes may wait on the topic too: this worker lets them go again at once.
        locked.stream().filter(t -> !reference.equals(t.businessKey())).forEach(t -> externalTaskUnlock(t.id()));
        return locked.stream().filter(t -> reference.equals(t.businessKey())).findFirst()
                .orElseThrow(() -> new AssertionError("no work order for " + reference + " among " + locked));
    }

    private void externalTaskUnlock(String id) {
        externalTasks.unlock(id);
    }

    private String scheduledPothole() {
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "pothole", "channel", "phone",
                "description", "Deep hole by the bus stop", "address", "120 King St E, Lakeport",
                "answers", Map.of("hazard", false, "size", "medium", "locationOnRoad", "driving-lane")));
        request.put("customer", Map.of("name", "Work Order Resident", "email", "wo-resident@example.org"));
        var created = postJson(as("wo-agent"), "/api/cases", request);
        assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
        String reference = (String) created.getBody().get("reference");
        opened.add(reference);
        complete(onlyDepartmentTask(reference), Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "30 cm wide"));
        complete(onlyDepartmentTask(reference), Map.of("crew", "north-yard", "plannedDate", "2026-11-30"));
        assertThat(departmentTasks(reference)).isEmpty();
        return reference;
    }

    private void complete(Task task, Map<String, Object> variables) {
        Map<String, Object> rest = new LinkedHashMap<>();
        variables.forEach((name, value) -> rest.put(name, Map.of("value", value)));
        assertThat(postJson(as("wo-roads"), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", "wo-roads"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(postJson(as("wo-roads"), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest))
                .getStatusCode().value()).isIn(200, 204);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Map<String, Object> view) {
        return (List<Map<String, Object>>) view.get("timeline");
    }
}
