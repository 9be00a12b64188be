package org.onestop.cases;

import java.util.Objects;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A case's work order in a back-office system (Cityworks, Amanda, Infor…): the number and status its worker reports
 * when it completes the external task of a service process ({@code camunda:topic="work-orders"}), written on the case's
 * timeline. The entry is internal (staff see the number; residents' pages and Open311 do not), and published like every
 * entry, so the webhooks announce it. The same number and status reported again writes nothing.
 */
@Component
class WorkOrders {

    static final int MAX_NUMBER = 100;
    static final int MAX_STATUS = 60;

    private final ServiceRequests requests;
    private final CaseTimeline timeline;
    private final CaseEvents events;

    WorkOrders(ServiceRequests requests, CaseTimeline timeline, CaseEvents events) {
        this.requests = requests;
        this.timeline = timeline;
        this.events = events;
    }

    /**
     * Records a work order's number and status on the case: {@code WORK_ORDER_CREATED} the first time the case has a
     * work order, {@code WORK_ORDER_UPDATED} after that.
     *
     * @throws IllegalArgumentException when the number is missing or too long, or the status too long: the worker's
     *                                  completion fails with it, and the external task stays to be done
     */
    @Transactional
    public void record(long caseId, String number, String status, String actor) {
        String n = number == null ? "" : number.strip();
        String st = status == null || status.isBlank() ? "created" : status.strip();
        if (n.isEmpty() || n.length() > MAX_NUMBER) {
            throw new IllegalArgumentException("workOrderNumber must be 1 to " + MAX_NUMBER + " characters");
        }
        if (st.length() > MAX_STATUS) {
            throw new IllegalArgumentException("workOrderStatus must be at most " + MAX_STATUS + " characters");
        }
        ServiceRequest sr = requests.load(caseId);
        String message = "Work order " + n + ": " + st;
        boolean had = false;
        for (CaseEvent e : events.findByCaseIdOrderByOccurredAtAscIdAsc(caseId)) {
            if (e.getType() == CaseEventType.WORK_ORDER_CREATED || e.getType() == CaseEventType.WORK_ORDER_UPDATED) {
                had = true;
                if (Objects.equals(e.getMessage(), message)) {
                    return;
                }
            }
        }
        timeline.record(sr, had ? CaseEventType.WORK_ORDER_UPDATED : CaseEventType.WORK_ORDER_CREATED, Visibility.INTERNAL,
                actor == null || actor.isBlank() ? CaseTimeline.SYSTEM : actor, message);
    }

    /** Where the case is, for a work order: no person's details, only the place. */
    @Transactional(readOnly = true)
    public Place place(long caseId) {
        ServiceRequest sr = requests.load(caseId);
        return new Place(sr.getAddress(), sr.getLatitude(), sr.getLongitude(), sr.getWard());
    }

    record Place(String address, Double latitude, Double longitude, String ward) {
    }
}
