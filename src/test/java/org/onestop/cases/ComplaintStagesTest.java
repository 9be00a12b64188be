package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

/** A formal complaint: the department answers (stage 1); a resident who is not satisfied gets a stage 2 review with its own clock. */
class ComplaintStagesTest extends IntegrationTest {

    @Test
    void aResidentWhoIsNotSatisfiedGetsAStage2ReviewByAnotherGroupWithItsOwnClock() {
        String agent = user("it-agent", "contact-centre");
        String roads = user("it-roads", "roads");
        String service = user("it-311", "customer-service");
        String reviewer = user("it-reviewer", "complaints-review");
        Map<String, Object> request = new HashMap<>(Map.of("serviceCode", "complaint", "channel", "email",
                "answers", Map.of("aboutDepartment", "roads", "whatHappened", "The plow blocked my driveway three times.")));
        Map<String, Object> created = postJson(as(agent), "/api/cases", request).getBody();
        String reference = (String) created.get("reference");
        assertThat(created).containsEntry("department", "roads");

        complete(roads, onlyDepartmentTask(reference), Map.of("findings", "Operator followed the route",
                "resolutionNote", "We reminded the operator to leave driveway ends clear."));
        Task ask = onlyDepartmentTask(reference);
        assertThat(taskService.getIdentityLinksForTask(ask.getId())).extracting(IdentityLink::getGroupId).contains("customer-service");
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "waiting_for_customer");

        // Two days later the resident says they are not satisfied: stage 2 starts with 20 business days.
        Instant later = OFFICE_HOURS.plusSeconds(2 * 24 * 3600);
        ClockUtil.setCurrentTime(Date.from(later));
        complete(service, ask, Map.of("satisfied", false, "residentComments", "It happened again today."));

        Task review = onlyDepartmentTask(reference);
        assertThat(review.getTaskDefinitionKey()).isEqualTo("Task_ReviewComplaint");
        assertThat(taskService.getIdentityLinksForTask(review.getId())).extracting(IdentityLink::getGroupId)
                .contains("complaints-review").doesNotContain("roads");
        Map<String, Object> stage2 = getJson(as(agent), "/api/cases/" + reference).getBody();
        Instant stage2Due = WaitingForCustomerClockTest.toronto("2026-12-24T16:30");
        assertThat(Instant.parse((String) stage2.get("resolveBy"))).as("20 business days from Thursday 26 November").isEqualTo(stage2Due);
        assertThat(stage2.get("timeline").toString()).contains("Stage 2 review started");
        Job stageTimer = managementService.createJobQuery().processInstanceId(review.getProcessInstanceId()).timers().singleResult();
        assertThat(stageTimer.getDuedate().toInstant()).isEqualTo(stage2Due);
        String lifecycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CaseService.LIFECYCLE_PROCESS).singleResult().getId();
        assertThat(managementService.createJobQuery().processInstanceId(lifecycle).activityId("Event_ResolveByPassed").timers().singleResult().getDuedate().toInstant())
                .isEqualTo(stage2Due);

        complete(reviewer, review, Map.of("reviewFindings", "Route changed", "resolutionNote", "Your street is now plowed last, after the driveways."));
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "closed")
                .containsEntry("resolution", "Your street is now plowed last, after the driveways.");
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        Map<String, Object> rest = new HashMap<>();
        variables.forEach((k, v) -> rest.put(k, Map.of("value", v)));
        postJson(as(user), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        postJson(as(user), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest));
    }
}
