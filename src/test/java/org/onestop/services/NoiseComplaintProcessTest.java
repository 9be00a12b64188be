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

/** bpmn/noise-complaint.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/noise-complaint.bpmn",
        "forms/noise-complaint-start.form", "forms/review-noise-complaint.form", "forms/investigate-noise.form",
        "forms/send-information-letter.form", "forms/contact-complainant.form"})
class NoiseComplaintProcessTest {

    static final String PROCESS_KEY = "NoiseComplaintProcess";
    static final String REFERENCE = "SR-2026-000125";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void complaintIsReviewedAndInvestigated() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_ReviewNoiseComplaint");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).alwaysShownKeys()).contains("nextStep");

        // when
        complete(task(), withVariables("nextStep", "investigate", "reviewNotes", "Third complaint this month."));

        // then
        assertThat(complaint).isWaitingAt("Task_InvestigateNoise");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).contains("enforcementAction", "resolutionNote");

        // when
        complete(task(), withVariables("violationFound", true, "enforcementAction", "notice",
                "resolutionNote", "An officer attended and issued a notice of violation."));

        // then
        assertThat(complaint).isEnded()
                .hasPassedInOrder("Task_ReviewNoiseComplaint", "Gateway_NextStep", "Task_InvestigateNoise",
                        "Event_ComplaintInvestigated");
    }

    @Test
    void complaintIsAnsweredWithAnInformationLetter() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_ReviewNoiseComplaint");
        then(CamundaForm.deployedFor(formService(), task()).hideCondition("resolutionNote"))
                .hasValue("=not(nextStep = \"information-letter\" or nextStep = \"refer-to-police\")");

        // when
        complete(task(), withVariables("nextStep", "information-letter",
                "resolutionNote", "We sent the owner a letter about the noise bylaw."));

        // then
        assertThat(complaint).isWaitingAt("Task_SendInformationLetter");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).contains("letterSentOn", "resolutionNote");

        // when
        complete(task(), withVariables("letterSentOn", "2026-05-06",
                "resolutionNote", "We sent the dog's owner a letter about the noise bylaw on May 6."));

        // then
        assertThat(complaint).isEnded().hasPassed("Event_InformationLetterSent").hasNotPassed("Task_InvestigateNoise");
    }

    @Test
    void complaintIsReferredToThePoliceWithTheNoteToTheResident() {
        // given the lifecycle (here a stand-in) calls the service process
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers());
        ProcessInstance complaint = calledProcessInstance(PROCESS_KEY, lifecycle);
        assertThat(complaint).isWaitingAt("Task_ReviewNoiseComplaint");
        assertThat(task(complaint)).hasCandidateGroup("bylaw");

        // when
        complete(task(complaint), withVariables("nextStep", "refer-to-police",
                "resolutionNote", "Threats were made: we passed your complaint to the police."));

        // then
        assertThat(complaint).isEnded().hasPassed("Event_ReferredToPolice");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "Threats were made: we passed your complaint to the police.");
    }

    @Test
    void complainantIsAskedForMoreInformationAndTheComplaintIsReviewedAgain() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_ReviewNoiseComplaint");

        // when
        complete(task(), withVariables("nextStep", "need-more-information",
                "informationNeeded", "Which unit does the music come from?"));

        // then
        assertThat(complaint).isWaitingAt("Task_ContactComplainant");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("informationReceived");

        // when
        complete(task(), withVariables("informationReceived", "Unit 4B, most Fridays after midnight."));

        // then
        assertThat(complaint).isWaitingAt("Task_ReviewNoiseComplaint");
        assertThat(task()).hasCandidateGroup("bylaw");

        // when
        complete(task(), withVariables("nextStep", "investigate"));
        complete(task(), withVariables("violationFound", false, "enforcementAction", "none",
                "resolutionNote", "An officer attended twice and did not hear noise above the limit."));

        // then
        assertThat(complaint).isEnded()
                .hasPassedInOrder("Task_ReviewNoiseComplaint", "Task_ContactComplainant", "Gateway_MergeReview",
                        "Task_ReviewNoiseComplaint", "Task_InvestigateNoise", "Event_ComplaintInvestigated");
    }

    @Test
    void waitingForTheComplainantIsMarkedForTheCaseStatus() {
        Map<String, String> properties = process.properties("Task_ContactComplainant");

        then(properties).containsEntry("caseStatus", "waiting_for_customer");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("noise-complaint-start");
        then(start.keys()).containsExactly("noiseSource", "ongoing", "recurring");
        then(start.requiredKeys()).containsExactly("noiseSource");
    }

    private ProcessInstance fileComplaint() {
        return process.start(REFERENCE, answers());
    }

    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "bylaw",
                "noiseSource", "amplified-music", "ongoing", false, "recurring", true);
    }
}
