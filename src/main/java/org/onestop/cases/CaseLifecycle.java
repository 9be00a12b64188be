package org.onestop.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.onestop.city.CityProperties;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.onestop.departments.Departments;
import org.onestop.oncall.OnCallRoster;
import org.onestop.standards.BusinessCalendar;
import org.onestop.standards.ServiceStandards;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the engine tells a case: the lifecycle's delegates ({@link LifecycleDelegates}) and the department's task
 * events ({@link CaseTaskEvents}) call here to route the case, move its status along and write its timeline.
 */
@Component
class CaseLifecycle {

    static final int REMINDED_PRIORITY = 80;

    /**
     * Where a case's department tasks start on Tasklist's lists, by the case's priority (Camunda's default is 50 for
     * every task): urgent first, then high; a reminder before the resolve-by date moves any below
     * {@link #REMINDED_PRIORITY} up to it.
     */
    static int taskPriority(String casePriority) {
        return switch (casePriority == null ? "" : casePriority) {
            case "urgent" -> 90;
            case "high" -> 70;
            case "low" -> 30;
            default -> 50;
        };
    }

    /** What a new department task takes from its case: its place on the lists and its due date (the resolve-by). */
    record TaskSchedule(int priority, Instant due) {
    }

    /**
     * What the lifecycle's decisions said about a case: the routing table's department and priority, the service
     * standard, whether the after-hours table sends it to the on-call staff now, and the escalation policy.
     */
    record Routing(String department, String priority, ServiceStandards.Standard standard, boolean routeToOnCall,
                   CaseClocks.EscalationPolicy escalationPolicy) {
    }

