package org.onestop.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.onestop.cases.WaitingForCustomerClockTest.toronto;

import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.onestop.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Running cases finish on the lifecycle version they started with. A case whose lifecycle is on the previous version
 * of {@code bpmn/case-lifecycle.bpmn} (test resource {@code previous-lifecycle/}: before the escalation policy and the
 * after-hours routing were decided in the diagram, when the routing tables still named the escalation group and all
 * services shared one standards table, deployed with it here as databases from before have it) goes on
 * with this code: its clock stops and restarts with the same escalation times as a case on the current version, its
 * timers raise the reminder and the reviews for the supervisors and the department head, and it is resolved and closed.
 */
class PreviousLifecycleVersionTest extends IntegrationTest {

    /** What the previous version did not have: its cases never set these. */
    static final List<String> NEW_VARIABLES = List.of("officeOpen", "routeToOnCall", "remindBefore", "secondEscalationAfter");
    static final List<String> CLOCK_VARIABLES = List.of("resolveBy", "remindAt", "secondEscalationAt", "departmentHeadGroup", "escalationGroup");

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    HistoryService historyService;

    @Test
    void aCaseOnThePreviousLifecycleVersionFinishesOnIt() {
        String agent = user("it-agent", "contact-centre");
        String bylaw = user("it-bylaw", "bylaw");
        // Monday 23 November 2026, 10:00: two normal noise complaints, resolve within 10 business days.
        ClockUtil.setCurrentTime(Date.from(toronto("2026-11-23T10:00")));
        String previousCase = openNoiseComplaint(agent);
        String currentCase = openNoiseComplaint(agent);
        String lifecycle = lifecycleOf(previousCase).getId();

        Deployment previous = repositoryService.createDeployment().name("previous case lifecycle (test)")
                .addClasspathResource("previous-lifecycle/case-lifecycle.bpmn")
                // the one standards table all services shared then, which databases from before still have
                .addClasspathResource("previous-lifecycle/service-standards.dmn").deploy();
        try {
            ProcessDefinition previousVersion = repositoryService.createProcessDefinitionQuery().deploymentId(previous.getId()).singleResult();
            leaveAsThePreviousVersionDid(lifecycle, previousVersion);
            assertThat(runtimeService.getVariable(lifecycle, "escalationGroup")).isEqualTo("bylaw-supervisors");

            // The officer needs more information at 11:00; the complainant answers on Thursday at 11:00.
            for (String reference : List.of(previousCase, currentCase)) {
                ClockUtil.setCurrentTime(Date.from(toronto("2026-11-23T11:00")));
                complete(bylaw, onlyDepartmentTask(reference), Map.of("nextStep", "need-more-information",
                        "informationNeeded", "Which unit the noise comes from"));
                assertThat(getJson(as(agent), "/api/cases/" + reference).getBody()).containsEntry("status", "waiting_for_customer");
                ClockUtil.setCurrentTime(Date.from(toronto("2026-11-26T11:00")));
                complete(bylaw, onlyDepartmentTask(reference), Map.of("informationReceived", "Unit 4, a music studio"));
            }

            // The clock moved the same way on both versions.
            assertThat(lifecycleOf(previousCase).getProcessDefinitionId()).isEqualTo(previousVersion.getId());
            assertThat(runtimeService.getVariables(lifecycle, NEW_VARIABLES)).isEmpty();
            Map<String, Object> moved = runtimeService.getVariables(lifecycle, CLOCK_VARIABLES);
            assertThat(moved).isEqualTo(runtimeService.getVariables(lifecycleOf(currentCase).getId(), CLOCK_VARIABLES));
            assertThat(((Date) moved.get("resolveBy")).toInstant()).isEqualTo(toronto("2026-12-10T16:30"));
            for (String timer : List.of(CaseClocks.REMINDER_TIMER, CaseClocks.RESOLVE_BY_TIMER, CaseClocks.SECOND_ESCALATION_TIMER)) {
                assertThat(timer(lifecycle, timer).getDuedate()).as(timer).isEqualTo(timer(lifecycleOf(currentCase).getId(), timer).getDuedate());
            }

            // Its timers fire: reminder, the supervisors' review, the department head's review.
            for (String timer : List.of(CaseClocks.REMINDER_TIMER, CaseClocks.RESOLVE_BY_TIMER, CaseClocks.SECOND_ESCALATION_TIMER)) {
                managementService.executeJob(timer(lifecycle, timer).getId());
            }
            assertThat(candidateGroups(lifecycle, "Task_ReviewOverdueCase")).containsExactly("bylaw-supervisors");
            assertThat(candidateGroups(lifecycle, "Task_ReviewLongOverdueCase")).containsExactly("bylaw-head");
            assertThat(getJson(as(agent), "/api/cases/" + previousCase).getBody().get("timeline").toString())
                    .contains("Reminder: due by", "escalated to bylaw-supervisors", "escalated to the head of Bylaw");

            // The department finishes: resolved and closed, on the version it started with.
            complete(bylaw, onlyDepartmentTask(previousCase), Map.of("nextStep", "information-letter",
                    "reviewNotes", "Second complaint about this address", "resolutionNote", "We sent the owner a letter about the noise bylaw."));
            complete(bylaw, onlyDepartmentTask(previousCase), Map.of("letterSentOn", "2026-11-27",
                    "resolutionNote", "Letter sent to the studio's owner."));
            assertThat(getJson(as(agent), "/api/cases/" + previousCase).getBody()).containsEntry("status", "closed");
            assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(lifecycle).singleResult())
                    .satisfies(ended -> assertThat(ended.getEndTime()).isNotNull())
                    .satisfies(ended -> assertThat(ended.getProcessDefinitionId()).isEqualTo(previousVersion.getId()));
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(previousCase).count()).isZero();
        } finally {
            repositoryService.deleteDeployment(previous.getId(), true);
        }
    }

    /**
     * Puts a case's lifecycle where the previous version leaves it after routing: on that version, waiting at the
     * service request, with the variables that version set (it did not take the decisions the current one adds).
     */
    private void leaveAsThePreviousVersionDid(String lifecycle, ProcessDefinition previousVersion) {
        String currentVersion = runtimeService.createProcessInstanceQuery().processInstanceId(lifecycle).singleResult().getProcessDefinitionId();
        MigrationPlan plan = runtimeService.createMigrationPlan(currentVersion, previousVersion.getId())
                .mapEqualActivities().build();
        runtimeService.newMigration(plan).processInstanceIds(lifecycle).execute();
        runtimeService.removeVariables(lifecycle, NEW_VARIABLES);
    }

    private String openNoiseComplaint(String agent) {
        Map<String, Object> created = postJson(as(agent), "/api/cases", CaseIntakeToClosureTest.baseRequest("noise-complaint",
                Map.of("noiseSource", "other", "ongoing", false, "recurring", false))).getBody();
        return (String) created.get("reference");
    }

    private ProcessInstance lifecycleOf(String reference) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(reference)
                .processDefinitionKey(CaseService.LIFECYCLE_PROCESS).singleResult();
    }

    private Job timer(String lifecycle, String activityId) {
        return managementService.createJobQuery().processInstanceId(lifecycle).activityId(activityId).timers().singleResult();
    }

    private List<String> candidateGroups(String lifecycle, String taskKey) {
        Task task = taskService.createTaskQuery().processInstanceId(lifecycle).taskDefinitionKey(taskKey).singleResult();
        return taskService.getIdentityLinksForTask(task.getId()).stream().map(IdentityLink::getGroupId).filter(g -> g != null).toList();
    }

    private void complete(String user, Task task, Map<String, Object> variables) {
        taskService.claim(task.getId(), user);
        taskService.complete(task.getId(), variables);
    }
}
