package org.onestop.services;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
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

/** bpmn/traffic-signal.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/traffic-signal.bpmn",
        "forms/traffic-signal-start.form", "forms/dispatch-signal-technician.form",
        "forms/place-temporary-stop-signs.form", "forms/repair-traffic-signal.form"})
class TrafficSignalRepairProcessTest {

    static final String PROCESS_KEY = "TrafficSignalRepairProcess";
    static final String REFERENCE = "SR-2026-000203";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void darkSignalGetsTemporaryStopSignsUntilItIsRepaired() {
        // given
        ProcessInstance signal = reportSignal("dark", true);
        assertThat(signal).isWaitingAt("Task_DispatchSignalTechnician");
        assertThat(task()).hasCandidateGroup("transportation");
        CamundaForm dispatch = CamundaForm.deployedFor(formService(), task());
        then(dispatch.requiredKeys()).containsExactly("technician");
        then(dispatch.alwaysShownKeys()).as("gateway variables are always submitted").contains("stopSignsNeeded");

        // when
        complete(task(), withVariables("technician", "on-call", "stopSignsNeeded", true));

        // then
        assertThat(signal).isWaitingAt("Task_PlaceTemporaryStopSigns");
        assertThat(task()).hasCandidateGroup("transportation");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("signCount");

        // when
        complete(task(), withVariables("signCount", 4));

        // then
        assertThat(signal).isWaitingAt("Task_RepairTrafficSignal");
        assertThat(task()).hasCandidateGroup("transportation");
        CamundaForm repair = CamundaForm.deployedFor(formService(), task());
        then(repair.requiredKeys()).containsExactly("repairAction", "resolutionNote");
        then(repair.hideCondition("stopSignsRemoved")).hasValue("=stopSignsNeeded = false");

        // when
        complete(task(), withVariables("repairAction", "power", "stopSignsRemoved", true,
                "resolutionNote", "Power to the signal is restored and the temporary stop signs are removed."));

        // then
        assertThat(signal).isEnded()
                .hasPassedInOrder("Task_DispatchSignalTechnician", "Gateway_StopSignsNeeded",
                        "Task_PlaceTemporaryStopSigns", "Gateway_MergeStopSigns", "Task_RepairTrafficSignal",
                        "Event_TrafficSignalRepaired");
    }

    @Test
    void lampOutIsRepairedWithoutStopSigns() {
        // given
        ProcessInstance signal = reportSignal("lamp-out", false);
        assertThat(signal).isWaitingAt("Task_DispatchSignalTechnician");

        // when
        complete(task(), withVariables("technician", "day-shift", "stopSignsNeeded", false));

        // then
        assertThat(signal).isWaitingAt("Task_RepairTrafficSignal");

        // when
        complete(task(), withVariables("repairAction", "lamp", "resolutionNote", "We replaced the red LED module."));

        // then
        assertThat(signal).isEnded()
                .hasPassed("Gateway_MergeStopSigns", "Event_TrafficSignalRepaired")
                .hasNotPassed("Task_PlaceTemporaryStopSigns");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("traffic-signal-start");
        then(start.keys()).containsExactly("signalProblem", "allDirections");
        then(start.requiredKeys()).containsExactly("signalProblem");
    }

    private ProcessInstance reportSignal(String signalProblem, boolean allDirections) {
        return process.start(REFERENCE, answers(signalProblem, allDirections));
    }

    private static Map<String, Object> answers(String signalProblem, boolean allDirections) {
        return withVariables("departmentGroup", "transportation",
                "signalProblem", signalProblem, "allDirections", allDirections);
    }
}
