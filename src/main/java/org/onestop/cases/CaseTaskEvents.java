package org.onestop.cases;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Keeps a case's status in step with the department's work in every service process, without a listener in each
 * diagram: claiming a task acknowledges the case, completing one puts it in progress, and a task marked with the
 * property {@code caseStatus = waiting_for_customer} makes the case wait for the customer while it is open.
 * Tasks of the case lifecycle itself (supervisors' escalation reviews) leave the status alone.
 */
@Component
class CaseTaskEvents extends AbstractProcessEnginePlugin {

    private static final Namespace CAMUNDA = new Namespace("http://camunda.org/schema/1.0/bpmn");
    static final String WAITING_FOR_CUSTOMER = "waiting_for_customer";
    private static final String AUTO_ASSIGNED = "onestopAutoAssigned";

    private final ObjectProvider<CaseLifecycle> cases;

    CaseTaskEvents(ObjectProvider<CaseLifecycle> cases) {
        this.cases = cases;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new java.util.ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                if (CaseService.LIFECYCLE_PROCESS.equals(((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey())) {
                    return;
                }
                TaskDefinition task = ((org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                boolean waits = WAITING_FOR_CUSTOMER.equals(taskProperty(element, "caseStatus"));
                task.addTaskListener(TaskListener.EVENTNAME_CREATE, onCall());
                task.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assignment());
                task.addTaskListener(TaskListener.EVENTNAME_COMPLETE, completion());
                if (waits) {
                    task.addTaskListener(TaskListener.EVENTNAME_CREATE, waiting());
                }
            }
        });
    }

    /** After hours, the department's tasks go to the person on standby (the on-call group stays the candidate). */
    private TaskListener onCall() {
        return task -> {
            Object user = task.getVariable("onCallUser");
            Object group = task.getVariable("departmentGroup");
            if (user instanceof String onCallUser && group instanceof String g && g.endsWith("-oncall") && task.getAssignee() == null) {
                // Being put on someone's list is not acknowledging the case: mark it for this transaction only.
                task.setVariableLocal(AUTO_ASSIGNED, Variables.booleanValue(true, true));
                task.setAssignee(onCallUser);
            }
        };
    }

    private TaskListener assignment() {
        return task -> {
            Long caseId = caseId(task);
            if (caseId != null && task.getAssignee() != null && !Boolean.TRUE.equals(task.getVariableLocal(AUTO_ASSIGNED))) {
                cases.getObject().acknowledge(caseId, task.getAssignee());
            }
        };
    }

    private TaskListener completion() {
        return task -> {
            Long caseId = caseId(task);
            if (caseId != null) {
                String actor = task.getAssignee() != null ? task.getAssignee()
                        : task.getProcessEngineServices().getIdentityService().getCurrentAuthentication() != null
                        ? task.getProcessEngineServices().getIdentityService().getCurrentAuthentication().getUserId()
                        : CaseTimeline.SYSTEM;
                cases.getObject().taskCompleted(caseId, task.getName(), actor);
            }
        };
    }

    private TaskListener waiting() {
        return task -> {
            Long caseId = caseId(task);
            if (caseId != null) {
                cases.getObject().waitForCustomer(caseId, task.getName());
            }
        };
    }

    private static Long caseId(DelegateTask task) {
        Object id = task.getVariable("caseId");
        return id instanceof Number n ? n.longValue() : null;
    }

    private static String taskProperty(Element task, String name) {
        Element extensions = task.element("extensionElements");
        if (extensions == null) {
            return null;
        }
        for (Element properties : extensions.elementsNS(CAMUNDA, "properties")) {
            for (Element property : properties.elementsNS(CAMUNDA, "property")) {
                if (name.equals(property.attribute("name"))) {
                    return property.attribute("value");
                }
            }
        }
        return null;
    }
}
