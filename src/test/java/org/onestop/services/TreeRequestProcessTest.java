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

/** bpmn/tree.bpmn: every path, with the department group handed in by the lifecycle's routing. */
@Deployment(resources = {
        "bpmn/tree.bpmn",
        "forms/tree-start.form", "forms/clear-fallen-tree.form", "forms/inspect-tree.form",
        "forms/prune-tree.form", "forms/remove-tree.form"})
class TreeRequestProcessTest {

    static final String PROCESS_KEY = "TreeRequestProcess";
    static final String REFERENCE = "SR-2026-000301";

    @RegisterExtension
    static final ProcessUnderTest process = ProcessUnderTest.of(PROCESS_KEY);

    @Test
    void fallenTreeBlockingTheRoadIsClearedInspectedAndPruned() {
        // given
        ProcessInstance request = reportTree(true);
        assertThat(request).isWaitingAt("Task_ClearFallenTree");
        assertThat(task()).hasCandidateGroup("forestry");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("clearanceResult");

        // when
        complete(task(), withVariables("clearanceResult", "cleared", "woodLeftOnSite", true));

        // then
        assertThat(request).isWaitingAt("Task_InspectTree");
        assertThat(task()).hasCandidateGroup("forestry");
        then(CamundaForm.deployedFor(formService(), task()).alwaysShownKeys())
                .as("gateway variables are always submitted")
                .contains("treeAction");

        // when
        complete(task(), withVariables("treeAction", "prune", "treeCondition", "damaged"));

        // then
        assertThat(request).isWaitingAt("Task_PruneTree");
        assertThat(task()).hasCandidateGroup("forestry");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("workCompletedOn", "resolutionNote");

        // when
        complete(task(), withVariables("workCompletedOn", "2026-05-12",
                "resolutionNote", "We cleared the fallen limb from the road and pruned the damaged branches."));

        // then
        assertThat(request).isEnded()
                .hasPassedInOrder("Gateway_BlockingRoad", "Task_ClearFallenTree", "Gateway_MergeInspection",
                        "Task_InspectTree", "Gateway_TreeWorkNeeded", "Task_PruneTree", "Event_TreePruned");
    }

    @Test
    void deadTreeIsInspectedAndRemoved() {
        // given
        ProcessInstance request = reportTree(false);
        assertThat(request).isWaitingAt("Task_InspectTree");

        // when
        complete(task(), withVariables("treeAction", "remove", "treeCondition", "dead"));

        // then
        assertThat(request).isWaitingAt("Task_RemoveTree");
        assertThat(task()).hasCandidateGroup("forestry");
        then(CamundaForm.deployedFor(formService(), task()).requiredKeys()).containsExactly("workCompletedOn", "resolutionNote");

        // when
        complete(task(), withVariables("workCompletedOn", "2026-06-02", "stumpGround", true, "replacementPlanned", true,
                "resolutionNote", "The dead maple was removed and the stump ground out; a new tree will be planted next spring."));

        // then
        assertThat(request).isEnded().hasPassed("Event_TreeRemoved").hasNotPassed("Task_ClearFallenTree");
    }

    @Test
    void healthyTreeNeedsNoWork() {
        // given
        ProcessInstance request = reportTree(false);
        assertThat(request).isWaitingAt("Task_InspectTree");
        CamundaForm form = CamundaForm.deployedFor(formService(), task());
        then(form.requiredKeys()).contains("treeAction", "resolutionNote");
        then(form.hideCondition("resolutionNote"))
                .hasValue("=not(treeAction = \"no-action\" or treeAction = \"private-tree\")");

        // when
        complete(task(), withVariables("treeAction", "no-action", "treeCondition", "healthy",
                "resolutionNote", "Our arborist found the tree healthy; it will be pruned in the next area cycle."));

        // then
        assertThat(request).isEnded().hasPassed("Event_NoTreeWorkNeeded").hasNotPassed("Task_PruneTree", "Task_RemoveTree");
    }

    @Test
    void treeOnPrivatePropertyIsReferredToItsOwnerWithTheNoteToTheResident() {
        // given the lifecycle (here a stand-in) calls the service process
        ProcessInstance lifecycle = process.startCalledByLifecycle(REFERENCE, answers(false));
        ProcessInstance request = calledProcessInstance(PROCESS_KEY, lifecycle);
        assertThat(request).hasBusinessKey(REFERENCE).isWaitingAt("Task_InspectTree");
        assertThat(task(request)).hasCandidateGroup("forestry");

        // when
        complete(task(request), withVariables("treeAction", "private-tree",
                "resolutionNote", "The tree is on private property at 12 Elm Street; its care is the owner's responsibility."));

        // then
        assertThat(request).isEnded().hasPassed("Event_ReferredToPropertyOwner");
        assertThat(lifecycle).isWaitingAt("Task_HandleReferral").variables()
                .containsEntry("referralReason", "The tree is on private property at 12 Elm Street; its care is the owner's responsibility.");
    }

    @Test
    void startFormAsksTheResidentsQuestions() {
        CamundaForm start = process.startForm();

        then(start.id()).isEqualTo("tree-start");
        then(start.keys()).containsExactly("requestType", "blocking", "treeLocation");
        then(start.requiredKeys()).containsExactly("requestType", "treeLocation");
    }

    private ProcessInstance reportTree(boolean blocking) {
        return process.start(REFERENCE, answers(blocking));
    }

    private static Map<String, Object> answers(boolean blocking) {
        return withVariables("departmentGroup", "forestry",
                "requestType", blocking ? "fallen-tree" : "dead-or-diseased", "blocking", blocking, "treeLocation", "boulevard");
    }
}
