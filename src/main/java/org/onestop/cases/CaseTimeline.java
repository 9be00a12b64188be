package org.onestop.cases;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a case's timeline: every change of status, note, routing and escalation is one {@link CaseEvent}, published
 * as {@link CaseEventRecorded} for the notices, the councillors' feed and the KPIs. Also remembers every department
 * that held the case, which the access policy reads ("cases their department holds or held").
 */
@Component
class CaseTimeline {

    static final String SYSTEM = "system";

    private final CaseEvents events;
    private final CaseDepartments held;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    CaseTimeline(CaseEvents events, CaseDepartments held, ApplicationEventPublisher publisher, Clock clock) {
        this.events = events;
        this.held = held;
        this.publisher = publisher;
        this.clock = clock;
    }

    CaseEvent record(ServiceRequest sr, CaseEventType type, Visibility visibility, String actor, String message) {
        CaseEvent event = events.save(new CaseEvent(sr.getId(), clock.instant(), type, visibility, actor, sr.getStatus(), message));
        publisher.publishEvent(new CaseEventRecorded(sr.getId(), event.getId(), sr.getReference(), sr.getServiceCode(),
                sr.getWard(), type, visibility, sr.getStatus(), message, sr.getResolveBy()));
        return event;
    }

    void changeStatus(ServiceRequest sr, CaseStatus status, CaseEventType type, Visibility visibility, String actor, String message) {
        sr.changeStatus(status, clock.instant());
        record(sr, type, visibility, actor, message);
    }

    /** The department's staff keep reading the case after it moves on (the access policy's "holds or held"). */
    void holds(ServiceRequest sr, String department) {
        if (department != null && !held.existsByCaseIdAndDepartment(sr.getId(), department)) {
            held.save(new CaseDepartment(sr.getId(), department, clock.instant()));
        }
    }
}
