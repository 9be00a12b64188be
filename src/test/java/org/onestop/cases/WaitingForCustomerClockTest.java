package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;

/** "Waiting for customer" stops the clock: resuming moves the due date, and the escalation timer, by the time waited. */
class WaitingForCustomerClockTest extends IntegrationTest {

    static Instant toronto(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("America/Toronto")).toInstant();
    }

    @Test
    void threeBusinessDaysOfWaitingMoveTheDueDateByThreeBusinessDays() {
        String agent = user("it-agent", "contact-centre");
        String bylaw = user("it-bylaw", "bylaw");

        // Monday 23 November 2026, 10:00: a normal noise complaint, resolve within 10 business days.
        ClockUtil.setCurrentTime(Date.from(toronto("2026-11-23T10:00")));
        Map<String, Object> request = new HashMap<>(CaseIntakeToClosureTest.baseRequest("noise-complaint",
                Map.of("noiseSource", "other", "ongoing", false, "recurring", false)));
        Map<String, Object> created = postJson(as(agent), "/api/cases", request).getBody();
        String reference = (String) created.get("reference");
        assertThat(Instant.parse((String) created.get("resolveBy"))).isEqualTo(toronto("2026-12-07T16:30"));

        // 11:00: the officer needs more information from the complainant.
        ClockUtil.setCurrentTime(Date.from(toronto("2026-11-23T11:00")));
        complete(bylaw, onlyDepartmentTask(reference), Map.of("nextStep", "need-more-information",
                "informationNeeded", "Which unit the noise comes from"));
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "waiting_for_customer");

        // Thursday 11:00, three business days later, the complainant answers.
        ClockUtil.setCurrentTime(Date.from(toronto("2026-11-26T11:00")));
        complete(bylaw, onlyDepartmentTask(reference), Map.of("informationReceived", "Unit 4, a music studio"));

        Map<String, Object> resumed = getJson(as(agent), "/api/cases/" + reference).getBody();
        assertThat(resumed).containsEntry("status", "in_progress");
        Instant moved = toronto("2026-12-10T16:30");
        assertThat(Instant.parse((String) resumed.get("resolveBy"))).isEqualTo(moved);
        assertThat(onlyDepartmentTask(reference).getDueDate().toInstant()).isEqualTo(moved);
        assertThat(resumed.get("timeline").toString()).contains("The clock stops until we hear from you", "The clock restarted");

        String lifecycle = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CaseService.LIFECYCLE_PROCESS).singleResult().getId();
        Job timer = managementService.createJobQuery().processInstanceId(lifecycle).activityId("Event_ResolveByPassed").timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(moved);
        assertThat(((Date) runtimeService.getVariable(lifecycle, "resolveBy")).toInstant()).isEqualTo(moved);
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        Map<String, Object> rest = new HashMap<>();
        variables.forEach((k, v) -> rest.put(k, Map.of("value", v)));
        postJson(as(user), "/engine-rest/task/" + task.getId() + "/claim", Map.of("userId", user));
        postJson(as(user), "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", rest));
    }
}
