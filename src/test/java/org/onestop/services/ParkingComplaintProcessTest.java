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

/** bpmn/parking.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/parking.bpmn",
        "forms/parking-start.form", "forms/attend-parking-complaint.form", "forms/arrange-tow.form"})
class ParkingComplaintProcessTest {

    static final String PROCESS_KEY = "ParkingComplaintProcess";
    static final String REFERENCE = "SR-2026-000304";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void officerAttendsAndIssuesATicket() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_AttendParkingComplaint");
        assertThat(task()).hasCandidateGroup("bylaw");
        CamundaForm form = CamundaForm.deployedFor(formService(), task());
        then(form.alwaysShownKeys()).as("gateway variables are always submitted").contains("parkingOutcome");
        then(form.requiredKeys()).contains("parkingOutcome", "ticketNumber", "resolutionNote");

        // when
        complete(task(), withVariables("parkingOutcome", "ticket", "ticketNumber", "PT-884211",
                "resolutionNote", "An officer attended and ticketed the vehicle blocking your driveway."));

        // then
        assertThat(complaint).isEnded()
                .hasPassedInOrder("Task_AttendParkingComplaint", "Gateway_ParkingOutcome", "Event_TicketIssued");
    }

    @Test
    void vehicleIsTicketedAndTowed() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_AttendParkingComplaint");
        then(CamundaForm.deployedFor(formService(), task()).hideCondition("resolutionNote"))
                .hasValue("=parkingOutcome = \"tow\"");

        // when
        complete(task(), withVariables("parkingOutcome", "tow", "ticketNumber", "PT-884212"));

        // then
        assertThat(complaint).isWaitingAt("Task_ArrangeTow");
        assertThat(task()).hasCandidateGroup("bylaw");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys())
                .containsExactly("towCompany", "towedTo", "resolutionNote");

        // when
        complete(task(), withVariables("towCompany", "City Towing Ltd.", "towedTo", "Municipal pound, 40 Depot Road",
                "resolutionNote", "The vehicle in the fire route was ticketed and towed to the municipal pound."));

        // then
        assertThat(complaint).isEnded().hasPassed("Event_VehicleTowed").hasNotPassed("Event_TicketIssued");
    }

    @Test
    void vehicleIsGoneWhenTheOfficerArrives() {
        // given
        ProcessInstance complaint = fileComplaint();
        assertThat(complaint).isWaitingAt("Task_AttendParkingComplaint");
        then(CamundaForm.deployedFor(formService(), task()).hideCondition("ticketNumber"))
                .hasValue("=parkingOutcome = \"gone-on-arrival\"");

        // when
        complete(task(), withVariables("parkingOutcome", "gone-on-arrival",
                "resolutionNote", "The vehicle had left when our officer arrived. Please call again if it returns."));

        // then
        assertThat(complaint).isEnded().hasPassed("Event_VehicleGoneOnArrival").hasNotPassed("Task_ArrangeTow");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("parking-start");
        then(start.keys()).containsExactly("parkingIssue", "vehicleDescription", "vehicleThereNow");
        then(start.requiredKeys()).containsExactly("parkingIssue");
    }

    private ProcessInstance fileComplaint() {
        return process.start(REFERENCE, answers());
    }

    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "bylaw",
                "parkingIssue", "blocking-driveway", "vehicleDescription", "Grey Honda Civic, ABCD 123", "vehicleThereNow", true);
    }
}
