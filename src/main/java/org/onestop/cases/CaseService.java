package org.onestop.cases;

import org.onestop.departments.Departments;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.criteria.Predicate;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.onestop.oncall.OnCallRoster;
import org.onestop.places.AddressPoint;
import org.onestop.places.AddressRegister;
import org.onestop.places.Wards;
import org.onestop.standards.BusinessCalendar;
import org.onestop.catalogue.AnswerValidator;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.onestop.standards.ServiceStandards;
import org.onestop.shared.InvalidRequestException;
import org.onestop.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happens to a case. Intake writes the case row and starts its lifecycle process in one transaction;
 * the lifecycle's delegates and task listeners call back here to move the case along and write its timeline.
 */
@Service("cases") // "caseService" is the engine's CMMN service bean
public class CaseService {

    public static final String LIFECYCLE_PROCESS = "CaseLifecycleProcess";
    /** Staff closed the case outside the department's work: cancelled, or closed as a duplicate. */
    public static final String WITHDRAW_MESSAGE = "CaseWithdrawn";
    static final String RESOLVE_BY_TIMER = "Event_ResolveByPassed";
    static final int REMINDED_PRIORITY = 80;
    static final String TRANSFER_POLICY = "TransferPolicy";
    static final String AFTER_HOURS = "AfterHoursRouting";
    static final String ESCALATION_POLICY = "EscalationPolicy";
    static final String REMINDER_TIMER = "Event_ReminderDue";
    static final String SECOND_ESCALATION_TIMER = "Event_StillOpenAfterEscalation";
    static final String SYSTEM = "system";

    /** Engine variables set by OneStop itself; a form field may not take these names. */
    static final Set<String> RESERVED_VARIABLES = Set.of("caseId", "reference", "serviceCode", "serviceProcessKey",
            "routingDecision", "channel", "ward", "departmentGroup", "priority", "escalationGroup", "acknowledgeWithin",
            "resolveWithin", "clock", "acknowledgeBy", "resolveBy", "resolutionNote", "referralReason", "remindAt",
            "secondEscalationAt", "departmentHeadGroup", "onCallUser", "stageName", "stageWithin", "stageClock", "stageDueBy");

    private static final Logger log = LoggerFactory.getLogger(CaseService.class);

    private final ServiceRequests requests;
    private final CaseEvents events;
    private final CaseDepartments held;
    private final ServiceCatalogue catalogue;
    private final CustomerService customers;
    private final ServiceStandards standards;
    private final Wards wards;
    private final AddressRegister addresses;
    private final Departments departments;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final DecisionService decisionService;
    private final AuthorizationService authorizationService;
    private final OnCallRoster roster;
    private final ApplicationEventPublisher publisher;
    private final BusinessCalendar calendar;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final Duration reopenWindow;

    CaseService(ServiceRequests requests, CaseEvents events, CaseDepartments held, ServiceCatalogue catalogue, CustomerService customers,
                ServiceStandards standards, Wards wards, AddressRegister addresses, Departments departments, RuntimeService runtimeService, ManagementService managementService,
                TaskService taskService, DecisionService decisionService, AuthorizationService authorizationService,
                OnCallRoster roster, ApplicationEventPublisher publisher,
                BusinessCalendar calendar, ObjectMapper json, Clock clock,
                @Value("${onestop.city.time-zone:America/Toronto}") String zone,
                @Value("${onestop.cases.reopen-window:P30D}") Duration reopenWindow) {
        this.requests = requests;
        this.events = events;
        this.held = held;
        this.catalogue = catalogue;
        this.customers = customers;
        this.standards = standards;
        this.wards = wards;
        this.addresses = addresses;
        this.departments = departments;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.taskService = taskService;
        this.decisionService = decisionService;
        this.authorizationService = authorizationService;
        this.roster = roster;
        this.publisher = publisher;
        this.calendar = calendar;
        this.json = json;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.reopenWindow = reopenWindow;
    }

