package org.onestop.services;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.testing.CamundaForm;
import org.onestop.testing.ProcessUnderTest;

/** bpmn/snow-ice.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/snow-ice.bpmn",
        "forms/snow-ice-start.form", "forms/check-plowing-priority.form",
        "forms/clear-snow-and-ice.form", "forms/explain-service-level.form"})
class SnowClearingProcessTest {

    static final String PROCESS_KEY = "SnowClearingProcess";
    static final String REFERENCE = "SR-2026-000206";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void icyBusStopDueForClearingIsCleared() {
        // given
        ProcessInstance snow = report("bus-stop", "under-24-hours");
        assertThat(snow).isWaitingAt("Task_CheckPlowingPriority");
        assertThat(task()).hasCandidateGroup("roads");
        CamundaForm check = CamundaForm.deployedFor(formService(), task());
        then(check.alwaysShownKeys()).as("gateway variables are always submitted").contains("clearingDue");
        then(check.requiredKeys()).containsExactly("plowingPriority");

        // when
        complete(task(), withVariables("plowingPriority", "sidewalk", "clearingDue", true));

        // then
        assertThat(snow).isWaitingAt("Task_ClearSnowAndIce");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("treatment", "resolutionNote");

        // when
        complete(task(), withVariables("treatment", "salted", "resolutionNote", "We cleared and salted the bus stop."));

        // then
        assertThat(snow).isEnded()
                .hasPassedInOrder("Task_CheckPlowingPriority", "Gateway_ClearingDue", "Task_ClearSnowAndIce",
                        "Event_SnowAndIceCleared");
    }

    @Test
    void localRoadStillWithinTheServiceLevelGetsAnExplanation() {
        // given
        ProcessInstance snow = report("road-not-plowed", "still-snowing");
        assertThat(snow).isWaitingAt("Task_CheckPlowingPriority");

        // when
        complete(task(), withVariables("plowingPriority", "priority-3", "clearingDue", false));

        // then
        assertThat(snow).isWaitingAt("Task_ExplainServiceLevel");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys())
                .containsExactly("expectedClearing", "contactMethod", "resolutionNote");

        // when
        complete(task(), withVariables("expectedClearing", "2026-01-16", "contactMethod", "email",
                "resolutionNote", "Local roads are plowed within 24 hours after the snow stops, once main roads are clear."));

        // then
        assertThat(snow).isEnded().hasPassed("Event_ServiceLevelExplained").hasNotPassed("Task_ClearSnowAndIce");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("snow-ice-start");
        then(start.keys()).containsExactly("snowProblem", "stormEnded");
        then(start.requiredKeys()).containsExactly("snowProblem");
    }

    private ProcessInstance report(String snowProblem, String stormEnded) {
        return process.start(REFERENCE,
                withVariables("departmentGroup", "roads", "snowProblem", snowProblem, "stormEnded", stormEnded));
    }
}
