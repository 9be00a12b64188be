package org.onestop.cases;

import java.util.Date;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps a case's status in step with the department's work in every service process, without a listener in each
 * diagram: claiming a task acknowledges the case, completing one puts it in progress, and a task marked with the
 * property {@code caseStatus = waiting_for_customer} makes the case wait for the customer while it is open.
 * Tasks of the case lifecycle itself (supervisors' escalation reviews) leave the status alone.
 * <p>
 * The engine's task events reach this listener through the Camunda Spring Boot starter's event bridge
 * ({@code camunda.bpm.eventing.task}), synchronously and inside the engine's command and transaction: a failure here
 * rolls the engine's step back with the case's.
 */
@Component
class CaseTaskEvents {

    static final String WAITING_FOR_CUSTOMER = "waiting_for_customer";
    private static final String AUTO_ASSIGNED = "onestopAutoAssigned";

    private final CaseLifecycle cases;
    private final IdentityService identityService;

    CaseTaskEvents(CaseLifecycle cases, IdentityService identityService) {
        this.cases = cases;
        this.identityService = identityService;
    }

    @EventListener
    void on(DelegateTask task) {
        String event = task.getEventName();
        if (!TaskListener.EVENTNAME_CREATE.equals(event) && !TaskListener.EVENTNAME_ASSIGNMENT.equals(event)
                && !TaskListener.EVENTNAME_COMPLETE.equals(event)) {
            return;
        }
        UserTask element = task.getBpmnModelElementInstance();
        if (element == null || CaseService.LIFECYCLE_PROCESS.equals(processKey(element))) {
            return;
        }
        switch (event) {
            case TaskListener.EVENTNAME_CREATE -> {
                schedule(task);
                assignOnCall(task);
                if (WAITING_FOR_CUSTOMER.equals(property(element, "caseStatus"))) {
                    waitForCustomer(task);
                }
            }
            case TaskListener.EVENTNAME_ASSIGNMENT -> acknowledge(task);
            default -> completed(task);
        }
    }

    /**
     * Tasklist sorts and flags by priority and due date: a task gets its case's (unless its model sets its own), so
     * staff see the urgent and the nearly overdue first.
     */
    private void schedule(DelegateTask task) {
        Long caseId = caseId(task);
        if (caseId == null) {
            return;
        }
        CaseLifecycle.TaskSchedule schedule = cases.taskSchedule(caseId);
        if (task.getPriority() == Task.PRIORITY_NORMAL) {
            task.setPriority(schedule.priority());
        }
        if (schedule.due() != null && datedByCase(task.getBpmnModelElementInstance())) {
            task.setDueDate(Date.from(schedule.due()));
            // The follow-up date: when the lifecycle that called this service reminds the department.
            DelegateExecution lifecycle = task.getExecution().getProcessInstance().getSuperExecution();
            if (lifecycle != null && lifecycle.getVariable("remindAt") instanceof Date remindAt) {
                task.setFollowUpDate(remindAt);
            }
        }
    }

    /** After hours, the department's tasks go to the person on standby (the on-call group stays the candidate). */
    private static void assignOnCall(DelegateTask task) {
        Object user = task.getVariable("onCallUser");
        Object group = task.getVariable("departmentGroup");
        if (user instanceof String onCallUser && group instanceof String g && g.endsWith("-oncall") && task.getAssignee() == null) {
            // Being put on someone's list is not acknowledging the case: mark it for this transaction only.
            task.setVariableLocal(AUTO_ASSIGNED, Variables.booleanValue(true, true));
            task.setAssignee(onCallUser);
        }
    }

    private void acknowledge(DelegateTask task) {
        Long caseId = caseId(task);
        if (caseId != null && task.getAssignee() != null && !Boolean.TRUE.equals(task.getVariableLocal(AUTO_ASSIGNED))) {
            cases.acknowledge(caseId, task.getAssignee());
        }
    }

    private void completed(DelegateTask task) {
        Long caseId = caseId(task);
        if (caseId != null) {
            var current = identityService.getCurrentAuthentication();
            String actor = task.getAssignee() != null ? task.getAssignee()
                    : current != null ? current.getUserId() : CaseTimeline.SYSTEM;
            cases.taskCompleted(caseId, task.getName(), actor);
        }
    }

    private void waitForCustomer(DelegateTask task) {
        Long caseId = caseId(task);
        if (caseId != null) {
            cases.waitForCustomer(caseId, task.getName());
        }
    }

    private static Long caseId(DelegateTask task) {
        Object id = task.getVariable("caseId");
        return id instanceof Number n ? n.longValue() : null;
    }

    /**
     * Whether the task's dates are its case's: a task whose model sets neither a due nor a follow-up date (nearly all).
     * Such tasks follow the case's clock when it moves ({@link CaseClocks#moveResolveByTimer}).
     */
    static boolean datedByCase(UserTask element) {
        return element != null && element.getCamundaDueDate() == null && element.getCamundaFollowUpDate() == null
                && !CaseService.LIFECYCLE_PROCESS.equals(processKey(element));
    }

    /** The key of the process the task is drawn in (its id in the BPMN), through embedded subprocesses. */
    static String processKey(UserTask element) {
        ModelElementInstance parent = element.getParentElement();
        while (parent != null && !(parent instanceof Process)) {
            parent = parent.getParentElement();
        }
        return parent == null ? null : ((Process) parent).getId();
    }

    /** The task's {@code camunda:property} of that name, as a process owner sets it in the Modeler. */
    private static String property(UserTask element, String name) {
        ExtensionElements extensions = element.getExtensionElements();
        if (extensions == null) {
            return null;
        }
        for (CamundaProperties properties : extensions.getElementsQuery().filterByType(CamundaProperties.class).list()) {
            for (CamundaProperty property : properties.getCamundaProperties()) {
                if (name.equals(property.getCamundaName())) {
                    return property.getCamundaValue();
                }
            }
        }
        return null;
    }
}