    /**
     * Where the work goes: the department's group, or outside office hours (when the after-hours table says so) its
     * on-call group, assigned to the person on standby if the roster names one; the supervisors' group that reviews
     * the case when it is overdue; and the due dates and escalation times the lifecycle's timers wait for.
     */
    record Assignment(ServiceStandards.DueDates due, String taskGroup, String onCallUser, String escalationGroup,
                      CaseClocks.Escalations escalations) {

        /**
         * The lifecycle's variables for the assignment. No model waits for the acknowledge-by date (the case keeps it):
         * it is readable while the lifecycle runs on in this transaction, not stored; the person on call only if any.
         */
        Map<String, Object> variables() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("acknowledgeBy", Variables.dateValue(Date.from(due.acknowledgeBy()), true));
            variables.put("resolveBy", Date.from(due.resolveBy()));
            variables.put("departmentGroup", taskGroup);
            if (onCallUser != null) {
                variables.put("onCallUser", onCallUser);
            }
            variables.put("escalationGroup", escalationGroup);
            variables.put("remindAt", Date.from(escalations.remindAt()));
            variables.put("secondEscalationAt", Date.from(escalations.secondEscalationAt()));
            variables.put("departmentHeadGroup", escalations.departmentHeadGroup());
            return variables;
        }
    }

    private final ServiceRequests requests;
    private final CaseTimeline timeline;
    private final CaseClocks clocks;
    private final ServiceStandards standards;
    private final Departments departments;
    private final TaskService taskService;
    private final OnCallRoster roster;
    private final Clock clock;
    private final ZoneId zone;

    CaseLifecycle(ServiceRequests requests, CaseTimeline timeline, CaseClocks clocks, ServiceStandards standards,
                  Departments departments, TaskService taskService, OnCallRoster roster, Clock clock,
                  CityProperties city) {
        this.requests = requests;
        this.timeline = timeline;
        this.clocks = clocks;
        this.standards = standards;
        this.departments = departments;
        this.taskService = taskService;
        this.roster = roster;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    /**
     * Records the department, priority and standard the DMN tables chose, computes the due dates once, and sends the
     * work where the after-hours table said.
     */
    @Transactional
    public Assignment assign(long caseId, Routing routing) {
        ServiceRequest sr = requests.load(caseId);
        String department = routing.department();
        String priority = routing.priority();
        String escalationGroup = Departments.supervisorsGroup(department);
        ServiceStandards.DueDates due = standards.dueDates(sr.getCreatedAt(), routing.standard());
        timeline.holds(sr, department);
        sr.route(department, priority, escalationGroup, due.acknowledgeBy(), due.resolveBy(), routing.standard().clock().name(), clock.instant());
        timeline.record(sr, CaseEventType.ROUTED, Visibility.PUBLIC, CaseTimeline.SYSTEM,
                "Assigned to " + departments.nameOf(department) + " with " + priority + " priority; expected to be resolved by "
                        + CaseTimes.format(due.resolveBy(), zone));
        CaseClocks.Escalations escalations = clocks.escalations(sr, routing.escalationPolicy());
        if (!routing.routeToOnCall()) {
            return new Assignment(due, department, null, escalationGroup, escalations);
        }
        String onCallUser = roster.onCall(department, sr.getCreatedAt()).orElse(null);
        timeline.record(sr, CaseEventType.ROUTED, Visibility.INTERNAL, CaseTimeline.SYSTEM, "Outside office hours: sent to "
                + departments.nameOf(department) + " on call" + (onCallUser == null ? " (nobody on the roster)" : ", " + onCallUser));
        return new Assignment(due, OnCallRoster.onCallGroup(department), onCallUser, escalationGroup, escalations);
    }

    /**
     * A new stage of the work with its own standard (a complaint's stage 2 review, say): the case's expected date
     * becomes the stage's due date, and the lifecycle's resolve-by timer moves with it.
     */
    @Transactional
    public Instant startStage(long caseId, String stageName, String within, BusinessCalendar.Clock basis) {
        ServiceRequest sr = requests.load(caseId);
        Instant due = clocks.startStage(sr, within, basis);
        timeline.record(sr, CaseEventType.STATUS_CHANGED, Visibility.PUBLIC, CaseTimeline.SYSTEM,
                stageName + " started; expected by " + CaseTimes.format(due, zone));
        return due;
    }

    /** A department member took the case on (claimed or worked its first task). */
    @Transactional
    public void acknowledge(long caseId, String actor) {
        acknowledge(requests.load(caseId), actor);
    }

    private void acknowledge(ServiceRequest sr, String actor) {
        if (sr.getStatus() == CaseStatus.SUBMITTED) {
            timeline.changeStatus(sr, CaseStatus.ACKNOWLEDGED, CaseEventType.ACKNOWLEDGED, Visibility.PUBLIC, actor,
                    "Acknowledged by " + departments.nameOf(sr.getDepartment()));
        }
    }

    /** A department task was completed: the work is under way (and resumes after waiting for the customer). */
    @Transactional
    public void taskCompleted(long caseId, String taskName, String actor) {
        ServiceRequest sr = requests.load(caseId);
        if (!sr.getStatus().isOpen()) {
            return;
        }
        acknowledge(sr, actor);
        timeline.record(sr, CaseEventType.TASK_COMPLETED, Visibility.INTERNAL, actor, taskName + " completed");
        if (sr.getStatus() == CaseStatus.WAITING_FOR_CUSTOMER) {
            clocks.resume(sr);
        }
        if (sr.getStatus() == CaseStatus.ACKNOWLEDGED || sr.getStatus() == CaseStatus.WAITING_FOR_CUSTOMER) {
            timeline.changeStatus(sr, CaseStatus.IN_PROGRESS, CaseEventType.STATUS_CHANGED, Visibility.PUBLIC, actor, "Work in progress");
        }
    }

    /** A task that needs the customer started: the case waits for them. */
    @Transactional
    public void waitForCustomer(long caseId, String taskName) {
        ServiceRequest sr = requests.load(caseId);
        if (sr.getStatus().isOpen() && sr.getStatus() != CaseStatus.WAITING_FOR_CUSTOMER) {
            sr.pause(clock.instant());
            timeline.changeStatus(sr, CaseStatus.WAITING_FOR_CUSTOMER, CaseEventType.STATUS_CHANGED, Visibility.PUBLIC, CaseTimeline.SYSTEM,
                    CaseEvent.waitingFor(taskName));
        }
    }

    @Transactional
    public void resolve(long caseId, String resolution) {
        ServiceRequest sr = requests.load(caseId);
        sr.recordResolution(trimToNull(resolution));
        timeline.changeStatus(sr, CaseStatus.RESOLVED, CaseEventType.RESOLVED, Visibility.PUBLIC, CaseTimeline.SYSTEM,
                resolution == null || resolution.isBlank() ? "Resolved" : "Resolved: " + resolution.trim());
    }

    @Transactional
    public void close(long caseId) {
        timeline.changeStatus(requests.load(caseId), CaseStatus.CLOSED, CaseEventType.CLOSED, Visibility.PUBLIC, CaseTimeline.SYSTEM, "Closed");
    }

    /** Not the city's responsibility: referred to another authority, which closes the case. */
    @Transactional
    public void refer(long caseId, String reason) {
        ServiceRequest sr = requests.load(caseId);
        sr.recordResolution(trimToNull(reason));
        timeline.changeStatus(sr, CaseStatus.REFERRED, CaseEventType.REFERRED, Visibility.PUBLIC, CaseTimeline.SYSTEM,
                reason == null || reason.isBlank() ? "Referred to another authority" : "Referred: " + reason.trim());
    }

    /** The resolve-by date passed with the case still open: the supervisors are told, the work goes on. */
    @Transactional
    public void escalate(long caseId) {
        ServiceRequest sr = requests.load(caseId);
        sr.markEscalated(clock.instant());
        timeline.record(sr, CaseEventType.ESCALATED, Visibility.INTERNAL, CaseTimeline.SYSTEM,
                "Past its resolve-by date; escalated to " + (sr.getEscalationGroup() == null ? "-" : sr.getEscalationGroup()));
    }

    /** For a department task just created: the case's priority and resolve-by date as the task's. */
    public TaskSchedule taskSchedule(long caseId) {
        ServiceRequest sr = requests.load(caseId);
        return new TaskSchedule(taskPriority(sr.getPriority()), sr.getResolveBy());
    }

    /** Shortly before the resolve-by date: the department's open tasks move up its lists. */
    @Transactional
    public void remind(long caseId) {
        ServiceRequest sr = requests.load(caseId);
        if (!sr.getStatus().isOpen()) {
            return;
        }
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(sr.getReference()).list()) {
            if (task.getPriority() < REMINDED_PRIORITY && !task.getTaskDefinitionKey().startsWith("Task_Review")) {
                taskService.setPriority(task.getId(), REMINDED_PRIORITY);
            }
        }
        timeline.record(sr, CaseEventType.REMINDER, Visibility.INTERNAL, CaseTimeline.SYSTEM,
                "Reminder: due by " + CaseTimes.format(sr.getResolveBy(), zone) + "; its tasks moved up the department's list");
    }

    /** Still open well after the supervisors' review: the department head is asked to look at it. */
    @Transactional
    public void escalateToHead(long caseId) {
        ServiceRequest sr = requests.load(caseId);
        timeline.record(sr, CaseEventType.ESCALATED, Visibility.INTERNAL, CaseTimeline.SYSTEM,
                "Still open after its escalation; escalated to the head of " + departments.nameOf(sr.getDepartment()));
    }

    private static String trimToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
