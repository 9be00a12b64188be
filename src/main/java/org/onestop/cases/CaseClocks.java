package org.onestop.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.onestop.city.CityProperties;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.Job;
import org.onestop.standards.BusinessCalendar;
import org.onestop.standards.ServiceStandards;
import org.springframework.stereotype.Component;

/**
 * A case's clocks: the due dates of its standard, the escalation policy's reminder and second escalation, and the
 * lifecycle's timers that follow them when the clock stops (waiting for the customer), restarts (a transfer) or a new
 * stage begins.
 */
@Component
class CaseClocks {

    static final String ESCALATION_POLICY = "EscalationPolicy";
    static final String RESOLVE_BY_TIMER = "Event_ResolveByPassed";
    static final String REMINDER_TIMER = "Event_ReminderDue";
    static final String SECOND_ESCALATION_TIMER = "Event_StillOpenAfterEscalation";

    /**
     * When the department is reminded (before the resolve-by date) and when a case still open goes to the department
     * head (after it), per {@code dmn/escalation-policy.dmn}, on the case's own clock.
     */
    record Escalations(Instant remindAt, Instant secondEscalationAt, String departmentHeadGroup) {
    }

    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final DecisionService decisionService;
    private final BusinessCalendar calendar;
    private final ServiceStandards standards;
    private final CaseTimeline timeline;
    private final Clock clock;
    private final ZoneId zone;

