package org.onestop.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases feature's public API: what other features may do with a case. Each call is one transaction. The work is
 * done by package-private parts, one per responsibility: {@link CaseOpening} (intake and reopening),
 * {@link StaffActions} (note, cancel, transfer, duplicate), {@link CaseLifecycle} (what the engine tells a case),
 * {@link CaseClocks} (due dates and the timers that follow them) and {@link CaseTimeline}.
 * Who may call what for whom is decided before, by {@link StaffCases} and the access policy.
 */
@Service("cases") // "caseService" is the engine's CMMN service bean
public class CaseService {

    public static final String LIFECYCLE_PROCESS = "CaseLifecycleProcess";
    /** Staff closed the case outside the department's work: cancelled, or closed as a duplicate. */
    public static final String WITHDRAW_MESSAGE = "CaseWithdrawn";

    private final ServiceRequests requests;
    private final CaseEvents events;
    private final CaseOpening opening;
    private final StaffActions actions;
    private final ChildCases children;
    private final Clock clock;
    /** The database is H2 (from the configured URL, without asking a connection): see {@link #overdue}. */
    private final boolean h2;

    CaseService(ServiceRequests requests, CaseEvents events, CaseOpening opening, StaffActions actions, ChildCases children, Clock clock,
                @org.springframework.beans.factory.annotation.Value("${spring.datasource.url:}") String databaseUrl) {
        this.h2 = databaseUrl.startsWith("jdbc:h2:");
        this.requests = requests;
        this.events = events;
        this.opening = opening;
        this.actions = actions;
        this.children = children;
        this.clock = clock;
    }

    /**
     * Opens a case: validates it against the service's questions, finds or records the customer, writes the case and
     * starts its lifecycle. Routing and due dates are decided by the lifecycle (DMN) before this returns.
     * Any failure rolls back all of it.
     */
    @Transactional
    public ServiceRequest open(NewCase request, String actor) {
        return opening.open(request, actor);
    }

    /**
     * Reopens a resolved or closed case ("this is not fixed"): within the reopen window after its resolution, the case
     * goes back to the department through a fresh lifecycle (routed again, with new due dates). Later, or for a case
     * that was cancelled, referred or closed as a duplicate, the caller is told to open a new request.
     */
    @Transactional
    public ServiceRequest reopen(String reference, String reason, String actor) {
        return opening.reopen(reference, reason, actor);
    }

    @Transactional
    public CaseEvent addNote(String reference, String text, Visibility visibility, String actor) {
        return actions.addNote(reference, text, visibility, actor);
    }

    /** Cancels an open case (the resident withdrew it, or it was opened by mistake) and ends its process. */
    @Transactional
    public void cancel(String reference, String reason, String actor) {
        actions.cancel(reference, reason, actor);
    }

    /**
     * Sends an open case to another department, with a reason: its open tasks move to the new department's group,
     * and the transfer-policy table says whether the standard's clock restarts for the receiving department.
     */
    @Transactional
    public void transfer(String reference, String toDepartment, String reason, String actor) {
        actions.transfer(reference, toDepartment, reason, actor);
    }

    /** Closes an open case as a duplicate of another open case; the resident is pointed to the original. */
    @Transactional
    public void markDuplicate(String reference, String originalReference, String actor) {
        actions.markDuplicate(reference, originalReference, actor);
    }

    /** One part of a split case as staff give it: the child's service, what to do, where (null: the parent's place), the answers. */
    public record NewChildCase(String serviceCode, String description, String address, Map<String, Object> answers) {
    }

    /**
     * Splits an open case into child cases for other departments, all or nothing: each child is checked like an intake
     * (a 400 naming {@code children[i].field} stores nothing), the parent's lifecycle stops its own fulfilment and waits
     * for its children ({@code bpmn/case-lifecycle.bpmn}), and each child opens as a case of its own.
     */
    @Transactional
    public List<ServiceRequest> split(String reference, List<NewChildCase> parts, String actor) {
        return children.split(reference, parts == null ? null : parts.stream()
                .map(p -> p == null ? null : new ChildCases.Child(p.serviceCode(), p.description(), p.address(), p.answers())).toList(), actor);
    }

