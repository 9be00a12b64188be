package org.onestop.cases;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.onestop.standards.BusinessCalendar;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a case's timeline: every change of status, note, routing and escalation is one {@link CaseEvent}, published
 * as {@link CaseEventRecorded} for the notices, the councillors' feed and the KPIs. Also remembers every department
 * that held the case, which the access policy reads ("cases their department holds or held"). When a change of
 * status resolves the case, it measures the time to resolve in business time and stores it on the case (the KPIs').
 */
@Component
class CaseTimeline {

    static final String SYSTEM = "system";

    private final CaseEvents events;
    private final CaseDepartments held;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final BusinessCalendar calendar;

    CaseTimeline(CaseEvents events, CaseDepartments held, ApplicationEventPublisher publisher, Clock clock, BusinessCalendar calendar) {
        this.calendar = calendar;
        this.events = events;
        this.held = held;
        this.publisher = publisher;
        this.clock = clock;
    }

    CaseEvent record(ServiceRequest sr, CaseEventType type, Visibility visibility, String actor, String message) {
        CaseEvent event = events.save(new CaseEvent(sr.getId(), clock.instant(), type, visibility, actor, sr.getStatus(), message));
        writtenInThisTransaction().ifPresent(written -> written.computeIfAbsent(sr.getId(), id -> new ArrayList<>()).add(event));
        publisher.publishEvent(new CaseEventRecorded(sr.getId(), event.getId(), sr.getReference(), sr.getServiceCode(),
                sr.getWard(), type, visibility, sr.getStatus(), message, sr.getResolveBy(), sr.getChannel(), event.getOccurredAt()));
        return event;
    }

    void changeStatus(ServiceRequest sr, CaseStatus status, CaseEventType type, Visibility visibility, String actor, String message) {
        sr.changeStatus(status, clock.instant());
        if (sr.resolvedUnmeasured()) {
            sr.measuredInBusinessTime(calendar.officeTimeBetween(sr.getCreatedAt(), sr.getResolvedAt()));
        }
        record(sr, type, visibility, actor, message);
    }

    /**
     * The department's staff keep reading the case after it moves on (the access policy's "holds or held"). Called
     * before the case moves: a case never routed before held no department yet.
     */
    void holds(ServiceRequest sr, String department) {
        if (department != null && (sr.getDepartment() == null || !held.existsByCaseIdAndDepartment(sr.getId(), department))) {
            held.save(new CaseDepartment(sr.getId(), department, clock.instant()));
        }
    }

    /**
     * The case's timeline when this transaction created the case: the entries it wrote, without reading them back. A
     * case this transaction did not open has older entries, which only the database has.
     */
    List<CaseEvent> ofCaseOpenedNow(ServiceRequest sr) {
        List<CaseEvent> written = writtenInThisTransaction().map(w -> w.get(sr.getId())).orElse(null);
        return written != null && !written.isEmpty() && written.get(0).getType() == CaseEventType.SUBMITTED
                ? List.copyOf(written) : events.findByCaseIdOrderByOccurredAtAscIdAsc(sr.getId());
    }

    /** The entries written in the current transaction by case id, kept until it completes; none outside one. */
    @SuppressWarnings("unchecked")
    private static Optional<Map<Long, List<CaseEvent>>> writtenInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return Optional.empty();
        }
        Map<Long, List<CaseEvent>> written = (Map<Long, List<CaseEvent>>) TransactionSynchronizationManager.getResource(CaseTimeline.class);
        if (written == null) {
            Map<Long, List<CaseEvent>> fresh = new HashMap<>();
            TransactionSynchronizationManager.bindResource(CaseTimeline.class, fresh);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(CaseTimeline.class);
                }
            });
            written = fresh;
        }
        return Optional.of(written);
    }
}
