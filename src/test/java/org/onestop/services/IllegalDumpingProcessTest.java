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

/** bpmn/illegal-dumping.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/illegal-dumping.bpmn",
        "forms/illegal-dumping-start.form", "forms/investigate-dumping.form",
        "forms/issue-clean-up-order.form", "forms/pick-up-dumped-material.form"})
class IllegalDumpingProcessTest {

    static final String PROCESS_KEY = "IllegalDumpingProcess";
    static final String REFERENCE = "SR-2026-000205";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void dumpingOnCityLandIsInvestigatedAndPickedUp() {
        // given
        ProcessInstance dumping = reportDumping();
        assertThat(dumping).isWaitingAt("Task_InvestigateDumping");
        assertThat(task()).hasCandidateGroup("waste");
        CamundaForm investigate = CamundaForm.deployedFor(formService(), task());
        then(investigate.alwaysShownKeys()).as("gateway variables are always submitted").contains("dumpSite", "evidenceFound");
        then(investigate.requiredKeys()).containsExactly("dumpSite");
        then(investigate.hideCondition("evidenceNotes")).hasValue("=evidenceFound = false");

        // when
        complete(task(), withVariables("dumpSite", "public", "evidenceFound", true,
                "evidenceNotes", "Envelope with an address in one of the bags."));

        // then
        assertThat(dumping).isWaitingAt("Task_PickUpDumpedMaterial");
        assertThat(task()).hasCandidateGroup("waste");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("disposal", "resolutionNote");

        // when
        complete(task(), withVariables("disposal", "tire-recycler",
                "resolutionNote", "We picked up six tires and took them to the recycler."));

        // then
        assertThat(dumping).isEnded()
                .hasPassedInOrder("Task_InvestigateDumping", "Gateway_PrivateProperty", "Task_PickUpDumpedMaterial",
                        "Event_DumpedMaterialCleared");
    }

    @Test
    void dumpingOnPrivatePropertyLeadsToACleanUpOrder() {
        // given
        ProcessInstance dumping = reportDumping();
        assertThat(dumping).isWaitingAt("Task_InvestigateDumping");

        // when
        complete(task(), withVariables("dumpSite", "private", "evidenceFound", false));

        // then
        assertThat(dumping).isWaitingAt("Task_IssueCleanUpOrder");
        assertThat(task()).hasCandidateGroup("waste");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys())
                .containsExactly("orderNumber", "complianceDate", "resolutionNote");

        // when
        complete(task(), withVariables("orderNumber", "PS-2026-0412", "complianceDate", "2026-06-10",
                "resolutionNote", "The material is on private land; we ordered the owner to clean it up by June 10."));

        // then
        assertThat(dumping).isEnded().hasPassed("Event_CleanUpOrdered").hasNotPassed("Task_PickUpDumpedMaterial");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("illegal-dumping-start");
        then(start.keys()).containsExactly("materialType", "dumpLocation", "sawDumping");
        then(start.requiredKeys()).containsExactly("materialType", "dumpLocation");
    }

    private ProcessInstance reportDumping() {
        return process.start(REFERENCE, answers());
    }

    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "waste",
                "materialType", "tires", "dumpLocation", "lane", "sawDumping", false);
    }
}
