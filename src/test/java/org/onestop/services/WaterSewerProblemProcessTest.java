package org.onestop.services;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.testing.CamundaForm;
import org.onestop.testing.ProcessUnderTest;

/** bpmn/water-sewer.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/water-sewer.bpmn",
        "forms/water-sewer-start.form", "forms/refer-to-water-billing.form", "forms/dispatch-water-crew.form",
        "forms/assess-water-problem.form", "forms/shut-off-water.form", "forms/make-water-repair.form",
        "forms/restore-water.form", "forms/confirm-service-restored.form"})
class WaterSewerProblemProcessTest {

    static final String PROCESS_KEY = "WaterSewerProblemProcess";
    static final String REFERENCE = "SR-2026-000305";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void watermainBreakIsRepairedWithTheWaterShutOffAndRestored() {
        // given
        ProcessInstance problem = reportProblem("watermain-break");
        assertThat(problem).isWaitingAt("Task_DispatchCrew");
        assertThat(task()).hasCandidateGroup("water");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("crew");

        // when
        complete(task(), withVariables("crew", "after-hours"));

        // then
        assertThat(problem).isWaitingAt("Task_AssessProblem");
        assertThat(task()).hasCandidateGroup("water");
        CamundaForm assess = CamundaForm.deployedFor(formService(), task());
        then(assess.alwaysShownKeys()).as("gateway variables are always submitted").contains("assessmentOutcome");
        then(assess.hideCondition("affectedAddresses")).hasValue("=assessmentOutcome != \"shut-off-repair\"");

        // when
        complete(task(), withVariables("assessmentOutcome", "shut-off-repair", "cause", "watermain",
                "affectedAddresses", "1 to 40 Maple Avenue"));

        // then
        assertThat(problem).isWaitingAt("Task_ShutOffWater");
        assertThat(task()).hasCandidateGroup("water");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("valvesClosed");

        // when
        complete(task(), withVariables("valvesClosed", "V-1021, V-1022", "residentsNotified", true));

        // then
        assertThat(problem).isWaitingAt("Task_MakeRepair");
        assertThat(task()).hasCandidateGroup("water");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("repairType");

        // when
        complete(task(), withVariables("repairType", "clamp"));

        // then
        assertThat(problem).isWaitingAt("Task_RestoreWater");
        assertThat(task()).hasCandidateGroup("water");

        // when
        complete(task(), withVariables("linesFlushed", true, "boilWaterAdvisory", false));

        // then
        assertThat(problem).isWaitingAt("Task_ConfirmServiceRestored");
        assertThat(task()).hasCandidateGroup("water");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("confirmedBy", "resolutionNote");

        // when
        complete(task(), withVariables("confirmedBy", "crew",
                "resolutionNote", "We repaired the broken watermain on Maple Avenue and restored water at 3:40 am."));

        // then
        assertThat(problem).isEnded()
                .hasPassedInOrder("Gateway_MeterOrBilling", "Task_DispatchCrew", "Task_AssessProblem", "Gateway_RepairNeeded",
                        "Task_ShutOffWater", "Gateway_MergeRepair", "Task_MakeRepair", "Gateway_WaterShutOff",
                        "Task_RestoreWater", "Gateway_MergeRestore", "Task_ConfirmServiceRestored", "Event_ServiceRestored");
    }

    @Test
    void sewerBackupIsRepairedWithoutShuttingOffTheWater() {
        // given
        ProcessInstance problem = reportProblem("sewer-backup");
        assertThat(problem).isWaitingAt("Task_DispatchCrew");
        complete(task(), withVariables("crew", "wastewater"));
        assertThat(problem).isWaitingAt("Task_AssessProblem");

        // when
        complete(task(), withVariables("assessmentOutcome", "repair", "cause", "sewer-main"));
        complete(task(), withVariables("repairType", "sewer-cleared"));

        // then
        assertThat(problem).isWaitingAt("Task_ConfirmServiceRestored");

        // when
        complete(task(), withVariables("confirmedBy", "resident",
                "resolutionNote", "We cleared a blockage in the sewer main; your drains work again."));

        // then
        assertThat(problem).isEnded().hasPassed("Event_ServiceRestored")
                .hasNotPassed("Task_ShutOffWater", "Task_RestoreWater");
    }

    @Test
    void problemOnPrivatePlumbingNeedsNoCityRepair() {
        // given
        ProcessInstance problem = reportProblem("low-pressure");
        assertThat(problem).isWaitingAt("Task_DispatchCrew");
        complete(task(), withVariables("crew", "water-distribution"));
        CamundaForm assess = CamundaForm.deployedFor(formService(), task());
        then(assess.requiredKeys()).contains("resolutionNote");
        then(assess.hideCondition("resolutionNote")).hasValue("=assessmentOutcome != \"no-city-repair\"");

        // when
        complete(task(), withVariables("assessmentOutcome", "no-city-repair", "cause", "private-plumbing",
                "resolutionNote", "Pressure at the city valve is normal; the pressure regulator in your home needs a plumber."));

        // then
        assertThat(problem).isEnded().hasPassed("Event_NoCityRepairNeeded").hasNotPassed("Task_MakeRepair");
    }

    @Test
    void meterOrBillingQuestionIsReferredToWaterBillingWithTheNoteToTheResident() {
        // given the lifecycle (here a stand-in) calls the service process
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers("water-meter"));
        ProcessInstance problem = calledProcessInstance(PROCESS_KEY, lifecycle);
        assertThat(problem).hasBusinessKey(REFERENCE).isWaitingAt("Task_ReferToWaterBilling");
        assertThat(task(problem)).hasCandidateGroup("water");
        then(CamundaForm.deployedFor(formService(), task(problem)).requiredKeys()).containsExactly("resolutionNote");

        // when
        complete(task(problem), withVariables("waterAccount", "400-1234-5",
                "resolutionNote", "Water billing will call you about your meter reading; you can also reach them at 555-0142."));

        // then
        assertThat(problem).isEnded().hasPassed("Event_ReferredToWaterBilling").hasNotPassed("Task_DispatchCrew");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "Water billing will call you about your meter reading; you can also reach them at 555-0142.");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("water-sewer-start");
        then(start.keys()).containsExactly("problemType", "neighboursAffected");
        then(start.requiredKeys()).containsExactly("problemType");
    }

    private ProcessInstance reportProblem(String problemType) {
        return process.start(REFERENCE, answers(problemType));
    }

    private static Map<String, Object> answers(String problemType) {
        return withVariables("departmentGroup", "water", "problemType", problemType, "neighboursAffected", true);
    }
}
