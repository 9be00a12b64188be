package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** "This is not fixed": a resolved case goes back to the department through a fresh lifecycle, within the window. */
class ReopenCaseTest extends IntegrationTest {

    private String agent;

    @BeforeEach
    void users() {
        agent = user("ro-agent", "contact-centre");
    }

    @Test
    void aClosedCaseIsReopenedRoutedAgainAndWorkedAgain() {
        String reference = resolvedPotholeCase();
        ResponseEntity<Map<String, Object>> reopened = postJson(as(agent), "/api/cases/" + reference + "/reopen",
                Map.of("reason", "The hole is back"));

        assertThat(reopened.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reopened.getBody()).containsEntry("department", "roads").containsEntry("open311Status", "open");
        assertThat(reopened.getBody().get("resolvedAt")).isNull();
        assertThat(reopened.getBody().get("closedAt")).isNull();
        assertThat(reopened.getBody().get("status")).isIn("submitted", "acknowledged");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) reopened.getBody().get("timeline");
        assertThat(timeline).extracting(e -> e.get("type")).containsSubsequence("resolved", "closed", "reopened", "routed");
        assertThat(timeline).filteredOn(e -> "reopened".equals(e.get("type"))).extracting(e -> e.get("message"))
                .containsExactly("Reopened: The hole is back");
        assertThat(departmentTasks(reference)).hasSize(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(CaseService.LIFECYCLE_PROCESS)
                .processInstanceBusinessKey(reference).count()).isEqualTo(1);
    }

    @Test
    void anOpenCaseIsNotReopened() {
        String reference = open();
        ResponseEntity<Map<String, Object>> refused = postJson(as(agent), "/api/cases/" + reference + "/reopen", Map.of());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("still open");
    }

    @Test
    void aCaseResolvedLongAgoIsNotReopened() {
        String reference = resolvedPotholeCase();
        ClockUtil.setCurrentTime(Date.from(OFFICE_HOURS.plus(Duration.ofDays(31))));
        ResponseEntity<Map<String, Object>> refused = postJson(as(agent), "/api/cases/" + reference + "/reopen", Map.of());
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().toString()).contains("open a new request");
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "closed");
    }

    private String open() {
        return (String) postJson(as(agent), "/api/cases", Map.of("serviceCode", "pothole", "channel", "phone",
                "address", "1 Main St", "answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "driving-lane")))
                .getBody().get("reference");
    }

    private String resolvedPotholeCase() {
        String reference = open();
        List<Map<String, Object>> completions = List.of(
                Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "20 cm wide"),
                Map.of("crew", "east-yard", "plannedDate", "2026-12-01"),
                Map.of("repairMethod", "cold-patch", "resolutionNote", "Patched."));
        for (Map<String, Object> variables : completions) {
            Task task = onlyDepartmentTask(reference);
            taskService.complete(task.getId(), variables);
        }
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "closed");
        return reference;
    }
}
