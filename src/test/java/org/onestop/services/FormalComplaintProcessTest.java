package org.onestop.services;

import static org.assertj.core.api.BDDAssertions.then;
import static org.assertj.core.groups.Tuple.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.onestop.testing.DecisionTableUnderTest.variables;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricDecisionInputInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.testing.CamundaForm;
import org.onestop.testing.DecisionTableUnderTest;
import org.onestop.testing.ProcessUnderTest;

/**
 * bpmn/complaint.bpmn: every path, with the department group handed in by the lifecycle's routing, the real
 * stage 2 standards table (dmn/standards-complaint-stage-2.dmn) asked about stage 2, and the {@code startStageClock} delegate replaced by a mock.
 */
@Deployment(resources = {
        "bpmn/complaint.bpmn", "dmn/standards-complaint-stage-2.dmn",
        "forms/complaint-start.form", "forms/respond-to-complaint.form", "forms/ask-if-resident-satisfied.form",
        "forms/review-complaint.form", "forms/follow-up-overdue-review.form"})
class FormalComplaintProcessTest {

    static final String PROCESS_KEY = "FormalComplaintProcess";
    static final String REFERENCE = "SR-2026-000301";

    /** What the stage 2 review must get: the stage 2 standards table at normal priority. */
    static final Map<String, Object> STAGE_2_STANDARD = DecisionTableUnderTest
            .load("dmn/standards-complaint-stage-2.dmn", "ComplaintStage2Standards")
            .evaluate(variables("priority", "normal"))
            .outputs();

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    private final Date stageDueBy = Date.from(Instant.now().plus(28, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
    private final Map<String, Object> seenByStageClock = new HashMap<>();

    @BeforeEach
    void replaceStageClock() {
        Mocks.register("startStageClock", (JavaDelegate) execution -> {
            seenByStageClock.put("stageName", execution.getVariable("stageName"));
            seenByStageClock.put("stageWithin", execution.getVariable("stageWithin"));
            seenByStageClock.put("stageClock", execution.getVariable("stageClock"));
            execution.setVariable("stageDueBy", stageDueBy);
        });
    }

    @Test
    void complaintIsResolvedAtStage1WhenTheResidentIsSatisfied() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_RespondToComplaint");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("resolutionNote");

        // when
        respondAtStage1(complaint);

        // then customer service asks the resident
        assertThat(complaint).isWaitingAt("Task_AskIfResidentSatisfied");
        assertThat(task()).hasCandidateGroup("customer-service");
        then(CamundaForm.deployedFor(formService(), task()).keys()).containsExactly("satisfied", "residentComments");

        // when
        complete(task(), withVariables("satisfied", true, "residentComments", "Thanks, that explains it."));

        // then
        assertThat(complaint).isEnded()
                .hasPassedInOrder("Task_RespondToComplaint", "Task_AskIfResidentSatisfied", "Gateway_ResidentSatisfied",
                        "Event_ComplaintResolvedAtStage1")
                .hasNotPassed("Task_DetermineStage2Standard", "Task_ReviewComplaint");
        then(seenByStageClock).isEmpty();
        then(finalValueOf(complaint, "resolutionNote"))
                .isEqualTo("We spoke with the plow operator, who apologises; the crew will now clear the end of your driveway after the last pass.");
    }

    @Test
    void unsatisfiedResidentGetsAStage2ReviewOnItsOwnStandard() {
        // given
        ProcessInstance complaint = fileComplaint();
        respondAtStage1(complaint);

        // when
        complete(task(), withVariables("satisfied", false, "residentComments", "The driveway was blocked again the next day."));

        // then the stage 2 standards table was asked, at the local priority normal
        then(STAGE_2_STANDARD).containsKeys("resolveWithin", "clock");
        assertThat(complaint).isWaitingAt("Task_ReviewComplaint").variables()
                .containsEntry("stageWithin", STAGE_2_STANDARD.get("resolveWithin"))
                .containsEntry("stageClock", STAGE_2_STANDARD.get("clock"))
                .containsEntry("stageDueBy", stageDueBy)
                .containsEntry("serviceCode", "complaint")
                .containsEntry("priority", "normal")
                .doesNotContainKey("stageName")
                .doesNotContainKey("decisionResult");
        then(historyService().createHistoricDecisionInstanceQuery().processInstanceId(complaint.getId())
                .decisionDefinitionKey("ComplaintStage2Standards").includeInputs().singleResult().getInputs())
                .extracting(HistoricDecisionInputInstance::getClauseName, HistoricDecisionInputInstance::getValue)
                .as("the table saw the local stage 2 inputs")
                .containsExactlyInAnyOrder(tuple("Priority", "normal"));
        then(seenByStageClock)
                .containsEntry("stageName", "Stage 2 review")
                .containsEntry("stageWithin", STAGE_2_STANDARD.get("resolveWithin"))
                .containsEntry("stageClock", STAGE_2_STANDARD.get("clock"));

        // and the City Manager's office reviews it, on the stage 2 clock
        assertThat(task()).hasCandidateGroup("complaints-review");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("resolutionNote");
        then(job("Event_Stage2ReviewOverdue", complaint).getDuedate()).isEqualTo(stageDueBy);

        // when
        complete(task(), withVariables("reviewFindings", "Pass order reviewed with the roads supervisor; the route can run the other way.",
                "resolutionNote", "We reviewed your complaint: the plow route now runs the other way, so your driveway is no longer blocked."));

        // then
        assertThat(complaint).isEnded()
                .hasPassedInOrder("Gateway_ResidentSatisfied", "Task_DetermineStage2Standard", "Task_StartStage2Clock",
                        "Task_ReviewComplaint", "Event_ComplaintResolvedAtStage2")
                .hasNotPassed("Event_ComplaintResolvedAtStage1", "Task_FollowUpOverdueReview");
        then(managementService().createJobQuery().count()).as("the overdue timer is gone").isZero();
        then(finalValueOf(complaint, "resolutionNote"))
                .isEqualTo("We reviewed your complaint: the plow route now runs the other way, so your driveway is no longer blocked.");
    }

    @Test
    void overdueStage2ReviewIsFollowedUpWhileTheReviewGoesOn() {
        // given
        ProcessInstance complaint = fileComplaint();
        respondAtStage1(complaint);
        complete(task(), withVariables("satisfied", false));
        assertThat(complaint).isWaitingAt("Task_ReviewComplaint");

        // when the stage 2 due date passes
        execute(job("Event_Stage2ReviewOverdue", complaint));

        // then
        assertThat(complaint).isWaitingAt("Task_ReviewComplaint", "Task_FollowUpOverdueReview");
        assertThat(task("Task_FollowUpOverdueReview", complaint)).hasCandidateGroup("complaints-review-supervisors");
        then(CamundaForm.deployedFor(formService(), task("Task_FollowUpOverdueReview", complaint)).requiredKeys())
                .containsExactly("note");

        // when
        complete(task("Task_FollowUpOverdueReview", complaint),
                withVariables("note", "Reminded the reviewer; answer promised by Friday."));

        // then the review is still open
        assertThat(complaint).hasPassed("Event_OverdueReviewFollowedUp").isWaitingAt("Task_ReviewComplaint");

        // when
        complete(task("Task_ReviewComplaint", complaint), withVariables(
                "resolutionNote", "We reviewed your complaint and apologise for the delay."));

        // then
        assertThat(complaint).isEnded().hasPassed("Event_ComplaintResolvedAtStage2");
    }

    @Test
    void askingTheResidentIsMarkedAsWaitingForTheCustomer() {
        Map<String, String> properties = process.properties("Task_AskIfResidentSatisfied");

        then(properties).containsEntry("caseStatus", "waiting_for_customer");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("complaint-start");
        then(start.keys()).containsExactly("aboutDepartment", "whatHappened", "outcomeSought");
        then(start.requiredKeys()).containsExactly("aboutDepartment", "whatHappened");
    }

    private void respondAtStage1(ProcessInstance complaint) {
        assertThat(complaint).isWaitingAt("Task_RespondToComplaint");
        complete(task(), withVariables("findings", "Operator confirmed the windrow; the last pass of the route ends at this driveway.",
                "resolutionNote", "We spoke with the plow operator, who apologises; the crew will now clear the end of your driveway after the last pass."));
    }

    private static Object finalValueOf(ProcessInstance processInstance, String variableName) {
        return historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(processInstance.getId()).variableName(variableName).singleResult().getValue();
    }

    private ProcessInstance fileComplaint() {
        return process.start(REFERENCE, answers());
    }

    /** As the lifecycle hands them in: the case's service code, the routing outputs and the resident's answers. */
    private static Map<String, Object> answers() {
        return withVariables("serviceCode", "complaint",
                "departmentGroup", "roads", "priority", "normal", "escalationGroup", "roads-supervisors",
                "aboutDepartment", "roads",
                "whatHappened", "The snow plow blocked my driveway three times this week and the operator was rude.",
                "outcomeSought", "Please ask the operator to leave the end of the driveway clear.");
    }
}
