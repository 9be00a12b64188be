package org.onestop.cases;

import java.time.Instant;

/**
 * Published (synchronously, inside the transaction that wrote it) for every timeline entry, so that other features
 * can react in the same transaction: notices, for one. The metrics count it once that transaction has committed.
 *
 * @param resolveBy  the case's resolve-by date at this entry (null before routing)
 * @param channel    the door the case came in by
 * @param occurredAt when the entry happened (its time on the timeline)
 */
public record CaseEventRecorded(long caseId, long caseEventId, String reference, String serviceCode, String ward,
                                CaseEventType type, Visibility visibility, CaseStatus status, String message,
                                Instant resolveBy, Channel channel, Instant occurredAt) {
}
