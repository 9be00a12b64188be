package org.onestop.standards;

import java.time.Instant;

import org.springframework.stereotype.Service;

/**
 * Turns a service standard (as the service's own standards table, {@code dmn/standards-<code>.dmn}, states it) into
 * the due dates of one case.
 */
@Service
public class ServiceStandards {

    private final BusinessCalendar calendar;

    ServiceStandards(BusinessCalendar calendar) {
        this.calendar = calendar;
    }

    /** A published standard: "acknowledge within 1 business day, resolve within 10 business days". */
    public record Standard(String acknowledgeWithin, String resolveWithin, BusinessCalendar.Clock clock) {
    }

    public record DueDates(Instant acknowledgeBy, Instant resolveBy) {
    }

    public DueDates dueDates(Instant received, Standard standard) {
        return new DueDates(
                calendar.due(received, standard.acknowledgeWithin(), standard.clock()),
                calendar.due(received, standard.resolveWithin(), standard.clock()));
    }
}
