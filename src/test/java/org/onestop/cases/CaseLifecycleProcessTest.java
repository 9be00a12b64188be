package org.onestop.cases;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.VariableMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.testing.CamundaForm;
import org.onestop.testing.ProcessUnderTest;

/**
 * bpmn/case-lifecycle.bpmn with the real routing, service-standard, escalation-policy and after-hours tables and the
 * real pothole process as the called service; the lifecycle's delegate beans are replaced by recording mocks.
 */
@Deployment(resources = {
        "bpmn/case-lifecycle.bpmn", "bpmn/pothole.bpmn",
        "dmn/routing-pothole.dmn", "dmn/standards-pothole.dmn", "dmn/escalation-policy.dmn", "dmn/after-hours.dmn",
        "forms/review-overdue-case.form", "forms/review-long-overdue-case.form"})
class CaseLifecycleProcessTest {

    static final String REFERENCE = "SR-2026-000123";
    static final String SERVICE_PROCESS = "PotholeRepairProcess";
    /** What the real caseAnswers mapping hands the pothole process: the answers to its start form's questions. */
    static final List<String> POTHOLE_QUESTIONS = List.of("hazard", "size", "locationOnRoad");

    /** The pothole process is only the called service here; PotholeRepairProcessTest covers it. */
    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of("CaseLifecycleProcess", SERVICE_PROCESS);

