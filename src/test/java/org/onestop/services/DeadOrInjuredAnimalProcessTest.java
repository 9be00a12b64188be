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

/** bpmn/animal.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/animal.bpmn",
        "forms/animal-start.form", "forms/dispatch-animal-control-officer.form", "forms/attend-to-animal.form"})
class DeadOrInjuredAnimalProcessTest {

    static final String PROCESS_KEY = "DeadOrInjuredAnimalProcess";
    static final String REFERENCE = "SR-2026-000302";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void officerIsDispatchedAndPicksTheAnimalUp() {
        // given
        ProcessInstance report = reportAnimal();
        assertThat(report).isWaitingAt("Task_DispatchOfficer");
        assertThat(task()).hasCandidateGroup("animal-services");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("officer");

        // when
        complete(task(), withVariables("officer", "Officer Tremblay, unit 12"));

        // then
        assertThat(report).isWaitingAt("Task_AttendToAnimal");
        assertThat(task()).hasCandidateGroup("animal-services");
        CamundaForm form = CamundaForm.deployedFor(formService(), task());
        then(form.alwaysShownKeys()).as("gateway variables are always submitted").contains("animalOutcome", "resolutionNote");
        then(form.hideCondition("takenTo")).hasValue("=animalOutcome != \"picked-up\"");

        // when
        complete(task(), withVariables("animalOutcome", "picked-up", "takenTo", "veterinarian",
                "resolutionNote", "An officer picked up the injured dog and took it to the emergency veterinarian."));

        // then
        assertThat(report).isEnded()
                .hasPassedInOrder("Task_DispatchOfficer", "Task_AttendToAnimal", "Gateway_AnimalOutcome", "Event_AnimalPickedUp");
    }

    @Test
    void animalIsGoneWhenTheOfficerArrives() {
        // given
        ProcessInstance report = reportAnimal();
        assertThat(report).isWaitingAt("Task_DispatchOfficer");
        complete(task(), withVariables("officer", "Officer Singh, unit 7"));
        assertThat(report).isWaitingAt("Task_AttendToAnimal");

        // when
        complete(task(), withVariables("animalOutcome", "not-found",
                "resolutionNote", "An officer searched the area but could not find the animal."));

        // then
        assertThat(report).isEnded().hasPassed("Event_AnimalNotFound").hasNotPassed("Event_AnimalPickedUp");
    }

    @Test
    void injuredWildlifeIsTransferredToARehabilitatorWithTheNoteToTheResident() {
        // given the lifecycle (here a stand-in) calls the service process
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers());
        ProcessInstance report = calledProcessInstance(PROCESS_KEY, lifecycle);
        assertThat(report).hasBusinessKey(REFERENCE).isWaitingAt("Task_DispatchOfficer");
        complete(task(report), withVariables("officer", "Officer Tremblay, unit 12"));
        then(CamundaForm.deployedFor(formService(), task(report)).hideCondition("rehabilitator"))
                .hasValue("=animalOutcome != \"wildlife-rehabilitator\"");

        // when
        complete(task(report), withVariables("animalOutcome", "wildlife-rehabilitator", "rehabilitator", "Hope Wildlife Centre",
                "resolutionNote", "The injured owl was taken to Hope Wildlife Centre, which will care for it."));

        // then
        assertThat(report).isEnded().hasPassed("Event_TransferredToWildlifeRehabilitator");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "The injured owl was taken to Hope Wildlife Centre, which will care for it.");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("animal-start");
        then(start.keys()).containsExactly("animalCondition", "animalType", "animalLocation");
        then(start.requiredKeys()).containsExactly("animalCondition", "animalType", "animalLocation");
    }

    private ProcessInstance reportAnimal() {
        return process.start(REFERENCE, answers());
    }

    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "animal-services",
                "animalCondition", "injured", "animalType", "wildlife", "animalLocation", "public-space");
    }
}