    /** The child cases split from a case, oldest first (none for a case that was not split). */
    @Transactional(readOnly = true)
    public List<ServiceRequest> children(ServiceRequest parent) {
        return requests.findByParentIdOrderByIdAsc(parent.getId());
    }

    /** One entry of a combined public timeline; {@code part} is the child case it comes from, null for the case itself. */
    public record PublicEntry(CaseEvent event, ServiceRequest part) {
    }

    /**
     * The public timeline its resident reads for a case: its own public entries and, for a split case, those of its
     * children of public services (a private service's child shows nothing), oldest first.
     */
    @Transactional(readOnly = true)
    public List<PublicEntry> combinedPublicTimeline(ServiceRequest sr, java.util.function.Predicate<String> privateService) {
        Map<Long, ServiceRequest> parts = requests.findByParentIdOrderByIdAsc(sr.getId()).stream()
                .filter(c -> !privateService.test(c.getServiceCode()))
                .collect(Collectors.toMap(ServiceRequest::getId, c -> c));
        List<Long> ids = new ArrayList<>(parts.keySet());
        ids.add(sr.getId());
        return events.findByCaseIdInAndVisibilityOrderByOccurredAtAscIdAsc(ids, Visibility.PUBLIC).stream()
                .map(e -> new PublicEntry(e, parts.get(e.getCaseId()))).toList();
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public Optional<ServiceRequest> find(String reference) {
        return requests.findAsTyped(reference);
    }

    @Transactional(readOnly = true)
    public ServiceRequest get(String reference) {
        return requests.getByReference(reference);
    }

    @Transactional(readOnly = true)
    public List<CaseEvent> timeline(ServiceRequest request) {
        return events.findByCaseIdOrderByOccurredAtAscIdAsc(request.getId());
    }

    /** A case the engine or an event names by its id. */
    @Transactional(readOnly = true)
    public Optional<ServiceRequest> byId(long caseId) {
        return requests.findById(caseId);
    }

    /**
     * The public timelines of several cases at once, oldest event first, each with its children's public entries when
     * it was split (children of private services left out): what the resident of each reads. Two queries.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<CaseEvent>> combinedPublicTimelines(Collection<Long> caseIds, java.util.function.Predicate<String> privateService) {
        if (caseIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> parentOf = new java.util.HashMap<>();
        requests.findByParentIdIn(caseIds).stream().filter(c -> !privateService.test(c.getServiceCode()))
                .forEach(c -> parentOf.put(c.getId(), c.getParentId()));
        java.util.Set<Long> all = new java.util.LinkedHashSet<>(caseIds);
        all.addAll(parentOf.keySet());
        Map<Long, List<CaseEvent>> timelines = new java.util.HashMap<>();
        for (CaseEvent e : events.findByCaseIdInAndVisibilityOrderByOccurredAtAscIdAsc(all, Visibility.PUBLIC)) {
            if (caseIds.contains(e.getCaseId())) { // a child listed itself keeps its own timeline too
                timelines.computeIfAbsent(e.getCaseId(), id -> new ArrayList<>()).add(e);
            }
            if (parentOf.containsKey(e.getCaseId())) {
                timelines.computeIfAbsent(parentOf.get(e.getCaseId()), id -> new ArrayList<>()).add(e);
            }
        }
        return timelines;
    }

    /** The public timelines of several cases at once (one query), oldest event first. */
    @Transactional(readOnly = true)
    public Map<Long, List<CaseEvent>> publicTimelines(Collection<Long> caseIds) {
        return caseIds.isEmpty() ? Map.of() : events.findByCaseIdInAndVisibilityOrderByOccurredAtAscIdAsc(caseIds, Visibility.PUBLIC)
                .stream().collect(Collectors.groupingBy(CaseEvent::getCaseId));
    }

    /**
     * Cases matching a feature's own criteria (Open311's public filters, say), a page at a time. The caller answers for
     * what it shows: public output goes through the privacy rules of the services, staff output through {@link StaffCases}.
     */
    @Transactional(readOnly = true)
    public Page<ServiceRequest> matching(Specification<ServiceRequest> criteria, Pageable page) {
        return requests.findAll(criteria, page);
    }

    /**
     * Up to {@code limit} cases matching the criteria with an id above {@code afterId}, in id order: for exports that
     * walk every case a batch at a time (keyset paging, no count query). The caller answers for what it shows, as for
     * {@link #matching}.
     */
    @Transactional(readOnly = true)
    public List<ServiceRequest> batchAfter(long afterId, Specification<ServiceRequest> criteria, int limit) {
        Specification<ServiceRequest> after = (root, query, cb) -> cb.greaterThan(root.get("id"), afterId);
        return requests.findBy(after.and(criteria), q -> q.sortBy(org.springframework.data.domain.Sort.by("id")).limit(limit).all());
    }

    /** Open cases of a department (null: not routed yet) and how many of them are past their resolve-by date. */
    public record DepartmentWorkload(String department, long open, long overdue) {
    }

    /**
     * Every department's open and overdue cases now, counted in the database (one grouped query); departments without
     * an open case are not listed. For figures about the whole city (the metrics), not filtered by any user's reach.
     */
    @Transactional(readOnly = true)
    public List<DepartmentWorkload> workload() {
        List<CaseStatus> open = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();
        return requests.countByDepartment(open, clock.instant()).stream()
                .map(row -> new DepartmentWorkload((String) row[0], number(row[1]), number(row[2])))
                .toList();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The answers to the service's questions as the case stored them. */
    Map<String, Object> answers(ServiceRequest sr) {
        return opening.answers(sr);
    }

    /** Filters for the case list; any may be null. */
    public record Filter(List<CaseStatus> statuses, String serviceCode, String department, String ward, Boolean overdue,
                         Long customerId) {

        Specification<ServiceRequest> toSpecification(Instant now) {
            return (root, query, cb) -> {
                List<Predicate> where = new ArrayList<>();
                if (statuses != null && !statuses.isEmpty()) {
                    where.add(root.get("status").in(statuses));
                }
                equal(where, cb, root.get("serviceCode"), serviceCode);
                equal(where, cb, root.get("department"), department);
                equal(where, cb, root.get("ward"), ward);
                if (customerId != null) {
                    where.add(cb.equal(root.get("customerId"), customerId));
                }
                if (overdue != null) {
                    List<CaseStatus> open = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();
                    Predicate late = cb.and(root.get("status").in(open), cb.lessThan(root.get("resolveBy"), now));
                    where.add(overdue ? late : cb.not(late));
                }
                return cb.and(where.toArray(Predicate[]::new));
            };
        }

        private static void equal(List<Predicate> where, jakarta.persistence.criteria.CriteriaBuilder cb,
                                  jakarta.persistence.criteria.Path<Object> path, String value) {
            if (value != null && !value.isBlank()) {
                where.add(cb.equal(path, value));
            }
        }
    }

    /**
     * A department's open cases past their resolve-by date within the reach, the most recently overdue first, at most
     * {@code limit}: the departmental scorecard's overdue list. On H2 the order names the department first (fixed by the
     * filter, it changes nothing): only then does H2 read V49's (department DESC, resolve_by DESC, id DESC) index in its
     * order and stop at the limit, where otherwise it reads and sorts all the department's cases past their date (9 s at
     * 1,000,000 cases). MySQL/MariaDB read (department, resolve_by) or resolve_by backwards for the order without it, and
     * sort instead when the department leads (0.6 s against 70 ms for Roads' scorecard at 1,000,000 cases).
     */
    @Transactional(readOnly = true)
    public List<ServiceRequest> overdue(String department, Specification<ServiceRequest> reach, int limit) {
        List<CaseStatus> open = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();
        org.springframework.data.domain.Sort order = h2
                ? org.springframework.data.domain.Sort.by("department", "resolveBy", "id").descending()
                : org.springframework.data.domain.Sort.by("resolveBy", "id").descending();
        return requests.findBy(new Filter(open, null, department, null, true, null).toSpecification(clock.instant()).and(reach),
                query -> query.sortBy(order).limit(limit).all());
    }

    /** A page of the cases that match the filter, within the reach the access policy gave the user. */
    @Transactional(readOnly = true)
    public Page<ServiceRequest> search(Filter filter, Specification<ServiceRequest> reach, Pageable page) {
        return requests.findAll(filter.toSpecification(clock.instant()).and(reach), page);
    }
}
