package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;

/** Staff send a case to another department (the clock restarts or continues as the table says) or close it as a duplicate. */
class TransferAndDuplicateTest extends IntegrationTest {

    private String agent;

    @BeforeEach
    void users() {
        agent = user("it-agent", "contact-centre");
        user("it-roads", "roads");
        user("it-waste", "waste");
        // Transfers and duplicates are the department's supervisors' to make (the access policy).
        user(SUPERVISOR, "roads-supervisors");
    }

    static final String SUPERVISOR = "it-roads-supervisor";

    private String pothole(boolean hazard) {
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("pothole",
                Map.of("hazard", hazard, "size", "small", "locationOnRoad", "shoulder")));
        return (String) postJson(as(agent), "/api/cases", request).getBody().get("reference");
    }

    @Test
    void aMisroutedCaseMovesToTheOtherDepartmentWithAFreshStandard() {
        ClockUtil.setCurrentTime(Date.from(WaitingForCustomerClockTest.toronto("2026-11-23T10:00")));
        String reference = pothole(false);
        Task inspect = onlyDepartmentTask(reference);
        Instant firstDue = inspect.getDueDate().toInstant();
        assertThat(firstDue).as("the task is due when its case is").isEqualTo(WaitingForCustomerClockTest.toronto("2026-12-07T16:30"));
        postJson(as("it-roads"), "/engine-rest/task/" + inspect.getId() + "/claim", Map.of("userId", "it-roads"));

        ClockUtil.setCurrentTime(Date.from(WaitingForCustomerClockTest.toronto("2026-11-25T14:00")));
        Map<String, Object> moved = postJson(as(SUPERVISOR), "/api/cases/" + reference + "/transfer",
                Map.of("department", "waste", "reason", "It is a dumped mattress, not a pothole")).getBody();

        assertThat(moved).containsEntry("department", "waste").containsEntry("transfers", 1);
        Instant restarted = WaitingForCustomerClockTest.toronto("2026-12-09T16:30");
        assertThat(Instant.parse((String) moved.get("resolveBy"))).as("10 business days from Wednesday").isEqualTo(restarted);
        assertThat(moved.get("timeline").toString()).contains("Passed from Roads to Waste: It is a dumped mattress, not a pothole");

        Task task = onlyDepartmentTask(reference);
        assertThat(task.getAssignee()).isNull();
        assertThat(task.getDueDate().toInstant()).as("the open task follows the case's new date").isEqualTo(restarted);
        assertThat(task.getFollowUpDate().toInstant()).isAfter(WaitingForCustomerClockTest.toronto("2026-11-25T14:00")).isBefore(restarted);
        assertThat(taskService.getIdentityLinksForTask(task.getId())).extracting(IdentityLink::getGroupId).contains("waste").doesNotContain("roads");
        List<Map<String, Object>> seenByRoads = as("it-roads").exchange("/engine-rest/task?processInstanceBusinessKey=" + reference
                + "&maxResults=10", HttpMethod.GET, null, JSON_LIST).getBody();
        assertThat(seenByRoads).isEmpty();
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "departmentGroup")).isEqualTo("waste");

        String lifecycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CaseService.LIFECYCLE_PROCESS).singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(lifecycle).activityId("Event_ResolveByPassed").timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(restarted);
        assertThat(runtimeService.getVariable(lifecycle, "escalationGroup")).isEqualTo("waste-supervisors");
    }

    @Test
    void anUrgentCaseKeepsItsClockWhenTransferred() {
        String reference = pothole(true);
        Object before = getJson(as(agent), "/api/cases/" + reference).getBody().get("resolveBy");
        Map<String, Object> moved = postJson(as(SUPERVISOR), "/api/cases/" + reference + "/transfer",
                Map.of("department", "bylaw", "reason", "Damage from an illegal construction site")).getBody();
        assertThat(moved).containsEntry("department", "bylaw").containsEntry("resolveBy", before);
    }

    @Test
    void transfersToNowhereOrToTheSameDepartmentAreRefused() {
        String reference = pothole(false);
        assertThat(postJson(as(SUPERVISOR), "/api/cases/" + reference + "/transfer", Map.of("department", "moon-base", "reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(as(SUPERVISOR), "/api/cases/" + reference + "/transfer", Map.of("department", "roads", "reason", "x"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(as(SUPERVISOR), "/api/cases/" + reference + "/transfer", Map.of("department", "waste"))
                .getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("department", "roads").containsEntry("transfers", 0);
    }

    @Test
    void aDuplicateIsClosedAndLinkedToTheOriginal() {
        String original = pothole(false);
        String again = pothole(false);
        Map<String, Object> duplicate = postJson(as(SUPERVISOR), "/api/cases/" + again + "/duplicate", Map.of("duplicateOf", original)).getBody();

        assertThat(duplicate).containsEntry("status", "duplicate").containsEntry("open311Status", "closed").containsEntry("duplicateOf", original);
        assertThat(duplicate.get("timeline").toString()).contains("already reported as " + original);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(again).count()).isZero();
        Map<String, Object> first = getJson(as(agent), "/api/cases/" + original).getBody();
        assertThat(first).containsEntry("status", "submitted");
        assertThat(first.get("timeline").toString()).contains(again + " reported the same problem");

        assertThat(postJson(as(SUPERVISOR), "/api/cases/" + original + "/duplicate", Map.of("duplicateOf", original)).getStatusCode())
                .as("itself").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(as(SUPERVISOR), "/api/cases/" + original + "/duplicate", Map.of("duplicateOf", again)).getStatusCode())
                .as("of a closed case").isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postJson(as(SUPERVISOR), "/api/cases/" + original + "/duplicate", Map.of("duplicateOf", "SR-1999-000001")).getStatusCode())
                .as("of no case").isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
