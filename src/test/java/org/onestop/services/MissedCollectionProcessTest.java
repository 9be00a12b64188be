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

/** bpmn/missed-collection.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/missed-collection.bpmn",
        "forms/missed-collection-start.form", "forms/verify-missed-collection.form", "forms/collect-missed-waste.form"})
class MissedCollectionProcessTest {

    static final String PROCESS_KEY = "MissedCollectionProcess";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void collectionMissedByTheCityIsCollected() {
        // given
        ProcessInstance collection = reportMissedCollection();
        assertThat(collection).isWaitingAt("Task_VerifyMissedCollection");
        assertThat(task()).hasCandidateGroup("waste");
        then(CamundaForm.deployedFor(formService(), task()).alwaysShownKeys()).contains("missedByCity");

        // when
        complete(task(), withVariables("missedByCity", true, "verificationNotes", "Truck 12 skipped the street."));

        // then
        assertThat(collection).isWaitingAt("Task_CollectMissedWaste");
        assertThat(task()).hasCandidateGroup("waste");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).contains("collectedOn", "resolutionNote");

        // when
        complete(task(), withVariables("collectedOn", "2026-05-05", "resolutionNote", "We came back and emptied your green bin."));

        // then
        assertThat(collection).isEnded()
                .hasPassedInOrder("Task_VerifyMissedCollection", "Gateway_MissedByCity", "Task_CollectMissedWaste",
                        "Event_WasteCollected");
    }

    @Test
    void collectionNotMissedByTheCityEndsWithAnExplanation() {
        // given
        ProcessInstance collection = reportMissedCollection();
        assertThat(collection).isWaitingAt("Task_VerifyMissedCollection");
        CamundaForm form = CamundaForm.deployedFor(formService(), task());
        then(form.requiredKeys()).contains("resolutionNote");
        then(form.hideCondition("resolutionNote")).hasValue("=missedByCity = true");

        // when
        complete(task(), withVariables("missedByCity", false,
                "resolutionNote", "The truck came at 7:40; the bin was not at the curb yet."));

        // then
        assertThat(collection).isEnded().hasPassed("Event_ResidentInformed").hasNotPassed("Task_CollectMissedWaste");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("missed-collection-start");
        then(start.keys()).containsExactly("stream", "collectionDate", "setOutOnTime");
        then(start.requiredKeys()).containsExactly("stream", "collectionDate");
    }

    private ProcessInstance reportMissedCollection() {
        return process.start("SR-2026-000124",
                withVariables("departmentGroup", "waste",
                        "stream", "organics", "collectionDate", "2026-05-04", "setOutOnTime", true));
    }
}
