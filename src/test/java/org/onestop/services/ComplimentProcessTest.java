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

/** bpmn/compliment.bpmn: the manager shares the compliment while the department records it, in either order. */
@Deployment(resources = {
        "bpmn/compliment.bpmn",
        "forms/compliment-start.form", "forms/share-compliment-with-staff.form", "forms/record-compliment.form"})
class ComplimentProcessTest {

    static final String PROCESS_KEY = "ComplimentProcess";
    static final String REFERENCE = "SR-2026-000302";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void managerSharesTheComplimentAndTheDepartmentRecordsIt() {
        // when
        ProcessInstance compliment = fileCompliment();

        // then both happen at once: the manager (the department's supervisors) and the department
        assertThat(compliment).isWaitingAt("Task_ShareWithStaffMember", "Task_RecordCompliment");
        assertThat(task("Task_ShareWithStaffMember", compliment)).hasCandidateGroup("waste-supervisors");
        then(CamundaForm.deployedFor(formService(), task("Task_ShareWithStaffMember", compliment)).keys())
                .containsExactly("sharedWithStaff", "managerNote");
        assertThat(task("Task_RecordCompliment", compliment)).hasCandidateGroup("waste");
        then(CamundaForm.deployedFor(formService(), task("Task_RecordCompliment", compliment)).requiredKeys())
                .containsExactly("resolutionNote");

        // when the manager shares it first
        complete(task("Task_ShareWithStaffMember", compliment), withVariables(
                "sharedWithStaff", true, "managerNote", "Read out at Monday's crew meeting."));

        // then the compliment waits for the department
        assertThat(compliment).isWaitingAt("Task_RecordCompliment").hasNotPassed("Event_ComplimentShared");

        // when
        complete(task("Task_RecordCompliment", compliment), withVariables(
                "resolutionNote", "Thank you! We shared your kind words with the crew of truck 12."));

        // then
        assertThat(compliment).isEnded()
                .hasPassed("Task_ShareWithStaffMember", "Task_RecordCompliment", "Gateway_JoinShareAndRecord",
                        "Event_ComplimentShared");
    }

    @Test
    void complimentRecordedFirstWaitsForTheManager() {
        // given
        ProcessInstance compliment = fileCompliment();

        // when the department records it first
        complete(task("Task_RecordCompliment", compliment), withVariables(
                "resolutionNote", "Thank you! We passed your compliment on to the driver's manager."));

        // then
        assertThat(compliment).isWaitingAt("Task_ShareWithStaffMember").hasNotPassed("Event_ComplimentShared");

        // when the staff member could not be identified
        complete(task("Task_ShareWithStaffMember", compliment), withVariables(
                "sharedWithStaff", false, "managerNote", "No route matches; shared with the whole team."));

        // then
        assertThat(compliment).isEnded().hasPassed("Event_ComplimentShared");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("compliment-start");
        then(start.keys()).containsExactly("aboutDepartment", "staffMember", "whatHappened");
        then(start.requiredKeys()).containsExactly("aboutDepartment", "whatHappened");
    }

    private ProcessInstance fileCompliment() {
        return process.start(REFERENCE, answers());
    }

    /** As the lifecycle hands them in: the routing outputs and the resident's answers. */
    private static Map<String, Object> answers() {
        return withVariables("departmentGroup", "waste", "priority", "low", "escalationGroup", "waste-supervisors",
                "aboutDepartment", "waste", "staffMember", "The driver of garbage truck 12",
                "whatHappened", "He carried my bins back up the driveway every week while I was on crutches.");
    }
}
