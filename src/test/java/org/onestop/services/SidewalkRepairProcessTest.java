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

/** bpmn/sidewalk-damage.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/sidewalk-damage.bpmn",
        "forms/sidewalk-damage-start.form", "forms/inspect-sidewalk.form", "forms/make-sidewalk-safe.form",
        "forms/schedule-sidewalk-repair.form", "forms/repair-sidewalk.form"})
class SidewalkRepairProcessTest {

    static final String PROCESS_KEY = "SidewalkRepairProcess";
    static final String REFERENCE = "SR-2026-000201";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void tripHazardOnCitySidewalkIsMadeSafeThenScheduledAndRepaired() {
        // given
        ProcessInstance sidewalk = reportDamage();
        assertThat(sidewalk).isWaitingAt("Task_InspectSidewalk");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).alwaysShownKeys())
                .as("gateway variables are always submitted")
                .contains("sidewalkOwner", "tripHazardFound");

        // when
        complete(task(), withVariables("sidewalkOwner", "city", "tripHazardFound", true, "inspectionNotes", "3 cm lip"));

        // then
        assertThat(sidewalk).isWaitingAt("Task_MakeSidewalkSafe");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("safetyMeasure");

        // when
        complete(task(), withVariables("safetyMeasure", "temporary-patch"));

        // then
        assertThat(sidewalk).isWaitingAt("Task_ScheduleSidewalkRepair");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("crew", "plannedDate");

        // when
        complete(task(), withVariables("crew", "concrete-north", "plannedDate", "2026-06-01"));

        // then
        assertThat(sidewalk).isWaitingAt("Task_RepairSidewalk");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("repairMethod", "resolutionNote");

        // when
        complete(task(), withVariables("repairMethod", "slab-replacement", "resolutionNote", "We replaced two sidewalk slabs."));

        // then
        assertThat(sidewalk).isEnded()
                .hasPassedInOrder("Task_InspectSidewalk", "Gateway_CitySidewalk", "Gateway_TripHazard",
                        "Task_MakeSidewalkSafe", "Gateway_MergeMadeSafe", "Task_ScheduleSidewalkRepair",
                        "Task_RepairSidewalk", "Event_SidewalkRepaired");
    }

    @Test
    void citySidewalkWithoutTripHazardGoesStraightToScheduling() {
        // given
        ProcessInstance sidewalk = reportDamage();
        assertThat(sidewalk).isWaitingAt("Task_InspectSidewalk");

        // when
        complete(task(), withVariables("sidewalkOwner", "city", "tripHazardFound", false));

        // then
        assertThat(sidewalk).isWaitingAt("Task_ScheduleSidewalkRepair");

        // when
        complete(task(), withVariables("crew", "contractor", "plannedDate", "2026-07-15"));
        complete(task(), withVariables("repairMethod", "grinding", "resolutionNote", "We ground down the raised edge."));

        // then
        assertThat(sidewalk).isEnded()
                .hasPassed("Gateway_MergeMadeSafe", "Event_SidewalkRepaired")
                .hasNotPassed("Task_MakeSidewalkSafe");
    }

    @Test
    void privateWalkwayIsReferredWithTheNoteToTheResident() {
        // given the lifecycle (here a stand-in) calls the service process
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers());
        ProcessInstance sidewalk = calledProcessInstance(PROCESS_KEY, lifecycle);
        assertThat(sidewalk).hasBusinessKey(REFERENCE).isWaitingAt("Task_InspectSidewalk");
        assertThat(task(sidewalk)).hasCandidateGroup("roads");
        CamundaForm form = CamundaForm.deployedFor(formService(), task(sidewalk));
        then(form.requiredKeys()).contains("resolutionNote");
        then(form.hideCondition("resolutionNote")).hasValue("=sidewalkOwner = \"city\"");

        // when
        complete(task(sidewalk), withVariables("sidewalkOwner", "private", "tripHazardFound", false,
                "resolutionNote", "This walkway belongs to the building; its owner must repair it."));

        // then the Referred error carries the note to the caller
        assertThat(sidewalk).isEnded().hasPassed("Event_ReferredToOwnerOrUtility");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "This walkway belongs to the building; its owner must repair it.");
    }

    @Test
    void utilityCutIsReferredToTheUtility() {
        // given
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers());
        ProcessInstance sidewalk = calledProcessInstance(PROCESS_KEY, lifecycle);

        // when
        complete(task(sidewalk), withVariables("sidewalkOwner", "utility", "tripHazardFound", true,
                "resolutionNote", "The gas utility dug here and must restore the sidewalk; we told them."));

        // then
        assertThat(sidewalk).isEnded().hasPassed("Event_ReferredToOwnerOrUtility").hasNotPassed("Task_MakeSidewalkSafe");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "The gas utility dug here and must restore the sidewalk; we told them.");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("sidewalk-damage-start");
        then(start.keys()).containsExactly("tripHazard", "damageType", "nearBy");
        then(start.requiredKeys()).containsExactly("damageType");
    }

    private ProcessInstance reportDamage() {
        return process.start(REFERENCE, answers());
    }

    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "roads",
                "tripHazard", true, "damageType", "raised", "nearBy", "school");
    }
}
