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

/** bpmn/pothole.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/pothole.bpmn",
        "forms/pothole-start.form", "forms/inspect-pothole.form",
        "forms/schedule-pothole-repair.form", "forms/repair-pothole.form"})
class PotholeRepairProcessTest {

    static final String PROCESS_KEY = "PotholeRepairProcess";
    static final String REFERENCE = "SR-2026-000123";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void potholeOnCityRoadIsInspectedScheduledAndRepaired() {
        // given
        ProcessInstance pothole = reportPothole();
        assertThat(pothole).isWaitingAt("Task_InspectPothole");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).alwaysShownKeys())
                .as("gateway variables are always submitted")
                .contains("roadAuthority", "repairNeeded");

        // when
        complete(task(), withVariables("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "40 cm, 8 cm deep"));

        // then
        assertThat(pothole).isWaitingAt("Task_ScheduleRepair");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("crew", "plannedDate");

        // when
        complete(task(), withVariables("crew", "north-yard", "plannedDate", "2026-05-04"));

        // then
        assertThat(pothole).isWaitingAt("Task_RepairPothole");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).contains("repairMethod", "resolutionNote");

        // when
        complete(task(), withVariables("repairMethod", "hot-mix", "resolutionNote", "Filled with hot-mix asphalt."));

        // then
        assertThat(pothole).isEnded()
                .hasPassedInOrder("Task_InspectPothole", "Gateway_CityRoad", "Gateway_RepairNeeded",
                        "Task_ScheduleRepair", "Task_RepairPothole", "Event_PotholeRepaired");
    }

    @Test
    void potholeOnCityRoadWithinStandardsNeedsNoRepair() {
        // given
        ProcessInstance pothole = reportPothole();
        assertThat(pothole).isWaitingAt("Task_InspectPothole");
        CamundaForm form = CamundaForm.deployedFor(formService(), task());
        then(form.requiredKeys()).contains("resolutionNote");
        then(form.hideCondition("resolutionNote")).hasValue("=roadAuthority = \"city\" and repairNeeded = true");

        // when
        complete(task(), withVariables("roadAuthority", "city", "repairNeeded", false,
                "resolutionNote", "The dip is within our road standards; we will keep an eye on it."));

        // then
        assertThat(pothole).isEnded().hasPassed("Event_NoRepairNeeded").hasNotPassed("Task_ScheduleRepair");
    }

    @Test
    void potholeOnAnotherAuthoritysRoadIsReferredWithTheNoteToTheResident() {
        // given the lifecycle (here a stand-in) calls the service process
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers());
        ProcessInstance pothole = calledProcessInstance(PROCESS_KEY, lifecycle);
        assertThat(pothole).hasBusinessKey(REFERENCE).isWaitingAt("Task_InspectPothole");
        assertThat(task(pothole)).hasCandidateGroup("roads");

        // when
        complete(task(pothole), withVariables("roadAuthority", "province", "repairNeeded", true,
                "resolutionNote", "Highway 7 is maintained by the province; we passed your report on."));

        // then the Referred error carries the note to the caller
        assertThat(pothole).isEnded().hasPassed("Event_ReferredToRoadAuthority");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "Highway 7 is maintained by the province; we passed your report on.");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("pothole-start");
        then(start.keys()).containsExactly("hazard", "size", "locationOnRoad");
        then(start.requiredKeys()).containsExactly("size", "locationOnRoad");
    }

    private ProcessInstance reportPothole() {
        return process.start(REFERENCE, answers());
    }

    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "roads",
                "hazard", false, "size", "medium", "locationOnRoad", "driving-lane");
    }
}
