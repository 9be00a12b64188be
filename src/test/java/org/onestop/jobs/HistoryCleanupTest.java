package org.onestop.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Engine history does not pile up: the engine's own history cleanup, as application.yaml configures it, deletes a
 * closed case's engine history (its lifecycle and service process, their activities, its tasks and the rights to
 * read their history) once the models' historyTimeToLive (P180D) has passed since the case closed, and not before.
 * OneStop's own record of the case, with its timeline, stays. On a fixed clock: the cleanup job runs by hand.
 */
class HistoryCleanupTest extends IntegrationTest {

    static final Duration TIME_TO_LIVE = Duration.ofDays(180);

    @Autowired
    HistoryService historyService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aClosedCasesEngineHistoryGoesOnceItsTimeToLiveHasPassedAndNotBefore() {
        String agent = user("it-cleanup-agent", "contact-centre");
        String roads = user("it-cleanup-roads", "roads");
        String reference = closedPotholeCase(agent, roads);

        List<HistoricProcessInstance> instances = historyService.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(reference).list();
        assertThat(instances).as("the lifecycle and the pothole process").hasSize(2);
        Instant closedAt = instances.stream().map(i -> i.getEndTime().toInstant()).max(Instant::compareTo).orElseThrow();
        assertThat(instances).allSatisfy(i -> assertThat(i.getRemovalTime()).isEqualTo(Date.from(closedAt.plus(TIME_TO_LIVE))));
        List<String> tasks = historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(reference).list()
                .stream().map(HistoricTaskInstance::getId).toList();
        assertThat(tasks).as("inspect, schedule, repair").hasSize(3);
        assertThat(engineHistory(instances, tasks)).as("activities, tasks and the rights to read their history")
                .allSatisfy((kind, rows) -> assertThat(rows).as(kind).isPositive());

        // a day before its time, the cleanup leaves it alone
        ClockUtil.setCurrentTime(Date.from(closedAt.plus(TIME_TO_LIVE).minus(Duration.ofDays(1))));
        runHistoryCleanup();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isEqualTo(2);

        // a day after, it is gone, all of it
        ClockUtil.setCurrentTime(Date.from(closedAt.plus(TIME_TO_LIVE).plus(Duration.ofDays(1))));
        runHistoryCleanup();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(reference).count()).isZero();
        assertThat(engineHistory(instances, tasks)).allSatisfy((kind, rows) -> assertThat(rows).as(kind).isZero());

        // OneStop's own record of the case stays
        assertThat(jdbc.queryForObject("SELECT status FROM service_request WHERE reference = ?", String.class, reference))
                .isEqualTo("CLOSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM case_event e JOIN service_request r ON r.id = e.case_id"
                + " WHERE r.reference = ?", Long.class, reference)).isGreaterThanOrEqualTo(6);
    }

    /** Opened by the agent through the API, worked by the department in its three tasks, closed. */
    private String closedPotholeCase(String agent, String roads) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("serviceCode", "pothole");
        request.put("channel", "phone");
        request.put("address", "120 King St E, Lakeport");
        request.put("answers", Map.of("hazard", false, "size", "small", "locationOnRoad", "shoulder"));
        ResponseEntity<Map<String, Object>> opened = postJson(as(agent), "/api/cases", request);
        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String reference = (String) opened.getBody().get("reference");
        for (Map<String, Object> form : List.<Map<String, Object>>of(
                Map.of("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "20 cm wide"),
                Map.of("crew", "east-yard", "plannedDate", "2026-12-01"),
                Map.of("repairMethod", "cold-patch", "resolutionNote", "Patched."))) {
            Task task = onlyDepartmentTask(reference);
            taskService.claim(task.getId(), roads);
            taskService.complete(task.getId(), form);
        }
        assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "closed");
        return reference;
    }

    private Map<String, Long> engineHistory(List<HistoricProcessInstance> instances, List<String> tasks) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (HistoricProcessInstance instance : instances) {
            rows.put("activities of " + instance.getProcessDefinitionKey(),
                    historyService.createHistoricActivityInstanceQuery().processInstanceId(instance.getId()).count());
        }
        rows.put("tasks", tasks.stream().mapToLong(id -> historyService.createHistoricTaskInstanceQuery().taskId(id).count()).sum());
        rows.put("rights to read the tasks' history", tasks.stream().mapToLong(id -> authorizationService.createAuthorizationQuery()
                .resourceType(Resources.HISTORIC_TASK).resourceId(id).count()).sum());
        return rows;
    }

    /** What the job executor does in the nightly window: the cleanup job runs until nothing due is left. */
    private void runHistoryCleanup() {
        historyService.cleanUpHistoryAsync(true);
        for (int run = 0; run < 100; run++) {
            Job due = historyService.findHistoryCleanupJobs().stream()
                    .filter(job -> !job.getDuedate().after(ClockUtil.getCurrentTime())).findFirst().orElse(null);
            if (due == null) {
                return;
            }
            managementService.executeJob(due.getId());
        }
        throw new AssertionError("the history cleanup was still due after 100 runs");
    }
}
