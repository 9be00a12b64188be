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
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.onestop.notifications.Outbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;

/** The resolve-by timer: a case past its date raises a review for the supervisors while the department works on. */
class ServiceStandardEscalationTest extends IntegrationTest {

    @Autowired
    Outbox outbox;
    @Autowired
    ServiceRequests requests;

    @Test
    void aCasePastItsResolveByDateIsEscalatedToTheSupervisorsWhileTheDepartmentTaskStaysOpen() {
        String agent = user("it-agent", "contact-centre");
        String supervisor = user("it-roads-supervisor", "roads-supervisors");
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("pothole",
                Map.of("hazard", false, "size", "medium", "locationOnRoad", "shoulder")));
        Map<String, Object> created = postJson(as(agent), "/api/cases", request).getBody();
        String reference = (String) created.get("reference");
        Instant resolveBy = Instant.parse((String) created.get("resolveBy"));
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CaseService.LIFECYCLE_PROCESS).singleResult().getId();

        // The timer is set to the case's resolve-by date, computed once at routing.
        Job timer = managementService.createJobQuery().processInstanceId(processInstanceId).activityId("Event_ResolveByPassed").timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(resolveBy);
        assertThat(getJson(as(agent), "/api/cases?overdue=true&service=pothole&size=200").getBody().toString()).doesNotContain(reference);

        ClockUtil.setCurrentTime(Date.from(resolveBy.plusSeconds(60)));
        managementService.executeJob(timer.getId());

        Task review = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey("Task_ReviewOverdueCase").singleResult();
        assertThat(review).isNotNull();
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId).containsExactly("roads-supervisors");
        assertThat(onlyDepartmentTask(reference).getTaskDefinitionKey()).isEqualTo("Task_InspectPothole");

        Map<String, Object> escalated = getJson(as(agent), "/api/cases/" + reference).getBody();
        assertThat(escalated).containsEntry("escalated", true).containsEntry("overdue", true).containsEntry("status", "submitted");
        assertThat(escalated.get("timeline").toString()).contains("escalated to roads-supervisors");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> overdue = (List<Map<String, Object>>) getJson(as(agent), "/api/cases?overdue=true&service=pothole&size=200")
                .getBody().get("cases");
        assertThat(overdue).extracting(c -> c.get("reference")).contains(reference);

        // The supervisor sees and works the review through the REST API as themself.
        assertThat(postJson(as(supervisor), "/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", supervisor))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(postJson(as(supervisor), "/engine-rest/task/" + review.getId() + "/complete", Map.of("variables",
                Map.of("escalationAction", Map.of("value", "reminded-department"), "escalationNote", Map.of("value", "Crew booked for tomorrow")))).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(onlyDepartmentTask(reference).getTaskDefinitionKey()).isEqualTo("Task_InspectPothole");
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "submitted");
    }

    @Test
    void theDepartmentIsRemindedADayBeforeAndTheHeadIsToldFiveBusinessDaysAfter() {
        String agent = user("it-agent", "contact-centre");
        user("it-roads-head", "roads-head");
        Map<String, Object> created = postJson(as(agent), "/api/cases", new HashMap<>(CaseIntakeToClosureTest.baseRequest("pothole",
                Map.of("hazard", false, "size", "medium", "locationOnRoad", "shoulder")))).getBody();
        String reference = (String) created.get("reference");
        // Opened Tuesday 24 November, 10:00, normal priority: resolve within 10 business days.
        assertThat(Instant.parse((String) created.get("resolveBy"))).isEqualTo(WaitingForCustomerClockTest.toronto("2026-12-08T16:30"));
        String lifecycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CaseService.LIFECYCLE_PROCESS).singleResult().getId();

        // Someone from Roads has the inspection on their list, with an e-mail address.
        String inspector = user("it-roads-inspector", "roads");
        User u = identityService.createUserQuery().userId(inspector).singleResult();
        u.setEmail("inspector@lakeport.example");
        identityService.saveUser(u);
        taskService.claim(onlyDepartmentTask(reference).getId(), inspector);

        Job reminder = managementService.createJobQuery().processInstanceId(lifecycle).activityId("Event_ReminderDue").singleResult();
        assertThat(reminder.getDuedate().toInstant()).as("a business day before").isEqualTo(WaitingForCustomerClockTest.toronto("2026-12-07T16:30"));
        ClockUtil.setCurrentTime(reminder.getDuedate());
        managementService.executeJob(reminder.getId());
        assertThat(onlyDepartmentTask(reference).getPriority()).isEqualTo(80);
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody().get("timeline").toString()).contains("Reminder: due by");
        assertThat(outbox.forCase(requests.findByReference(reference).orElseThrow().getId()))
                .extracting(n -> n.getRecipient() + " " + n.getSubject())
                .containsExactly("inspector@lakeport.example Reminder: " + reference + " is due by Tuesday, December 8, 2026 at 4:30 p.m.");

        Job head = managementService.createJobQuery().processInstanceId(lifecycle).activityId("Event_StillOpenAfterEscalation").singleResult();
        assertThat(head.getDuedate().toInstant()).as("five business days after").isEqualTo(WaitingForCustomerClockTest.toronto("2026-12-15T16:30"));
        ClockUtil.setCurrentTime(head.getDuedate());
        managementService.executeJob(head.getId());
        Task review = taskService.createTaskQuery().processInstanceId(lifecycle).taskDefinitionKey("Task_ReviewLongOverdueCase").singleResult();
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId).containsExactly("roads-head");
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody().get("timeline").toString())
                .contains("escalated to the head of Roads");
        assertThat(onlyDepartmentTask(reference).getTaskDefinitionKey()).isEqualTo("Task_InspectPothole");
    }
}
