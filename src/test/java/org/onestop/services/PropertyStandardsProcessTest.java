package org.onestop.services;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.testing.CamundaForm;
import org.onestop.testing.ProcessUnderTest;

/** bpmn/property-standards.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/property-standards.bpmn",
        "forms/property-standards-start.form", "forms/inspect-property.form", "forms/arrange-property-inspection.form",
        "forms/issue-order-to-comply.form", "forms/reinspect-property.form", "forms/take-enforcement-action.form"})
class PropertyStandardsProcessTest {

    static final String PROCESS_KEY = "PropertyStandardsProcess";
    static final String REFERENCE = "SR-2026-000303";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void violationIsOrderedFixedAndReinspectedAfterTheComplianceDate() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_InspectProperty");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).alwaysShownKeys())
                .as("gateway variables are always submitted")
                .contains("inspectionOutcome");

        // when
        complete(task(), withVariables("inspectionOutcome", "violation", "inspectionNotes", "Rear stairs rotten."));

        // then
        assertThat(complaint).isWaitingAt("Task_IssueOrderToComply");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys())
                .containsExactly("orderDetails", "complyBy", "orderServedOn");

        // when
        complete(task(), withVariables("orderDetails", "Replace the rear stairs and railing.",
                "complyBy", "2026-07-15", "orderServedOn", "2026-06-01"));

        // then the re-inspection is due after the compliance date
        assertThat(complaint).isWaitingAt("Task_ReinspectProperty");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(task().getFollowUpDate()).isNotNull();
        then(task().getFollowUpDate().toInstant().atZone(ZoneId.systemDefault()).toLocalDate())
                .isEqualTo(LocalDate.of(2026, 7, 15));
        CamundaForm form = CamundaForm.deployedFor(formService(), task());
        then(form.alwaysShownKeys()).contains("compliant");
        then(form.hideCondition("resolutionNote")).hasValue("=compliant != true");

        // when
        complete(task(), withVariables("compliant", true,
                "resolutionNote", "The owner replaced the rear stairs; the property now meets the standards."));

        // then
        assertThat(complaint).isEnded()
                .hasPassedInOrder("Task_InspectProperty", "Gateway_ViolationFound", "Task_IssueOrderToComply",
                        "Task_ReinspectProperty", "Gateway_PropertyCompliant", "Event_PropertyBroughtIntoCompliance");
    }

    @Test
    void ownerWhoDoesNotComplyFacesEnforcement() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_InspectProperty");
        complete(task(), withVariables("inspectionOutcome", "violation"));
        complete(task(), withVariables("orderDetails", "Remove the debris from the yard.",
                "complyBy", "2026-07-15", "orderServedOn", "2026-06-01"));
        assertThat(complaint).isWaitingAt("Task_ReinspectProperty");

        // when
        complete(task(), withVariables("compliant", false, "reinspectionNotes", "Debris still in the yard."));

        // then
        assertThat(complaint).isWaitingAt("Task_TakeEnforcementAction");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys())
                .containsExactly("enforcementAction", "actionTakenOn", "resolutionNote");

        // when
        complete(task(), withVariables("enforcementAction", "charge", "actionTakenOn", "2026-07-20",
                "resolutionNote", "The owner did not comply with the order; we laid a charge under the property standards bylaw."));

        // then
        assertThat(complaint).isEnded().hasPassed("Event_EnforcementActionTaken")
                .hasNotPassed("Event_PropertyBroughtIntoCompliance");
    }

    @Test
    void noViolationIsExplainedToTheResident() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_InspectProperty");
        CamundaForm form = CamundaForm.deployedFor(formService(), task());
        then(form.requiredKeys()).contains("resolutionNote");
        then(form.hideCondition("resolutionNote")).hasValue("=inspectionOutcome != \"no-violation\"");

        // when
        complete(task(), withVariables("inspectionOutcome", "no-violation",
                "resolutionNote", "The grass is under the 20 cm limit in the bylaw, so no order was issued."));

        // then
        assertThat(complaint).isEnded().hasPassed("Event_NoViolationFound").hasNotPassed("Task_IssueOrderToComply");
    }

    @Test
    void inspectionWaitsForTheComplainantAndThenGoesAhead() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_InspectProperty");
        then(CamundaForm.deployedFor(formService(), task()).hideCondition("informationNeeded"))
                .hasValue("=inspectionOutcome != \"need-complainant\"");

        // when
        complete(task(), withVariables("inspectionOutcome", "need-complainant",
                "informationNeeded", "When can you let the officer into your unit?"));

        // then
        assertThat(complaint).isWaitingAt("Task_ArrangeInspection");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("complainantResponse");

        // when
        complete(task(), withVariables("complainantResponse", "Thursday after 4 pm.", "inspectionBookedFor", "2026-05-14"));

        // then
        assertThat(complaint).isWaitingAt("Task_InspectProperty");

        // when
        complete(task(), withVariables("inspectionOutcome", "no-violation",
                "resolutionNote", "The officer inspected your unit; the leak had been repaired."));

        // then
        assertThat(complaint).isEnded()
                .hasPassedInOrder("Task_InspectProperty", "Task_ArrangeInspection", "Gateway_MergeInspection",
                        "Task_InspectProperty", "Event_NoViolationFound");
    }

    @Test
    void waitingForTheComplainantIsMarkedForTheCaseStatus() {
        Map<String, String> properties = process.properties("Task_ArrangeInspection");

        then(properties).containsEntry("caseStatus", "waiting_for_customer");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("property-standards-start");
        then(start.keys()).containsExactly("issueType", "complainantIsTenant", "ownerTold");
        then(start.requiredKeys()).containsExactly("issueType");
    }

    private ProcessInstance fileComplaint() {
        return process.start(REFERENCE, answers());
    }

    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "bylaw",
                "issueType", "rental-repairs", "complainantIsTenant", true, "ownerTold", true);
    }
}
