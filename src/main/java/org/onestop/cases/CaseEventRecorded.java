package org.onestop.cases;

import java.time.Instant;

/**
 * Published (synchronously, inside the transaction that wrote it) for every timeline entry, so that other features
 * can react in the same transaction: notices, for one.
 */
public record CaseEventRecorded(long caseId, long caseEventId, String reference, String serviceCode, String ward,
                                CaseEventType type, Visibility visibility, CaseStatus status, String message,
                                Instant resolveBy) {
}
