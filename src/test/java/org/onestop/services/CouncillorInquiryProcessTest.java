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

/** bpmn/councillor-inquiry.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/councillor-inquiry.bpmn",
        "forms/councillor-inquiry-start.form", "forms/research-councillor-inquiry.form",
        "forms/visit-inquiry-site.form", "forms/reply-to-councillor.form"})
class CouncillorInquiryProcessTest {

    static final String PROCESS_KEY = "CouncillorInquiryProcess";
    static final String REFERENCE = "SR-2026-000303";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void inquiryIsResearchedAndAnsweredWithoutASiteVisit() {
        // given
        ProcessInstance inquiry = fileInquiry();
        assertThat(inquiry).isWaitingAt("Task_ResearchInquiry");
        assertThat(task()).hasCandidateGroup("transportation");
        then(CamundaForm.deployedFor(formService(), task()).keys()).containsExactly("findings", "needsSiteVisit");

        // when
        complete(task(), withVariables("needsSiteVisit", false,
                "findings", "Speed study from April: 85th percentile 52 km/h in a 40 zone."));

        // then
        assertThat(inquiry).isWaitingAt("Task_ReplyToCouncillor");
        assertThat(task()).hasCandidateGroup("transportation");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("resolutionNote");

        // when
        complete(task(), withVariables("resolutionNote",
                "Our April speed study confirms speeding on Elm Street; radar speed signs go up in June."));

        // then
        assertThat(inquiry).isEnded()
                .hasPassedInOrder("Task_ResearchInquiry", "Gateway_SiteVisitNeeded", "Gateway_MergeSiteVisit",
                        "Task_ReplyToCouncillor", "Event_CouncillorAnswered")
                .hasNotPassed("Task_VisitSite");
    }

    @Test
    void siteIsVisitedBeforeReplyingToTheCouncillor() {
        // given
        ProcessInstance inquiry = fileInquiry();
        assertThat(inquiry).isWaitingAt("Task_ResearchInquiry");

        // when
        complete(task(), withVariables("needsSiteVisit", true, "findings", "No speed data for this block."));

        // then
        assertThat(inquiry).isWaitingAt("Task_VisitSite");
        assertThat(task()).hasCandidateGroup("transportation");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("siteNotes");

        // when
        complete(task(), withVariables("siteNotes", "May 12: speed board shows most drivers above 50 km/h."));

        // then
        assertThat(inquiry).isWaitingAt("Task_ReplyToCouncillor");
        assertThat(task()).hasCandidateGroup("transportation");

        // when
        complete(task(), withVariables("resolutionNote",
                "We measured speeds on Elm Street on May 12 and will install radar speed signs in June."));

        // then
        assertThat(inquiry).isEnded()
                .hasPassedInOrder("Task_ResearchInquiry", "Gateway_SiteVisitNeeded", "Task_VisitSite",
                        "Gateway_MergeSiteVisit", "Task_ReplyToCouncillor", "Event_CouncillorAnswered");
    }

    @Test
    void serviceIsForStaffAndTellsTheWardCouncillor() {
        Map<String, String> properties = process.properties();

        then(properties)
                .containsEntry("serviceCode", "councillor-inquiry")
                .containsEntry("group", "Council")
                .containsEntry("visibility", "staff")
                .containsEntry("location", "optional")
                .containsEntry("notifyWardCouncillor", "true")
                .containsEntry("routingDecision", "CouncillorInquiryRouting");
    }

    @Test
    void startFormAsksTheCouncillorsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("councillor-inquiry-start");
        then(start.keys()).containsExactly("councillor", "topic", "inquiry", "residentConsent");
        then(start.requiredKeys()).containsExactly("councillor", "topic", "inquiry");
    }

    private ProcessInstance fileInquiry() {
        return process.start(REFERENCE, answers());
    }

    /** As the lifecycle hands them in: the routing outputs and the councillor's answers. */
    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "transportation", "priority", "high",
                "escalationGroup", "transportation-supervisors",
                "councillor", "Councillor Priya Natarajan (Ward 3)", "topic", "roads-traffic",
                "inquiry", "A resident on Elm Street says drivers speed past the school crossing every morning.",
                "residentConsent", true);
    }
}