    // ---------------------------------------------------------------- intake

    /**
     * Opens a case: validates it against the service's questions, finds or records the customer, writes the case and
     * starts its lifecycle. Routing and due dates are decided by the lifecycle (DMN) before this returns.
     * Any failure rolls back all of it.
     */
    @Transactional
    public ServiceRequest open(NewCase request, String actor) {
        ServiceDefinition service = catalogue.find(request.serviceCode().trim())
                .orElseThrow(() -> new InvalidRequestException("serviceCode", "is not a service of the city: '" + request.serviceCode() + "'"));
        Map<String, String> errors = new LinkedHashMap<>();
        AnswerValidator.Result answers = AnswerValidator.validate(service.questions(), request.answers());
        answers.errors().forEach((field, message) -> errors.put("answers." + field, message));
        answers.answers().keySet().stream().filter(RESERVED_VARIABLES::contains)
                .forEach(key -> errors.put("answers." + key, "is a name OneStop reserves"));
        boolean hasPoint = request.latitude() != null || request.longitude() != null;
        if (hasPoint && (request.latitude() == null || request.longitude() == null)) {
            errors.put(request.latitude() == null ? "latitude" : "longitude", "is required with " + (request.latitude() == null ? "longitude" : "latitude"));
        }
        if (service.locationRequired() && isBlank(request.address()) && !hasPoint) {
            errors.put("address", "an address or latitude and longitude is required for this service");
        }
        Customer customer = null;
        if (request.customerId() != null) {
            customer = customers.find(request.customerId()).orElse(null);
            if (customer == null) {
                errors.put("customerId", "is not a known customer");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        CustomerService.Intake intake = null;
        if (customer == null && request.customer() != null) {
            intake = customers.findOrCreate(request.customer(), request.channel().code());
            customer = intake.customer();
        }
        // An address in the city's register gives the point, whatever door the request came in by: the ward, the
        // nearby-duplicate check and the map then work for "120 King St E" as for a pin.
        Double latitude = request.latitude();
        Double longitude = request.longitude();
        if (!hasPoint && !isBlank(request.address())) {
            Optional<AddressPoint> point = addresses.find(request.address());
            if (point.isPresent()) {
                latitude = point.get().latitude();
                longitude = point.get().longitude();
            }
        }
        String ward = !isBlank(request.ward()) ? request.ward().trim()
                : latitude != null ? wards.wardAt(latitude, longitude).orElse(null) : null;

        Instant now = clock.instant();
        ServiceRequest sr = requests.save(new ServiceRequest(service.code(), request.channel(),
                customer == null ? null : customer.getId(), trimToNull(request.description()), trimToNull(request.address()),
                latitude, longitude, ward, toJson(answers.answers()), actor, now));
        sr.assignReference(String.format("SR-%d-%06d", now.atZone(zone).getYear(), sr.getId()));
        if (intake != null) {
            customers.cameWith(intake, sr.getReference());
        }
        record(sr, CaseEventType.SUBMITTED, Visibility.PUBLIC, actor,
                "Request received by " + request.channel().code() + ": " + service.name());

        startLifecycle(sr, service, answers.answers());
        log.info("Opened case {} ({}) by {}", sr.getReference(), service.code(), request.channel().code());
        return sr;
    }


    /** Starts the case's lifecycle process with the ids and routing variables the engine needs, and nothing else. */
    private void startLifecycle(ServiceRequest sr, ServiceDefinition service, Map<String, Object> answers) {
        Map<String, Object> variables = new HashMap<>();
        answers.forEach((key, value) -> variables.put(key, value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList()) : value));
        variables.put("caseId", sr.getId());
        variables.put("reference", sr.getReference());
        variables.put("serviceCode", service.code());
        variables.put("serviceProcessKey", service.processKey());
        variables.put("routingDecision", service.routingDecision());
        variables.put("channel", sr.getChannel().code());
        variables.put("ward", sr.getWard());
        String processInstanceId = runtimeService.createProcessInstanceByKey(LIFECYCLE_PROCESS)
                .businessKey(sr.getReference())
                .setVariables(variables)
                .execute()
                .getId();
        sr.attachProcess(processInstanceId);
    }

    /**
     * Reopens a resolved or closed case ("this is not fixed"): within the reopen window after its resolution, the case
     * goes back to the department through a fresh lifecycle (routed again, with new due dates). Later, or for a case
     * that was cancelled, referred or closed as a duplicate, the caller is told to open a new request.
     */
    @Transactional
    public ServiceRequest reopen(String reference, String reason, String actor) {
        ServiceRequest sr = get(reference);
        if (sr.getStatus() != CaseStatus.RESOLVED && sr.getStatus() != CaseStatus.CLOSED) {
            throw new InvalidRequestException("status", sr.getStatus().isOpen()
                    ? "the case is still open; add a note instead"
                    : "a " + sr.getStatus().code() + " case cannot be reopened; open a new request");
        }
        Instant now = clock.instant();
        if (sr.getResolvedAt() != null && sr.getResolvedAt().plus(reopenWindow).isBefore(now)) {
            throw new InvalidRequestException("status", "the case was resolved more than " + reopenWindow.toDays()
                    + " days ago and can no longer be reopened; open a new request");
        }
        ServiceDefinition service = catalogue.find(sr.getServiceCode())
                .orElseThrow(() -> new InvalidRequestException("serviceCode", "the service '" + sr.getServiceCode() + "' is no longer offered"));
        if (sr.getProcessInstanceId() != null
                && runtimeService.createProcessInstanceQuery().processInstanceId(sr.getProcessInstanceId()).count() > 0) {
            runtimeService.deleteProcessInstance(sr.getProcessInstanceId(), "reopened", true, true);
        }
        sr.reopen(now);
        record(sr, CaseEventType.REOPENED, Visibility.PUBLIC, actor,
                isBlank(reason) ? "Reopened: not fixed" : "Reopened: " + reason.trim());
        startLifecycle(sr, service, answers(sr));
        log.info("Reopened case {} by {}", sr.getReference(), actor);
        return sr;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public Optional<ServiceRequest> find(String reference) {
        return reference == null ? Optional.empty() : requests.findByReference(reference.trim().toUpperCase());
    }

    @Transactional(readOnly = true)
    public ServiceRequest get(String reference) {
        return find(reference).orElseThrow(() -> new NotFoundException("no case with reference '" + reference + "'"));
    }

    @Transactional(readOnly = true)
    public List<CaseEvent> timeline(ServiceRequest request) {
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(request.getId());
    }

    /** Filters for the case list; any may be null. */
    public record Filter(List<CaseStatus> statuses, String serviceCode, String department, String ward, Boolean overdue,
                         Long customerId) {
    }

    @Transactional(readOnly = true)
    public Page<ServiceRequest> search(Filter filter, Specification<ServiceRequest> reach, Pageable page) {
        Instant now = clock.instant();
        Specification<ServiceRequest> filters = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (filter.statuses() != null && !filter.statuses().isEmpty()) {
                where.add(root.get("status").in(filter.statuses()));
            }
            if (!isBlank(filter.serviceCode())) {
                where.add(cb.equal(root.get("serviceCode"), filter.serviceCode()));
            }
            if (!isBlank(filter.department())) {
                where.add(cb.equal(root.get("department"), filter.department()));
            }
            if (!isBlank(filter.ward())) {
                where.add(cb.equal(root.get("ward"), filter.ward()));
            }
            if (filter.customerId() != null) {
                where.add(cb.equal(root.get("customerId"), filter.customerId()));
            }
            if (filter.overdue() != null) {
                List<CaseStatus> open = java.util.Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();
                Predicate overdue = cb.and(root.get("status").in(open), cb.lessThan(root.get("resolveBy"), now));
                where.add(filter.overdue() ? overdue : cb.not(overdue));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        return requests.findAll(filters.and(reach), page);
    }

    // ---------------------------------------------------------------- staff actions

    @Transactional
    public CaseEvent addNote(String reference, String text, Visibility visibility, String actor) {
        ServiceRequest sr = get(reference);
        sr.touch(clock.instant());
        return record(sr, CaseEventType.NOTE, visibility, actor, text.trim());
    }

    /** Cancels an open case (the resident withdrew it, or it was opened by mistake) and ends its process. */
    @Transactional
    public void cancel(String reference, String reason, String actor) {
        ServiceRequest sr = get(reference);
        if (!sr.getStatus().isOpen()) {
            throw new InvalidRequestException("status", "the case is already " + sr.getStatus().code());
        }
        changeStatus(sr, CaseStatus.CANCELLED, CaseEventType.CANCELLED, Visibility.PUBLIC, actor, "Cancelled: " + reason.trim());
        runtimeService.createMessageCorrelation(WITHDRAW_MESSAGE).processInstanceBusinessKey(sr.getReference()).correlate();
    }

    /**
     * Sends an open case to another department, with a reason: its open tasks move to the new department's group,
     * and the transfer-policy table says whether the standard's clock restarts for the receiving department.
     */
    @Transactional
    public void transfer(String reference, String toDepartment, String reason, String actor) {
        ServiceRequest sr = get(reference);
        if (!sr.getStatus().isOpen()) {
            throw new InvalidRequestException("status", "the case is already " + sr.getStatus().code());
        }
        Departments.Department target = departments.find(toDepartment == null ? "" : toDepartment.trim())
                .orElseThrow(() -> new InvalidRequestException("department", "is not one of the city's departments: '" + toDepartment + "'"));
        String from = sr.getDepartment();
        if (target.id().equals(from)) {
            throw new InvalidRequestException("department", "the case is already with " + target.name());
        }
        Instant now = clock.instant();
        String policy = (String) decisionService.evaluateDecisionByKey(TRANSFER_POLICY)
                .variables(Map.of("priority", String.valueOf(sr.getPriority()), "serviceCode", sr.getServiceCode()))
                .evaluate().getSingleResult().getSingleEntry();
        boolean restart = "restart".equalsIgnoreCase(policy) && sr.getProcessInstanceId() != null;
        Instant acknowledgeBy = sr.getAcknowledgeBy();
        Instant resolveBy = sr.getResolveBy();
        if (restart) {
            Map<String, Object> lifecycle = runtimeService.getVariables(sr.getProcessInstanceId(), List.of("acknowledgeWithin", "resolveWithin", "clock"));
            ServiceStandards.DueDates due = standards.dueDates(now, new ServiceStandards.Standard((String) lifecycle.get("acknowledgeWithin"),
                    (String) lifecycle.get("resolveWithin"), BusinessCalendar.Clock.of((String) lifecycle.get("clock"))));
            acknowledgeBy = due.acknowledgeBy();
            resolveBy = due.resolveBy();
        }
        sr.transfer(target.id(), target.supervisorsGroup(), acknowledgeBy, resolveBy, now);
        holds(sr, target.id());
        runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(sr.getReference()).list().forEach(pi -> {
            runtimeService.setVariable(pi.getId(), "departmentGroup", target.id());
            runtimeService.setVariable(pi.getId(), "escalationGroup", target.supervisorsGroup());
        });
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(sr.getReference()).list()) {
            boolean departmentTask = taskService.getIdentityLinksForTask(task.getId()).stream()
                    .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && from != null && from.equals(link.getGroupId()));
            if (departmentTask) {
                String previousAssignee = task.getAssignee();
                taskService.deleteCandidateGroup(task.getId(), from);
                taskService.setAssignee(task.getId(), null);
                taskService.addCandidateGroup(task.getId(), target.id());
                // Removing the links does not take back the task permissions they granted: revoke those too.
                authorizationService.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list().stream()
                        .filter(a -> from.equals(a.getGroupId()) || (previousAssignee != null && previousAssignee.equals(a.getUserId())))
                        .forEach(a -> authorizationService.deleteAuthorization(a.getId()));
            }
        }
        if (restart) {
            moveResolveByTimer(sr);
        }
        record(sr, CaseEventType.TRANSFERRED, Visibility.PUBLIC, actor, "Passed from " + departments.nameOf(from) + " to "
                + target.name() + ": " + reason.trim() + (restart ? ". Expected by " + CaseTimes.format(resolveBy, zone) : ""));
    }

    /** Closes an open case as a duplicate of another open case; the resident is pointed to the original. */
    @Transactional
    public void markDuplicate(String reference, String originalReference, String actor) {
        ServiceRequest sr = get(reference);
        if (!sr.getStatus().isOpen()) {
            throw new InvalidRequestException("status", "the case is already " + sr.getStatus().code());
        }
        ServiceRequest original = find(originalReference)
                .orElseThrow(() -> new InvalidRequestException("duplicateOf", "is not a case: '" + originalReference + "'"));
        if (original.getId().equals(sr.getId())) {
            throw new InvalidRequestException("duplicateOf", "a case cannot duplicate itself");
        }
        if (!original.getStatus().isOpen()) {
            throw new InvalidRequestException("duplicateOf", original.getReference() + " is already " + original.getStatus().code());
        }
        sr.markDuplicateOf(original.getId());
        changeStatus(sr, CaseStatus.DUPLICATE, CaseEventType.DUPLICATE, Visibility.PUBLIC, actor,
                "The same problem is already reported as " + original.getReference() + "; we are working on it there, "
                        + "expected by " + CaseTimes.format(original.getResolveBy(), zone));
        original.touch(clock.instant());
        record(original, CaseEventType.DUPLICATE, Visibility.INTERNAL, actor, sr.getReference() + " reported the same problem and was closed as its duplicate");
        runtimeService.createMessageCorrelation(WITHDRAW_MESSAGE).processInstanceBusinessKey(sr.getReference()).correlate();
    }

    // ---------------------------------------------------------------- lifecycle (called by the engine)

    /**
     * Where the work goes: the department's group, or outside office hours (when the after-hours table says so) its
     * on-call group, assigned to the person on standby if the roster names one.
     */
    public record Assignment(ServiceStandards.DueDates due, String taskGroup, String onCallUser, Escalations escalations) {
    }

    /**
     * When the department is reminded (before the resolve-by date) and when a case still open goes to the department
     * head (after it), per {@code dmn/escalation-policy.dmn}, on the case's own clock.
     */
    public record Escalations(Instant remindAt, Instant secondEscalationAt, String departmentHeadGroup) {
    }

    private Escalations escalations(ServiceRequest sr) {
        Map<String, Object> policy = decisionService.evaluateDecisionByKey(ESCALATION_POLICY)
                .variables(Map.of("priority", String.valueOf(sr.getPriority()))).evaluate().getSingleResult().getEntryMap();
        BusinessCalendar.Clock basis = BusinessCalendar.Clock.of(sr.getStandardClock() == null ? null : sr.getStandardClock().toLowerCase());
        Instant remindAt = calendar.before(sr.getResolveBy(), (String) policy.get("remindBefore"), basis);
        if (remindAt.isBefore(sr.getCreatedAt())) {
            remindAt = sr.getCreatedAt();
        }
        Instant secondEscalationAt = calendar.due(sr.getResolveBy(), (String) policy.get("secondEscalationAfter"), basis);
        return new Escalations(remindAt, secondEscalationAt, sr.getDepartment() + "-head");
    }

    /** Records the department, priority and standard the DMN tables chose, and computes the due dates once. */
    @Transactional
    public Assignment assign(long caseId, String department, String priority, String escalationGroup,
                             ServiceStandards.Standard standard) {
        ServiceRequest sr = load(caseId);
        ServiceStandards.DueDates due = standards.dueDates(sr.getCreatedAt(), standard);
        sr.route(department, priority, escalationGroup, due.acknowledgeBy(), due.resolveBy(), standard.clock().name(), clock.instant());
        holds(sr, department);
        record(sr, CaseEventType.ROUTED, Visibility.PUBLIC, SYSTEM,
                "Assigned to " + departments.nameOf(department) + " with " + priority + " priority; expected to be resolved by "
                        + CaseTimes.format(due.resolveBy(), zone));
        boolean officeOpen = calendar.isOfficeOpen(sr.getCreatedAt());
        Boolean onCall = decisionService.evaluateDecisionByKey(AFTER_HOURS).variables(Map.of("officeOpen", officeOpen,
                "priority", String.valueOf(priority))).evaluate().getSingleResult().getSingleEntry();
        Escalations escalations = escalations(sr);
        if (!Boolean.TRUE.equals(onCall)) {
            return new Assignment(due, department, null, escalations);
        }
        String onCallUser = roster.onCall(department, sr.getCreatedAt()).orElse(null);
        record(sr, CaseEventType.ROUTED, Visibility.INTERNAL, SYSTEM, "Outside office hours: sent to "
                + departments.nameOf(department) + " on call" + (onCallUser == null ? " (nobody on the roster)" : ", " + onCallUser));
        return new Assignment(due, OnCallRoster.onCallGroup(department), onCallUser, escalations);
    }

    /**
     * A new stage of the work with its own standard (a complaint's stage 2 review, say): the case's expected date
     * becomes the stage's due date, and the lifecycle's resolve-by timer moves with it.
     */
    @Transactional
    public Instant startStage(long caseId, String stageName, String within, BusinessCalendar.Clock basis) {
        ServiceRequest sr = load(caseId);
        Instant now = clock.instant();
        Instant due = calendar.due(now, within, basis);
        sr.reschedule(due, now);
        moveResolveByTimer(sr);
        record(sr, CaseEventType.STATUS_CHANGED, Visibility.PUBLIC, SYSTEM,
                stageName + " started; expected by " + CaseTimes.format(due, zone));
        return due;
    }

    /** A department member took the case on (claimed or worked its first task). */
    @Transactional
    public void acknowledge(long caseId, String actor) {
        ServiceRequest sr = load(caseId);
        if (sr.getStatus() == CaseStatus.SUBMITTED) {
            changeStatus(sr, CaseStatus.ACKNOWLEDGED, CaseEventType.ACKNOWLEDGED, Visibility.PUBLIC, actor,
                    "Acknowledged by " + departments.nameOf(sr.getDepartment()));
        }
    }

    /** A department task was completed: the work is under way (and resumes after waiting for the customer). */
    @Transactional
    public void taskCompleted(long caseId, String taskName, String actor) {
        ServiceRequest sr = load(caseId);
        if (!sr.getStatus().isOpen()) {
            return;
        }
        acknowledge(caseId, actor);
        record(sr, CaseEventType.TASK_COMPLETED, Visibility.INTERNAL, actor, taskName + " completed");
        if (sr.getStatus() == CaseStatus.WAITING_FOR_CUSTOMER) {
            resumeClock(sr);
        }
        if (sr.getStatus() == CaseStatus.ACKNOWLEDGED || sr.getStatus() == CaseStatus.WAITING_FOR_CUSTOMER) {
            changeStatus(sr, CaseStatus.IN_PROGRESS, CaseEventType.STATUS_CHANGED, Visibility.PUBLIC, actor, "Work in progress");
        }
    }

    /** A task that needs the customer started: the case waits for them. */
    @Transactional
    public void waitForCustomer(long caseId, String taskName) {
        ServiceRequest sr = load(caseId);
        if (sr.getStatus().isOpen() && sr.getStatus() != CaseStatus.WAITING_FOR_CUSTOMER) {
            sr.pause(clock.instant());
            changeStatus(sr, CaseStatus.WAITING_FOR_CUSTOMER, CaseEventType.STATUS_CHANGED, Visibility.PUBLIC, SYSTEM,
                    "Waiting for you: " + taskName + ". The clock stops until we hear from you.");
        }
    }

    @Transactional
    public void resolve(long caseId, String resolution) {
        ServiceRequest sr = load(caseId);
        sr.recordResolution(trimToNull(resolution));
        changeStatus(sr, CaseStatus.RESOLVED, CaseEventType.RESOLVED, Visibility.PUBLIC, SYSTEM,
                isBlank(resolution) ? "Resolved" : "Resolved: " + resolution.trim());
    }

    @Transactional
    public void close(long caseId) {
        ServiceRequest sr = load(caseId);
        changeStatus(sr, CaseStatus.CLOSED, CaseEventType.CLOSED, Visibility.PUBLIC, SYSTEM, "Closed");
    }

    /** Not the city's responsibility: referred to another authority, which closes the case. */
    @Transactional
    public void refer(long caseId, String reason) {
        ServiceRequest sr = load(caseId);
        sr.recordResolution(trimToNull(reason));
        changeStatus(sr, CaseStatus.REFERRED, CaseEventType.REFERRED, Visibility.PUBLIC, SYSTEM,
                isBlank(reason) ? "Referred to another authority" : "Referred: " + reason.trim());
    }

    /** The resolve-by date passed with the case still open: the supervisors are told, the work goes on. */
    @Transactional
    public void escalate(long caseId) {
        ServiceRequest sr = load(caseId);
        sr.markEscalated(clock.instant());
        record(sr, CaseEventType.ESCALATED, Visibility.INTERNAL, SYSTEM,
                "Past its resolve-by date; escalated to " + nullToDash(sr.getEscalationGroup()));
    }

    /**
     * Waiting for the customer stops the clock: the due dates move on by the time the case waited, and so does the
     * lifecycle's resolve-by timer (if it has not fired yet).
     */
    private void resumeClock(ServiceRequest sr) {
        if (sr.getPausedAt() == null) {
            return;
        }
        Instant now = clock.instant();
        BusinessCalendar.Clock basis = BusinessCalendar.Clock.of(sr.getStandardClock() == null ? null : sr.getStandardClock().toLowerCase());
        Instant acknowledgeBy = sr.getAcknowledgedAt() == null ? calendar.extend(sr.getAcknowledgeBy(), sr.getPausedAt(), now, basis) : sr.getAcknowledgeBy();
        Instant resolveBy = calendar.extend(sr.getResolveBy(), sr.getPausedAt(), now, basis);
        sr.resume(acknowledgeBy, resolveBy);
        moveResolveByTimer(sr);
        record(sr, CaseEventType.STATUS_CHANGED, Visibility.PUBLIC, SYSTEM,
                "The clock restarted; the expected date moved to " + CaseTimes.format(resolveBy, zone));
    }

    /**
     * The lifecycle's timers follow the case's resolve-by date (those that have not fired yet): the reminder before it,
     * the supervisors' review at it, and the department head's after it.
     */
    private void moveResolveByTimer(ServiceRequest sr) {
        if (sr.getResolveBy() == null || sr.getProcessInstanceId() == null) {
            return;
        }
        Escalations escalations = escalations(sr);
        runtimeService.setVariable(sr.getProcessInstanceId(), "resolveBy", Date.from(sr.getResolveBy()));
        runtimeService.setVariable(sr.getProcessInstanceId(), "remindAt", Date.from(escalations.remindAt()));
        runtimeService.setVariable(sr.getProcessInstanceId(), "secondEscalationAt", Date.from(escalations.secondEscalationAt()));
        runtimeService.setVariable(sr.getProcessInstanceId(), "departmentHeadGroup", escalations.departmentHeadGroup());
        moveTimer(sr, RESOLVE_BY_TIMER, sr.getResolveBy());
        moveTimer(sr, REMINDER_TIMER, escalations.remindAt());
        moveTimer(sr, SECOND_ESCALATION_TIMER, escalations.secondEscalationAt());
    }

    private void moveTimer(ServiceRequest sr, String timerId, Instant due) {
        Job timer = managementService.createJobQuery().processInstanceId(sr.getProcessInstanceId()).activityId(timerId).timers().singleResult();
        if (timer != null) {
            managementService.setJobDuedate(timer.getId(), Date.from(due));
        }
    }

    /** Shortly before the resolve-by date: the department's open tasks move up its lists. */
    @Transactional
    public void remind(long caseId) {
        ServiceRequest sr = load(caseId);
        if (!sr.getStatus().isOpen()) {
            return;
        }
        for (Task task : taskService.createTaskQuery().processInstanceBusinessKey(sr.getReference()).list()) {
            if (task.getPriority() < REMINDED_PRIORITY && !task.getTaskDefinitionKey().startsWith("Task_Review")) {
                taskService.setPriority(task.getId(), REMINDED_PRIORITY);
            }
        }
        record(sr, CaseEventType.REMINDER, Visibility.INTERNAL, SYSTEM,
                "Reminder: due by " + CaseTimes.format(sr.getResolveBy(), zone) + "; its tasks moved up the department's list");
    }

    /** Still open well after the supervisors' review: the department head is asked to look at it. */
    @Transactional
    public void escalateToHead(long caseId) {
        ServiceRequest sr = load(caseId);
        record(sr, CaseEventType.ESCALATED, Visibility.INTERNAL, SYSTEM,
                "Still open after its escalation; escalated to the head of " + departments.nameOf(sr.getDepartment()));
    }

    // ---------------------------------------------------------------- helpers

    Map<String, Object> answers(ServiceRequest sr) {
        if (sr.getAnswers() == null) {
            return Map.of();
        }
        try {
            return json.readValue(sr.getAnswers(), new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("case " + sr.getReference() + " has unreadable answers", e);
        }
    }

    /** The department's staff keep reading the case after it moves on (the access policy's "holds or held"). */
    private void holds(ServiceRequest sr, String department) {
        if (department != null && !held.existsByCaseIdAndDepartment(sr.getId(), department)) {
            held.save(new CaseDepartment(sr.getId(), department, clock.instant()));
        }
    }

    private ServiceRequest load(long caseId) {
        return requests.findById(caseId).orElseThrow(() -> new NotFoundException("no case with id " + caseId));
    }

    private void changeStatus(ServiceRequest sr, CaseStatus status, CaseEventType type, Visibility visibility, String actor, String message) {
        sr.changeStatus(status, clock.instant());
        record(sr, type, visibility, actor, message);
    }

    private CaseEvent record(ServiceRequest sr, CaseEventType type, Visibility visibility, String actor, String message) {
        CaseEvent event = events.save(new CaseEvent(sr.getId(), clock.instant(), type, visibility, actor, sr.getStatus(), message));
        publisher.publishEvent(new CaseEventRecorded(sr.getId(), event.getId(), sr.getReference(), sr.getServiceCode(),
                sr.getWard(), type, visibility, sr.getStatus(), message, sr.getResolveBy()));
        return event;
    }

    private String toJson(Map<String, Object> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String trimToNull(String s) {
        return isBlank(s) ? null : s.trim();
    }

    private static String nullToDash(String s) {
        return s == null ? "-" : s;
    }
}
