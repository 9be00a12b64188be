package org.onestop.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A case as the staff API shows it. */
public record CaseView(
        String reference, String serviceCode, String serviceName, String channel, String status, String open311Status,
        String priority, String department, String departmentName, String ward, String address, Double latitude,
        Double longitude, String description, Map<String, Object> answers, CustomerView customer,
        Instant acknowledgeBy, Instant resolveBy, boolean overdue, boolean escalated, String resolution,
        Instant createdAt, Instant acknowledgedAt, Instant resolvedAt, Instant closedAt, String createdBy,
        int transfers, String duplicateOf, List<TimelineEntry> timeline,
        /** False when the reader may only follow the case's status (a councillor's office, for a case in its ward). */
        boolean full,
        /** The case this one was split from, for a child case; null otherwise (and in lists). */
        String parentReference,
        /** The child cases split from this one that the reader may read; null in lists. */
        List<ChildCase> children) {

    /** A child case as its parent shows it. */
    public record ChildCase(String reference, String serviceCode, String serviceName, String status, String department,
                            String departmentName) {
    }

    public record CustomerView(Long id, String name, String phone, String email, String preferredChannel) {
    }

    public record TimelineEntry(Instant at, String type, String visibility, String actor, String status, String message) {
        static TimelineEntry of(CaseEvent e) {
            return new TimelineEntry(e.getOccurredAt(), e.getType().code(), e.getVisibility().code(), e.getActor(),
                    e.getStatus() == null ? null : e.getStatus().code(), e.getMessage());
        }
    }
}
