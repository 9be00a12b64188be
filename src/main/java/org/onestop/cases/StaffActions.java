package org.onestop.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.onestop.city.CityProperties;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.onestop.departments.Departments;
import org.onestop.standards.ServiceStandards;
import org.onestop.shared.InvalidRequestException;
import org.springframework.stereotype.Component;

/**
 * What staff do to a case besides the department's tasks: a note, cancelling it, sending it to another department,
 * closing it as a duplicate. Who may do which is decided before, by the access policy ({@link StaffCases}).
 */
@Component
class StaffActions {

    static final String TRANSFER_POLICY = "TransferPolicy";

    private final ServiceRequests requests;
    private final CaseTimeline timeline;
    private final CaseClocks clocks;
    private final Departments departments;
    private final DecisionService decisionService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final AuthorizationService authorizationService;
    private final Clock clock;
    private final ZoneId zone;

    StaffActions(ServiceRequests requests, CaseTimeline timeline, CaseClocks clocks, Departments departments,
                 DecisionService decisionService, RuntimeService runtimeService, TaskService taskService,
                 AuthorizationService authorizationService, Clock clock,
                 CityProperties city) {
        this.requests = requests;
        this.timeline = timeline;
        this.clocks = clocks;
        this.departments = departments;
        this.decisionService = decisionService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.authorizationService = authorizationService;
        this.clock = clock;
        this.zone = city.timeZone();
    }

    CaseEvent addNote(String reference, String text, Visibility visibility, String actor) {
        ServiceRequest sr = requests.getByReference(reference);
        sr.touch(clock.instant());
        return timeline.record(sr, CaseEventType.NOTE, visibility, actor, text.trim());
    }

    void cancel(String reference, String reason, String actor) {
        ServiceRequest sr = notSplit(open(reference));
        timeline.changeStatus(sr, CaseStatus.CANCELLED, CaseEventType.CANCELLED, Visibility.PUBLIC, actor, "Cancelled: " + reason.trim());
        withdraw(sr);
    }

    void transfer(String reference, String toDepartment, String reason, String actor) {
        ServiceRequest sr = open(reference);
        Departments.Department target = departments.find(toDepartment == null ? "" : toDepartment.trim())
                .orElseThrow(() -> new InvalidRequestException("department", "is not one of the city's departments: '" + toDepartment + "'"));
        String from = sr.getDepartment();
        if (target.id().equals(from)) {
            throw new InvalidRequestException("department", "the case is already with " + target.name());
        }
        String policy = (String) decisionService.evaluateDecisionByKey(TRANSFER_POLICY)
                .variables(Map.of("priority", String.valueOf(sr.getPriority()), "serviceCode", sr.getServiceCode()))
                .evaluate().getSingleResult().getSingleEntry();
        boolean restart = "restart".equalsIgnoreCase(policy) && sr.getProcessInstanceId() != null;
        ServiceStandards.DueDates due = restart ? clocks.restarted(sr) : new ServiceStandards.DueDates(sr.getAcknowledgeBy(), sr.getResolveBy());
        timeline.holds(sr, target.id());
        sr.transfer(target.id(), target.supervisorsGroup(), due.acknowledgeBy(), due.resolveBy(), clock.instant());
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sr.getReference()).list().forEach(pi ->
                runtimeService.setVariables(pi.getId(), Map.of("departmentGroup", target.id(), "escalationGroup", target.supervisorsGroup())));
        moveTasks(sr, from, target.id());
        if (restart) {
            clocks.moveResolveByTimer(sr);
        }
        timeline.record(sr, CaseEventType.TRANSFERRED, Visibility.PUBLIC, actor, "Passed from " + departments.nameOf(from) + " to "
                + target.name() + ": " + reason.trim() + (restart ? ". Expected by " + CaseTimes.format(due.resolveBy(), zone) : ""));
    }

    /** The department's open tasks leave its lists (and its members' hands) for the receiving department's. */
    private void moveTasks(ServiceRequest sr, String from, String to) {
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(sr.getReference()).list()) {
            boolean departmentTask = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && from != null && from.equals(link.getGroupId()));
            if (departmentTask) {
                String previousAssignee = task.getAssignee();
                taskService.deleteCandidateGroup(task.getId(), from);
                taskService.setAssignee(task.getId(), null);
                taskService.addCandidateGroup(task.getId(), to);
                // Removing the links does not take back the task permissions they granted: revoke those too.
                authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list().stream()
                        .filter(a -> from.equals(a.getGroupId()) || (previousAssignee != null && previousAssignee.equals(a.getUserId())))
                        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
            }
        }
    }

    void markDuplicate(String reference, String originalReference, String actor) {
        ServiceRequest sr = notSplit(open(reference));
        ServiceRequest original = requests.findAsTyped(originalReference)
                .orElseThrow(() -> new InvalidRequestException("duplicateOf", "is not a case: '" + originalReference + "'"));
        if (original.getId().equals(sr.getId())) {
            throw new InvalidRequestException("duplicateOf", "a case cannot duplicate itself");
        }
        if (!original.getStatus().isOpen()) {
            throw new InvalidRequestException("duplicateOf", original.getReference() + " is already " + original.getStatus().code());
        }
        sr.markDuplicateOf(original.getId());
        timeline.changeStatus(sr, CaseStatus.DUPLICATE, CaseEventType.DUPLICATE, Visibility.PUBLIC, actor,
                "The same problem is already reported as " + original.getReference() + "; we are working on it there, "
                        + "expected by " + CaseTimes.format(original.getResolveBy(), zone));
        original.touch(clock.instant());
        timeline.record(original, CaseEventType.DUPLICATE, Visibility.INTERNAL, actor, sr.getReference() + " reported the same problem and was closed as its duplicate");
        withdraw(sr);
    }

    /** An open case, or a 400 saying what became of it. */
    private ServiceRequest open(String reference) {
        ServiceRequest sr = requests.getByReference(reference);
        if (!sr.getStatus().isOpen()) {
            throw new InvalidRequestException("status", "the case is already " + sr.getStatus().code());
        }
        return sr;
    }

    /**
     * A split case waits for its children in its lifecycle: it cannot be withdrawn itself. Staff cancel (or close as
     * duplicates) its children, and it resolves when they are all finished.
     */
    private ServiceRequest notSplit(ServiceRequest sr) {
        if (!requests.findByParentIdOrderByIdAsc(sr.getId()).isEmpty()) {
            throw new InvalidRequestException("status", "the case is split into child cases; cancel or close those, "
                    + "and it resolves when they are all finished");
        }
        return sr;
    }

    /** Staff closed the case outside the department's work: the lifecycle ends it (cancelled, or a duplicate). */
    private void withdraw(ServiceRequest sr) {
        runtimeService.createMessageCorrelation(CaseService.WITHDRAW_MESSAGE).processInstanceBusinessKey(sr.getReference()).correlate();
    }
}
