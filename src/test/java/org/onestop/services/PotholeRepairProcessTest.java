package org.onestop.services;

import static org.assertj.core.api.BDDAssertions.then;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.externalTaskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.externaltask.LockedExternalTask;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.test.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onestop.testing.CamundaForm;
import org.onestop.testing.ProcessUnderTest;

/** bpmn/pothole.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/pothole.bpmn",
        "forms/pothole-start.form", "forms/inspect-pothole.form",
        "forms/schedule-pothole-repair.form", "forms/repair-pothole.form"})
class PotholeRepairProcessTest {

    static final String PROCESS_KEY = "PotholeRepairProcess";
    static final String REFERENCE = "SR-2026-000123";
    static final String WORKER = "cityworks-worker";

    private final List<String> recorded = new ArrayList<>();

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void potholeOnCityRoadIsInspectedScheduledAndRepaired() {
        // given
        ProcessInstance pothole = reportPothole();
        assertThat(pothole).isWaitingAt("Task_InspectPothole");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).alwaysShownKeys())
                .as("gateway variables are always submitted")
                .contains("roadAuthority", "repairNeeded");

        // when
        complete(task(), withVariables("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", "40 cm, 8 cm deep"));

        // then
        assertThat(pothole).isWaitingAt("Task_ScheduleRepair");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("crew", "plannedDate");

        // when
        complete(task(), withVariables("crew", "north-yard", "plannedDate", "2026-05-04"));

        // then the work order goes to the work-order system's worker, with the place and the crew, no person
        assertThat(pothole).isWaitingAt("Task_CreateWorkOrder");
        LockedExternalTask order = fetchWorkOrder();
        then(order.getVariables()).containsEntry("serviceCode", "pothole").containsEntry("address", "12 King St W")
                .containsEntry("ward", "Ward 3").containsEntry("reference", REFERENCE).containsEntry("crew", "north-yard")
                .containsEntry("size", "medium");

        // when the worker completes it with the work order's number
        externalTaskService().complete(order.getId(), WORKER, withVariables("workOrderNumber", "WO-4711", "workOrderStatus", "scheduled"));

        // then the end listener reads what it reported
        then(recorded).containsExactly("WO-4711 scheduled");
        assertThat(pothole).isWaitingAt("Task_RepairPothole");
        assertThat(task()).hasCandidateGroup("roads");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).contains("repairMethod", "resolutionNote");

        // when
        complete(task(), withVariables("repairMethod", "hot-mix", "resolutionNote", "Filled with hot-mix asphalt."));

        // then
        assertThat(pothole).isEnded()
                .hasPassedInOrder("Task_InspectPothole", "Gateway_CityRoad", "Gateway_RepairNeeded",
                        "Task_ScheduleRepair", "Gateway_WorkOrderSystem", "Task_CreateWorkOrder", "Gateway_WorkOrderDone",
                        "Task_RepairPothole", "Event_PotholeRepaired");
    }

    @Test
    void withoutAWorkOrderSystemTheScheduledRepairGoesStraightToTheCrew() {
        // given no worker serves the topic work-orders
        ProcessInstance pothole = reportPothole(false);
        assertThat(pothole).isWaitingAt("Task_InspectPothole");
        complete(task(), withVariables("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", ""));

        // when
        complete(task(), withVariables("crew", "west-yard", "plannedDate", "2026-05-07"));

        // then no work order waits: the crew's task is next
        assertThat(pothole).isWaitingAt("Task_RepairPothole").hasPassed("Gateway_WorkOrderSystem", "Gateway_WorkOrderDone")
                .hasNotPassed("Task_CreateWorkOrder");
        then(recorded).isEmpty();
    }

    @Test
    void aWorkerThatGivesUpLeavesAnIncidentAndTheWorkOrderWaits() {
        // given
        ProcessInstance pothole = reportPothole();
        assertThat(pothole).isWaitingAt("Task_InspectPothole");
        complete(task(), withVariables("roadAuthority", "city", "repairNeeded", true, "inspectionNotes", ""));
        complete(task(), withVariables("crew", "east-yard", "plannedDate", "2026-05-06"));
        LockedExternalTask order = fetchWorkOrder();

        // when the work-order system is out of reach and the worker has no retries left
        externalTaskService().handleFailure(order.getId(), WORKER, "Cityworks answered 503", "details", 0, 0);

        // then an incident for the supervisors in Cockpit, and no work order recorded
        then(runtimeService().createIncidentQuery().processInstanceId(pothole.getId()).singleResult().getIncidentMessage())
                .isEqualTo("Cityworks answered 503");
        then(recorded).isEmpty();
        assertThat(pothole).isWaitingAt("Task_CreateWorkOrder");
    }

    @Test
    void potholeOnCityRoadWithinStandardsNeedsNoRepair() {
        // given
        ProcessInstance pothole = reportPothole();
        assertThat(pothole).isWaitingAt("Task_InspectPothole");
        CamundaForm form = CamundaForm.deployedFor(formService(), task());
        then(form.requiredKeys()).contains("resolutionNote");
        then(form.hideCondition("resolutionNote")).hasValue("=roadAuthority = \"city\" and repairNeeded = true");

        // when
        complete(task(), withVariables("roadAuthority", "city", "repairNeeded", false,
                "resolutionNote", "The dip is within our road standards; we will keep an eye on it."));

        // then
        assertThat(pothole).isEnded().hasPassed("Event_NoRepairNeeded").hasNotPassed("Task_ScheduleRepair");
    }

    @Test
    void potholeOnAnotherAuthoritysRoadIsReferredWithTheNoteToTheResident() {
        // given the lifecycle (here a stand-in) calls the service process
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers());
        ProcessInstance pothole = calledProcessInstance(PROCESS_KEY, lifecycle);
        assertThat(pothole).hasBusinessKey(REFERENCE).isWaitingAt("Task_InspectPothole");
        assertThat(task(pothole)).hasCandidateGroup("roads");

        // when
        complete(task(pothole), withVariables("roadAuthority", "province", "repairNeeded", true,
                "resolutionNote", "Highway 7 is maintained by the province; we passed your report on."));

        // then the Referred error carries the note to the caller
        assertThat(pothole).isEnded().hasPassed("Event_ReferredToRoadAuthority");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "Highway 7 is maintained by the province; we passed your report on.");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("pothole-start");
        then(start.keys()).containsExactly("hazard", "size", "locationOnRoad");
        then(start.requiredKeys()).containsExactly("size", "locationOnRoad");
    }

    private ProcessInstance reportPothole() {
        return reportPothole(true);
    }

    private ProcessInstance reportPothole(boolean workOrderSystem) {
        recorded.clear();
        Mocks.register("backOffice", new BackOffice(workOrderSystem));
        Mocks.register("workOrderPlace", new Place());
        Mocks.register("recordWorkOrder", (ExecutionListener) execution ->
                recorded.add(execution.getVariable("workOrderNumber") + " " + execution.getVariable("workOrderStatus")));
        return process.start(REFERENCE, answers());
    }

    private static LockedExternalTask fetchWorkOrder() {
        List<LockedExternalTask> locked = externalTaskService().fetchAndLock(1, WORKER).topic("work-orders", 60_000).execute();
        then(locked).hasSize(1);
        return locked.get(0);
    }

    /** Stands in for cases' backOffice: whether the work-order system's worker runs (onestop.integrations.topics). */
    public record BackOffice(boolean workOrders) {
        public boolean connected(String topic) {
            return workOrders && "work-orders".equals(topic);
        }
    }

    /** Stands in for cases' workOrderPlace: the case's place by its id. */
    public static final class Place {
        public String address(Object caseId) {
            return "12 King St W";
        }

        public Double latitude(Object caseId) {
            return 43.45;
        }

        public Double longitude(Object caseId) {
            return -80.49;
        }

        public String ward(Object caseId) {
            return "Ward 3";
        }
    }

    private static Map<String, Object> answers() {
        return withVariables("caseId", 123L, "reference", REFERENCE, "departmentGroup", "roads",
                "hazard", false, "size", "medium", "locationOnRoad", "driving-lane");
    }
}