    private final List<String> delegateCalls = new ArrayList<>();
    private final Map<String, Object> seenByDelegates = new HashMap<>();
    private final Date acknowledgeBy = Date.from(Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    private final Date resolveBy = Date.from(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    private final Date remindAt = Date.from(Instant.now().plus(20, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
    private final Date secondEscalationAt = Date.from(Instant.now().plus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));

    @BeforeEach
    void replaceDelegates() {
        Mocks.register("assignCase", (JavaDelegate) execution -> {
            delegateCalls.add("assignCase");
            for (String decided : List.of("routeToOnCall", "remindBefore", "secondEscalationAfter")) {
                seenByDelegates.put(decided, execution.getVariable(decided));
            }
            execution.setVariable("escalationGroup", "roads-supervisors");
            execution.setVariable("acknowledgeBy", acknowledgeBy);
            execution.setVariable("resolveBy", resolveBy);
            execution.setVariable("remindAt", remindAt);
            execution.setVariable("secondEscalationAt", secondEscalationAt);
            execution.setVariable("departmentHeadGroup", "roads-head");
        });
        Mocks.register("remindDepartment", (JavaDelegate) execution -> delegateCalls.add("remindDepartment"));
        Mocks.register("escalateToDepartmentHead", (JavaDelegate) execution -> delegateCalls.add("escalateToDepartmentHead"));
        Mocks.register("recordEscalation", (JavaDelegate) execution -> delegateCalls.add("recordEscalation"));
        Mocks.register("resolveCase", (JavaDelegate) execution -> {
            delegateCalls.add("resolveCase");
            seenByDelegates.put("resolutionNote", execution.getVariable("resolutionNote"));
        });
        Mocks.register("closeCase", (JavaDelegate) execution -> delegateCalls.add("closeCase"));
        // no work-order system: the pothole's scheduled repair goes straight to the crew (services/PotholeRepairProcessTest)
        Mocks.register("backOffice", new NoBackOffice());
        Mocks.register("caseAnswers", new DelegateVariableMapping() {
            @Override
            public void mapInputVariables(DelegateExecution lifecycle, VariableMap service) {
                POTHOLE_QUESTIONS.forEach(answer -> service.put(answer, lifecycle.getVariable(answer)));
            }

            @Override
            public void mapOutputVariables(DelegateExecution lifecycle, VariableScope service) {
            }
        });
        Mocks.register("referCase", (JavaDelegate) execution -> {
            delegateCalls.add("referCase");
            seenByDelegates.put("referralReason", execution.getVariable("referralReason"));
        });
    }

    @Test
    void caseIsRoutedFulfilledResolvedAndClosed() {
        // when
        ProcessInstance lifecycle = submitPothole("hazard", true, "size", "large", "locationOnRoad", "driving-lane");

        // then routing, the service standard, the escalation times and after-hours routing come from the tables,
        // through output mappings only
        assertThat(lifecycle).isWaitingAt("Task_FulfilServiceRequest").variables()
                .containsEntry("departmentGroup", "roads")
                .containsEntry("priority", "urgent")
                .containsEntry("acknowledgeWithin", "PT2H")
                .containsEntry("resolveWithin", "P1D")
                .containsEntry("clock", "calendar")
                .containsEntry("remindBefore", "PT2H")
                .containsEntry("secondEscalationAfter", "P1D")
                .containsEntry("routeToOnCall", false)
                .doesNotContainKey("decisionResult");
        then(seenByDelegates).as("the assignment reads the decisions")
                .containsEntry("remindBefore", "PT2H").containsEntry("secondEscalationAfter", "P1D").containsEntry("routeToOnCall", false);
        then(historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(lifecycle.getId()).variableName("decisionResult").count())
                .as("the transient decision result is never stored").isZero();
        then(delegateCalls).containsExactly("assignCase");
        then(job("Event_ResolveByPassed", lifecycle).getDuedate()).isEqualTo(resolveBy);

        // and the department works in the service process under the case reference
        ProcessInstance pothole = calledProcessInstance(SERVICE_PROCESS, lifecycle);
        assertThat(pothole).hasBusinessKey(REFERENCE).isWaitingAt("Task_InspectPothole");
        assertThat(task(pothole)).hasCandidateGroup("roads");
        assertThat(pothole).as("the call activity's mappings and the answers, none of the lifecycle's own variables")
                .variables().containsOnlyKeys("caseId", "reference", "departmentGroup", "onCallUser", "escalationGroup",
                        "hazard", "size", "locationOnRoad")
                .containsEntry("size", "large").containsEntry("departmentGroup", "roads");

        // when
        repairPothole(pothole, "Filled with hot-mix asphalt on May 4.");

        // then
        assertThat(lifecycle).isEnded().hasPassedInOrder(
                "Event_CaseSubmitted", "Task_RouteCase", "Task_DetermineServiceStandard", "Task_DetermineEscalationTimes",
                "Task_DecideAfterHoursRouting", "Task_AssignCase",
                "Task_FulfilServiceRequest", "Task_ResolveCase", "Task_CloseCase", "Event_CaseClosed");
        then(delegateCalls).containsExactly("assignCase", "resolveCase", "closeCase");
        then(seenByDelegates).containsEntry("resolutionNote", "Filled with hot-mix asphalt on May 4.");
        then(managementService().createJobQuery().count()).as("the escalation timer is gone").isZero();
    }

    @Test
    void unansweredQuestionsRouteTheCaseAtNormalPriority() {
        // when
        ProcessInstance lifecycle = submitPothole();

        // then
        assertThat(lifecycle).isWaitingAt("Task_FulfilServiceRequest").variables()
                .containsEntry("departmentGroup", "roads")
                .containsEntry("priority", "normal")
                .containsEntry("acknowledgeWithin", "P2D")
                .containsEntry("resolveWithin", "P10D")
                .containsEntry("clock", "business")
                .containsEntry("remindBefore", "P1D")
                .containsEntry("secondEscalationAfter", "P5D");
    }

    @Test
    void outsideOfficeHoursAnUrgentCaseGoesToTheOnCallStaffAndANormalOneWaits() {
        // when
        ProcessInstance urgent = submitPotholeAfterHours("hazard", true, "size", "large", "locationOnRoad", "driving-lane");

        // then
        assertThat(urgent).variables().containsEntry("priority", "urgent").containsEntry("routeToOnCall", true);
        then(seenByDelegates).containsEntry("routeToOnCall", true);

        // when
        ProcessInstance normal = submitPotholeAfterHours("hazard", false, "size", "medium", "locationOnRoad", "driving-lane");

        // then
        assertThat(normal).variables().containsEntry("priority", "normal").containsEntry("routeToOnCall", false);
        then(seenByDelegates).containsEntry("routeToOnCall", false);
    }

    @Test
    void overdueCaseIsEscalatedToSupervisorsWhileTheDepartmentWorksOn() {
        // given
        ProcessInstance lifecycle = submitPothole("hazard", false, "size", "small", "locationOnRoad", "shoulder");
        ProcessInstance pothole = calledProcessInstance(SERVICE_PROCESS, lifecycle);

        // when the resolve-by date passes
        execute(job("Event_ResolveByPassed", lifecycle));

        // then
        then(delegateCalls).containsExactly("assignCase", "recordEscalation");
        assertThat(lifecycle).isWaitingAt("Task_FulfilServiceRequest", "Task_ReviewOverdueCase");
        assertThat(task("Task_ReviewOverdueCase", lifecycle)).hasCandidateGroup("roads-supervisors");
        then(CamundaForm.deployedFor(formService(), task("Task_ReviewOverdueCase", lifecycle)).requiredKeys())
                .containsExactly("escalationAction");
        assertThat(pothole).isWaitingAt("Task_InspectPothole");

        // when
        complete(task("Task_ReviewOverdueCase", lifecycle), withVariables(
                "escalationAction", "reminded-department", "escalationNote", "Crew booked for Monday."));

        // then the service request goes on
        assertThat(lifecycle).hasPassed("Event_EscalationReviewed").isWaitingAt("Task_FulfilServiceRequest");

        // when
        repairPothole(pothole, "Repaired on Monday.");

        // then
        assertThat(lifecycle).isEnded().hasPassed("Event_CaseClosed");
    }

    @Test
    void theDepartmentIsRemindedBeforeTheResolveByDate() {
        // given
        ProcessInstance lifecycle = submitPothole("hazard", false, "size", "small", "locationOnRoad", "shoulder");
        then(job("Event_ReminderDue", lifecycle).getDuedate()).isEqualTo(remindAt);

        // when the reminder is due
        execute(job("Event_ReminderDue", lifecycle));

        // then the department is reminded and the work goes on
        then(delegateCalls).containsExactly("assignCase", "remindDepartment");
        assertThat(lifecycle).hasPassed("Task_RemindDepartment", "Event_DepartmentReminded").isWaitingAt("Task_FulfilServiceRequest");
    }

    @Test
    void aCaseStillOpenAfterItsEscalationGoesToTheDepartmentHead() {
        // given
        ProcessInstance lifecycle = submitPothole("hazard", false, "size", "small", "locationOnRoad", "shoulder");
        then(job("Event_StillOpenAfterEscalation", lifecycle).getDuedate()).isEqualTo(secondEscalationAt);
        execute(job("Event_ResolveByPassed", lifecycle));

        // when it is still open after the further period
        execute(job("Event_StillOpenAfterEscalation", lifecycle));

        // then the department head reviews it, while the department's work stays open
        then(delegateCalls).containsExactly("assignCase", "recordEscalation", "escalateToDepartmentHead");
        assertThat(lifecycle).isWaitingAt("Task_FulfilServiceRequest", "Task_ReviewOverdueCase", "Task_ReviewLongOverdueCase");
        assertThat(task("Task_ReviewLongOverdueCase", lifecycle)).hasCandidateGroup("roads-head");
        then(CamundaForm.deployedFor(formService(), task("Task_ReviewLongOverdueCase", lifecycle)).requiredKeys())
                .containsExactly("headDecision");

        // when
        complete(task("Task_ReviewLongOverdueCase", lifecycle), withVariables("headDecision", "add-resources"));

        // then
        assertThat(lifecycle).hasPassed("Event_LongOverdueCaseReviewed").isWaitingAt("Task_FulfilServiceRequest");
    }

    @Test
    void closingTheCaseEndsAnOpenEscalationReview() {
        // given an escalation review is open
        ProcessInstance lifecycle = submitPothole("hazard", false, "size", "small", "locationOnRoad", "shoulder");
        ProcessInstance pothole = calledProcessInstance(SERVICE_PROCESS, lifecycle);
        execute(job("Event_ResolveByPassed", lifecycle));
        assertThat(lifecycle).isWaitingAt("Task_ReviewOverdueCase");

        // when the department finishes
        complete(task(pothole), withVariables("roadAuthority", "city", "repairNeeded", false,
                "resolutionNote", "Within standards; no repair needed."));

        // then
        assertThat(lifecycle).isEnded().hasPassed("Event_CaseClosed").hasNotPassed("Event_EscalationReviewed");
        then(taskService().createTaskQuery().processInstanceId(lifecycle.getId()).count()).isZero();
        then(delegateCalls).containsExactly("assignCase", "recordEscalation", "resolveCase", "closeCase");
    }

    @Test
    void referralClosesTheCaseWithTheDepartmentsNoteAsReason() {
        // given
        ProcessInstance lifecycle = submitPothole("hazard", false, "size", "medium", "locationOnRoad", "driving-lane");
        ProcessInstance pothole = calledProcessInstance(SERVICE_PROCESS, lifecycle);

        // when
        complete(task(pothole), withVariables("roadAuthority", "region", "repairNeeded", true,
                "resolutionNote", "Regional Road 25 belongs to the region; we sent them your report."));

        // then
        assertThat(pothole).isEnded().hasPassed("Event_ReferredToRoadAuthority");
        assertThat(lifecycle).isEnded()
                .hasPassed("Event_CaseReferred", "Task_RecordReferral", "Event_CaseClosedAsReferred")
                .hasNotPassed("Task_ResolveCase", "Task_CloseCase");
        then(seenByDelegates).containsEntry("referralReason",
                "Regional Road 25 belongs to the region; we sent them your report.");
        then(delegateCalls).containsExactly("assignCase", "referCase");
    }

    @Test
    void cancellationStopsTheServiceRequestAndClosesTheCase() {
        // given
        ProcessInstance lifecycle = submitPothole("hazard", false, "size", "medium", "locationOnRoad", "driving-lane");
        ProcessInstance pothole = calledProcessInstance(SERVICE_PROCESS, lifecycle);

        // when
        runtimeService().createMessageCorrelation("CaseWithdrawn").processInstanceBusinessKey(REFERENCE).correlate();

        // then
        assertThat(lifecycle).isEnded().hasPassed("Event_CaseWithdrawn", "Event_WithdrawnCaseClosed")
                .hasNotPassed("Task_ResolveCase");
        assertThat(pothole).isEnded();
        then(taskService().createTaskQuery().count()).isZero();
        then(delegateCalls).containsExactly("assignCase");
    }

    @Test
    void aSplitCaseWaitsForAllItsChildCasesThenResolvesAndCloses() {
        // given
        ProcessInstance lifecycle = submitPothole("hazard", false, "size", "medium", "locationOnRoad", "driving-lane");
        ProcessInstance pothole = calledProcessInstance(SERVICE_PROCESS, lifecycle);

        // when staff split it into two child cases
        runtimeService().createMessageCorrelation("CaseSplit").processInstanceId(lifecycle.getId())
                .setVariable("childCaseCount", 2).setVariable("finishedChildCaseCount", 0).correlate();

        // then its own work stops, and it waits
        assertThat(pothole).isEnded();
        assertThat(lifecycle).hasPassed("Event_CaseSplit").isWaitingAt("Task_WaitForChildCases");
        then(job("Event_ResolveByPassed", lifecycle)).as("the parent's timers went with its fulfilment").isNull();

        // when the first child is finished
        runtimeService().createMessageCorrelation("ChildCaseFinished").processInstanceId(lifecycle.getId())
                .setVariable("finishedChildCaseCount", 1).correlate();

        // then it waits on
        assertThat(lifecycle).hasPassed("Gateway_AllChildCasesFinished").isWaitingAt("Task_WaitForChildCases");
        then(delegateCalls).containsExactly("assignCase");

        // when the last one is
        runtimeService().createMessageCorrelation("ChildCaseFinished").processInstanceId(lifecycle.getId())
                .setVariable("finishedChildCaseCount", 2).setVariable("resolutionNote", "Pothole: filled; Streetlight out: lamp").correlate();

        // then
        assertThat(lifecycle).isEnded().hasPassed("Gateway_MergeResolution", "Task_ResolveCase",
                "Event_CaseClosed");
        then(delegateCalls).containsExactly("assignCase", "resolveCase", "closeCase");
        then(seenByDelegates).containsEntry("resolutionNote", "Pothole: filled; Streetlight out: lamp");
    }

    private ProcessInstance submitPothole(Object... answers) {
        return startLifecycle(true, answers);
    }

    private ProcessInstance submitPotholeAfterHours(Object... answers) {
        return startLifecycle(false, answers);
    }

    private ProcessInstance startLifecycle(boolean officeOpen, Object[] answers) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("caseId", 123L);
        variables.put("reference", REFERENCE);
        variables.put("serviceCode", "pothole");
        variables.put("serviceProcessKey", SERVICE_PROCESS);
        variables.put("routingDecision", "PotholeRouting");
        variables.put("standardsDecision", "PotholeStandards");
        variables.put("channel", "web");
        variables.put("ward", null);
        variables.put("officeOpen", officeOpen);
        for (int i = 0; i < answers.length; i += 2) {
            variables.put((String) answers[i], answers[i + 1]);
        }
        return process.start(REFERENCE, variables);
    }

    private static void repairPothole(ProcessInstance pothole, String resolutionNote) {
        complete(task(pothole), withVariables("roadAuthority", "city", "repairNeeded", true));
        complete(task(pothole), withVariables("crew", "north-yard", "plannedDate", "2026-05-04"));
        complete(task(pothole), withVariables("repairMethod", "hot-mix", "resolutionNote", resolutionNote));
    }

    /** Stands in for cases' backOffice: no back-office system's worker runs. */
    public static final class NoBackOffice {
        public boolean connected(String topic) {
            return false;
        }
    }
}
