package org.onestop.services;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.testing.CamundaForm;

/** bpmn/missed-collection.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/missed-collection.bpmn",
        "forms/missed-collection-start.form", "forms/verify-missed-collection.form", "forms/collect-missed-waste.form"})
class MissedCollectionProcessTest {

    static final String PROCESS_KEY = "MissedCollectionProcess";

    @RegisterExtension
    static ProcessEngineCoverageExtension engine = ProcessEngineCoverageExtension.builder("process-tests.cfg.xml")
            .assertClassCoverageAtLeast(1.0)
            .build();

    @BeforeEach
    void useEngine() {
        init(engine.getProcessEngine());
    }

    @AfterEach
    void forgetEngine() {
        reset();
    }

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
        String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(PROCESS_KEY).latestVersion().singleResult().getId();

        CamundaForm start = CamundaForm.deployedStartFormOf(formService(), definitionId);

        then(start.id()).isEqualTo("missed-collection-start");
        then(start.keys()).containsExactly("stream", "collectionDate", "setOutOnTime");
        then(start.requiredKeys()).containsExactly("stream", "collectionDate");
    }

    private ProcessInstance reportMissedCollection() {
        return runtimeService().startProcessInstanceByKey(PROCESS_KEY, "SR-2026-000124",
                withVariables("departmentGroup", "waste",
                        "stream", "organics", "collectionDate", "2026-05-04", "setOutOnTime", true));
    }
}
