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

/** bpmn/streetlight-out.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/streetlight-out.bpmn",
        "forms/streetlight-out-start.form", "forms/check-pole-ownership.form",
        "forms/dispatch-electrician.form", "forms/repair-streetlight.form"})
class StreetlightRepairProcessTest {

    static final String PROCESS_KEY = "StreetlightRepairProcess";
    static final String REFERENCE = "SR-2026-000202";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void lightOnCityPoleIsDispatchedAndRepaired() {
        // given
        ProcessInstance streetlight = reportStreetlight();
        assertThat(streetlight).isWaitingAt("Task_CheckPoleOwnership");
        assertThat(task()).hasCandidateGroup("transportation");
        CamundaForm check = CamundaForm.deployedFor(formService(), task());
        then(check.alwaysShownKeys()).as("gateway variables are always submitted").contains("poleOwner");
        then(check.hideCondition("resolutionNote")).hasValue("=poleOwner = \"city\"");

        // when
        complete(task(), withVariables("poleOwner", "city", "poleNumber", "SL-10422"));

        // then
        assertThat(streetlight).isWaitingAt("Task_DispatchElectrician");
        assertThat(task()).hasCandidateGroup("transportation");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("electrician", "plannedDate");

        // when
        complete(task(), withVariables("electrician", "city-electrician", "plannedDate", "2026-05-12"));

        // then
        assertThat(streetlight).isWaitingAt("Task_RepairStreetlight");
        assertThat(task()).hasCandidateGroup("transportation");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("repairAction", "resolutionNote");

        // when
        complete(task(), withVariables("repairAction", "lamp", "resolutionNote", "We replaced the LED fixture."));

        // then
        assertThat(streetlight).isEnded()
                .hasPassedInOrder("Task_CheckPoleOwnership", "Gateway_CityPole", "Task_DispatchElectrician",
                        "Task_RepairStreetlight", "Event_StreetlightRepaired");
    }

    @Test
    void lightOnUtilityPoleIsReferredToTheElectricityUtility() {
        // given the lifecycle (here a stand-in) calls the service process
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers());
        ProcessInstance streetlight = calledProcessInstance(PROCESS_KEY, lifecycle);
        assertThat(streetlight).hasBusinessKey(REFERENCE).isWaitingAt("Task_CheckPoleOwnership");
        assertThat(task(streetlight)).hasCandidateGroup("transportation");

        // when
        complete(task(streetlight), withVariables("poleOwner", "utility",
                "resolutionNote", "This light is on a utility pole; we reported it to the electricity utility."));

        // then the Referred error carries the note to the caller
        assertThat(streetlight).isEnded().hasPassed("Event_ReferredToElectricityUtility")
                .hasNotPassed("Task_DispatchElectrician");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "This light is on a utility pole; we reported it to the electricity utility.");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("streetlight-out-start");
        then(start.keys()).containsExactly("lightProblem", "lightsOut", "poleNumber");
        then(start.requiredKeys()).containsExactly("lightProblem", "lightsOut");
    }

    private ProcessInstance reportStreetlight() {
        return process.start(REFERENCE, answers());
    }

    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "transportation",
                "lightProblem", "out", "lightsOut", "several", "poleNumber", "SL-10422");
    }
}