    CaseClocks(RuntimeService runtimeService, ManagementService managementService, TaskService taskService,
               RepositoryService repositoryService, DecisionService decisionService,
               BusinessCalendar calendar, ServiceStandards standards, CaseTimeline timeline, Clock clock,
               CityProperties city) {
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.decisionService = decisionService;
        this.calendar = calendar;
        this.standards = standards;
        this.timeline = timeline;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    /**
     * The escalation policy's durations for a case, decided once at routing by the lifecycle's business rule task
     * {@code Task_DetermineEscalationTimes} and kept in its variables {@code remindBefore} and {@code secondEscalationAfter}.
     */
    record EscalationPolicy(String remindBefore, String secondEscalationAfter) {
    }

    /** The reminder and the department head's escalation, on the case's own clock, around its resolve-by date. */
    Escalations escalations(ServiceRequest sr, EscalationPolicy policy) {
        return escalations(sr.getCreatedAt(), sr.getResolveBy(), basis(sr), sr.getDepartment(), policy);
    }

    /** The same for a case received at a time with a resolve-by date (also the process owners' preview's). */
    Escalations escalations(Instant received, Instant resolveBy, BusinessCalendar.Clock basis, String department, EscalationPolicy policy) {
        Instant remindAt = calendar.before(resolveBy, policy.remindBefore(), basis);
        if (remindAt.isBefore(received)) {
            remindAt = received;
        }
        Instant secondEscalationAt = calendar.due(resolveBy, policy.secondEscalationAfter(), basis);
        return new Escalations(remindAt, secondEscalationAt, department + "-head");
    }

    /**
     * The policy the case was routed with, read from its lifecycle. Lifecycles started before the policy was decided in
     * the diagram (they have no {@code remindBefore}) evaluate the table on the case's priority, as they did at routing.
     */
    private EscalationPolicy policyOf(ServiceRequest sr) {
        Map<String, Object> lifecycle = runtimeService.getVariables(sr.getProcessInstanceId(), List.of("remindBefore", "secondEscalationAfter"));
        if (lifecycle.get("remindBefore") instanceof String remindBefore) {
            return new EscalationPolicy(remindBefore, (String) lifecycle.get("secondEscalationAfter"));
        }
        Map<String, Object> decided = decisionService.evaluateDecisionByKey(ESCALATION_POLICY)
                .variables(Map.of("priority", String.valueOf(sr.getPriority()))).evaluate().getSingleResult().getEntryMap();
        return new EscalationPolicy((String) decided.get("remindBefore"), (String) decided.get("secondEscalationAfter"));
    }

    /** The standard in force for the case (read from its lifecycle), counted again from now: a transfer that restarts the clock. */
    ServiceStandards.DueDates restarted(ServiceRequest sr) {
        Map<String, Object> lifecycle = runtimeService.getVariables(sr.getProcessInstanceId(), List.of("acknowledgeWithin", "resolveWithin", "clock"));
        return standards.dueDates(clock.instant(), new ServiceStandards.Standard((String) lifecycle.get("acknowledgeWithin"),
                (String) lifecycle.get("resolveWithin"), BusinessCalendar.Clock.of((String) lifecycle.get("clock"))));
    }

    /** A new stage of the work with its own standard: the case's expected date becomes the stage's due date. */
    Instant startStage(ServiceRequest sr, String within, BusinessCalendar.Clock basis) {
        Instant now = clock.instant();
        Instant due = calendar.due(now, within, basis);
        sr.reschedule(due, now);
        moveResolveByTimer(sr);
        return due;
    }

    /**
     * Waiting for the customer stops the clock: the due dates move on by the time the case waited, and so does the
     * lifecycle's resolve-by timer (if it has not fired yet).
     */
    void resume(ServiceRequest sr) {
        if (sr.getPausedAt() == null) {
            return;
        }
        Instant now = clock.instant();
        BusinessCalendar.Clock basis = basis(sr);
        Instant acknowledgeBy = sr.getAcknowledgedAt() == null ? calendar.extend(sr.getAcknowledgeBy(), sr.getPausedAt(), now, basis) : sr.getAcknowledgeBy();
        Instant resolveBy = calendar.extend(sr.getResolveBy(), sr.getPausedAt(), now, basis);
        sr.resume(acknowledgeBy, resolveBy);
        moveResolveByTimer(sr);
        timeline.record(sr, CaseEventType.STATUS_CHANGED, Visibility.PUBLIC, CaseTimeline.SYSTEM,
                "The clock restarted; the expected date moved to " + CaseTimes.format(resolveBy, zone));
    }

    /**
     * The lifecycle's timers follow the case's resolve-by date (those that have not fired yet): the reminder before it,
     * the supervisors' review at it, and the department head's after it.
     */
    void moveResolveByTimer(ServiceRequest sr) {
        if (sr.getResolveBy() == null || sr.getProcessInstanceId() == null) {
            return;
        }
        Escalations escalations = escalations(sr, policyOf(sr));
        runtimeService.setVariables(sr.getProcessInstanceId(), Map.of(
                "resolveBy", Date.from(sr.getResolveBy()),
                "remindAt", Date.from(escalations.remindAt()),
                "secondEscalationAt", Date.from(escalations.secondEscalationAt()),
                "departmentHeadGroup", escalations.departmentHeadGroup()));
        moveTimer(sr, RESOLVE_BY_TIMER, sr.getResolveBy());
        moveTimer(sr, REMINDER_TIMER, escalations.remindAt());
        moveTimer(sr, SECOND_ESCALATION_TIMER, escalations.secondEscalationAt());
        // And the department's tasks that take their dates from the case (Tasklist's "due" and "follow-up").
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(sr.getReference()).list()) {
            if (CaseTaskEvents.datedByCase(repositoryService.getBpmnModelInstance(task.getProcessDefinitionId())
                    .getModelElementById(task.getTaskDefinitionKey()))) {
                taskService.setDueDate(task.getId(), Date.from(sr.getResolveBy()));
                taskService.setFollowUpDate(task.getId(), Date.from(escalations.remindAt()));
            }
        }
    }

    private void moveTimer(ServiceRequest sr, String timerId, Instant due) {
        Job timer = managementService.createJobQuery().processInstanceId(sr.getProcessInstanceId()).activityId(timerId).timers().singleResult();
        if (timer != null) {
            managementService.setJobDuedate(timer.getId(), Date.from(due));
        }
    }

    private static BusinessCalendar.Clock basis(ServiceRequest sr) {
        return BusinessCalendar.Clock.of(sr.getStandardClock() == null ? null : sr.getStandardClock().toLowerCase());
    }
}
