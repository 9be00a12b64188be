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

/** bpmn/graffiti.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/graffiti.bpmn",
        "forms/graffiti-start.form", "forms/remove-graffiti.form", "forms/inspect-graffiti.form",
        "forms/send-graffiti-notice.form", "forms/check-graffiti-compliance.form",
        "forms/arrange-graffiti-removal.form"})
class GraffitiRemovalProcessTest {

    static final String PROCESS_KEY = "GraffitiRemovalProcess";
    static final String REFERENCE = "SR-2026-000204";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void graffitiOnCityPropertyIsRemovedByARoadsCrew() {
        // given
        ProcessInstance graffiti = report(answers("roads", "city"));
        assertThat(graffiti).isWaitingAt("Task_RemoveGraffiti");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("removalMethod", "resolutionNote");

        // when
        complete(task(), withVariables("removalMethod", "pressure-washed",
                "resolutionNote", "Our crew pressure-washed the graffiti off the bridge."));

        // then
        assertThat(graffiti).isEnded()
                .hasPassedInOrder("Gateway_CityProperty", "Task_RemoveGraffiti", "Event_GraffitiRemoved")
                .hasNotPassed("Task_InspectGraffiti");
    }

    @Test
    void ownerRemovesGraffitiAfterTheNotice() {
        // given
        ProcessInstance graffiti = report(answers("bylaw", "private"));
        assertThat(graffiti).isWaitingAt("Task_InspectGraffiti");
        assertThat(task()).hasCandidateGroup("bylaw");
        CamundaForm inspect = CamundaForm.deployedFor(formService(), task());
        then(inspect.alwaysShownKeys()).as("gateway variables are always submitted").contains("inspectionOutcome");
        then(inspect.hideCondition("resolutionNote")).hasValue("=inspectionOutcome = \"notify-owner\"");

        // when
        complete(task(), withVariables("inspectionOutcome", "notify-owner", "inspectionNotes", "Tag on garage door"));

        // then
        assertThat(graffiti).isWaitingAt("Task_SendNoticeToOwner");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("noticeMethod", "complianceDate");

        // when
        complete(task(), withVariables("noticeMethod", "mail", "complianceDate", "2026-06-15"));

        // then
        assertThat(graffiti).isWaitingAt("Task_CheckCompliance");
        assertThat(task()).hasCandidateGroup("bylaw");
        CamundaForm check = CamundaForm.deployedFor(formService(), task());
        then(check.alwaysShownKeys()).contains("removedByOwner");
        then(check.hideCondition("resolutionNote")).hasValue("=removedByOwner = false");

        // when
        complete(task(), withVariables("removedByOwner", true,
                "resolutionNote", "The owner removed the graffiti after our notice."));

        // then
        assertThat(graffiti).isEnded()
                .hasPassedInOrder("Gateway_CityProperty", "Task_InspectGraffiti", "Gateway_InspectionOutcome",
                        "Task_SendNoticeToOwner", "Task_CheckCompliance", "Gateway_RemovedByOwner",
                        "Event_GraffitiRemovedByOwner");
    }

    @Test
    void cityRemovesGraffitiAtTheOwnersCostWhenTheOwnerDoesNotAct() {
        // given
        ProcessInstance graffiti = report(answers("bylaw", "private"));
        assertThat(graffiti).isWaitingAt("Task_InspectGraffiti");
        complete(task(), withVariables("inspectionOutcome", "notify-owner"));
        complete(task(), withVariables("noticeMethod", "posted", "complianceDate", "2026-06-15"));

        // when
        complete(task(), withVariables("removedByOwner", false));

        // then
        assertThat(graffiti).isWaitingAt("Task_ArrangeRemoval");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys())
                .containsExactly("workOrderNumber", "removalDate", "resolutionNote");

        // when
        complete(task(), withVariables("workOrderNumber", "WO-88120", "removalDate", "2026-06-20",
                "resolutionNote", "The owner did not act on our notice; our contractor removed it at the owner's cost."));

        // then
        assertThat(graffiti).isEnded().hasPassed("Event_GraffitiRemovedAtOwnersCost")
                .hasNotPassed("Event_GraffitiRemovedByOwner");
    }

    @Test
    void inspectionFindsNoGraffiti() {
        // given
        ProcessInstance graffiti = report(answers("bylaw", "unsure"));
        assertThat(graffiti).isWaitingAt("Task_InspectGraffiti");

        // when
        complete(task(), withVariables("inspectionOutcome", "not-found",
                "resolutionNote", "The graffiti had already been removed when our officer visited."));

        // then
        assertThat(graffiti).isEnded().hasPassed("Event_NoGraffitiFound").hasNotPassed("Task_SendNoticeToOwner");
    }

    @Test
    void unansweredPropertyTypeGoesToABylawInspection() {
        // given no property type (intake requires one, so the variable is there, if empty: models read variables directly)
        Map<String, Object> answers = withVariables("departmentGroup", "bylaw", "propertyType", null, "offensive", false);

        // when
        ProcessInstance graffiti = report(answers);

        // then
        assertThat(graffiti).isWaitingAt("Task_InspectGraffiti");
    }

    @Test
    void graffitiOnAUtilityBoxIsReferredWithTheNoteToTheResident() {
        // given the lifecycle (here a stand-in) calls the service process
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers("bylaw", "utility"));
        ProcessInstance graffiti = calledProcessInstance(PROCESS_KEY, lifecycle);
        assertThat(graffiti).hasBusinessKey(REFERENCE).isWaitingAt("Task_InspectGraffiti");
        assertThat(task(graffiti)).hasCandidateGroup("bylaw");

        // when
        complete(task(graffiti), withVariables("inspectionOutcome", "refer",
                "resolutionNote", "The box belongs to the telephone company; we asked them to remove the graffiti."));

        // then the Referred error carries the note to the caller
        assertThat(graffiti).isEnded().hasPassed("Event_ReferredToAssetOwner");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "The box belongs to the telephone company; we asked them to remove the graffiti.");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("graffiti-start");
        then(start.keys()).containsExactly("propertyType", "offensive", "graffitiSize");
        then(start.requiredKeys()).containsExactly("propertyType");
    }

    private ProcessInstance report(Map<String, Object> answers) {
        return process.start(REFERENCE, answers);
    }

    private static Map<String, Object> answers(String departmentGroup, String propertyType) {
        return withVariables("departmentGroup", departmentGroup,
                "propertyType", propertyType, "offensive", false, "graffitiSize", "small");
    }
}
