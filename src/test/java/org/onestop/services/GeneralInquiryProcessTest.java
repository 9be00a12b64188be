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

/** bpmn/general-inquiry.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/general-inquiry.bpmn",
        "forms/general-inquiry-start.form", "forms/research-question.form"})
class GeneralInquiryProcessTest {

    static final String PROCESS_KEY = "GeneralInquiryProcess";
    static final String REFERENCE = "SR-2026-000306";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void agentResearchesAndAnswersTheQuestion() {
        // given
        ProcessInstance inquiry = askQuestion();
        assertThat(inquiry).isWaitingAt("Task_ResearchQuestion");
        assertThat(task()).hasCandidateGroup("customer-service");
        CamundaForm form = CamundaForm.deployedFor(formService(), task());
        then(form.alwaysShownKeys()).as("gateway variables are always submitted").contains("answerType", "resolutionNote");
        then(form.requiredKeys()).contains("answerType", "resolutionNote");

        // when
        complete(task(), withVariables("answerType", "answer", "researchNotes", "Checked the 2026 tax bylaw.",
                "resolutionNote", "The second property tax instalment is due on June 30. You can pay online or at any bank."));

        // then
        assertThat(inquiry).isEnded()
                .hasPassedInOrder("Task_ResearchQuestion", "Gateway_CityMatter", "Event_QuestionAnswered");
    }

    @Test
    void questionForAnotherLevelOfGovernmentIsReferredWithWhoToContact() {
        // given the lifecycle (here a stand-in) calls the service process
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers());
        ProcessInstance inquiry = calledProcessInstance(PROCESS_KEY, lifecycle);
        assertThat(inquiry).hasBusinessKey(REFERENCE).isWaitingAt("Task_ResearchQuestion");
        assertThat(task(inquiry)).hasCandidateGroup("customer-service");
        then(CamundaForm.deployedFor(formService(), task(inquiry)).hideCondition("responsibleGovernment"))
                .hasValue("=answerType != \"refer\"");

        // when
        complete(task(inquiry), withVariables("answerType", "refer", "responsibleGovernment", "province",
                "resolutionNote", "Highway 401 is maintained by the Ministry of Transportation: call 1-800-268-4686."));

        // then
        assertThat(inquiry).isEnded().hasPassed("Event_ReferredToOtherGovernment");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "Highway 401 is maintained by the Ministry of Transportation: call 1-800-268-4686.");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("general-inquiry-start");
        then(start.keys()).containsExactly("topic", "question");
        then(start.requiredKeys()).containsExactly("topic", "question");
    }

    @Test
    void noAddressIsNeeded() {
        Map<String, String> properties = process.properties();

        then(properties).containsEntry("location", "optional").containsEntry("serviceCode", "general-inquiry");
    }

    private ProcessInstance askQuestion() {
        return process.start(REFERENCE, answers());
    }

    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "customer-service",
                "topic", "taxes-and-bills", "question", "When is the second property tax instalment due?");
    }
}
