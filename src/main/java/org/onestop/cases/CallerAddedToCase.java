package org.onestop.cases;

/**
 * A known caller was added to an open case because they reported the same problem: the timeline entry that says so,
 * and who was added (so that they, and only they, can be told the case's reference and expected date).
 */
public record CallerAddedToCase(CaseEventRecorded entry, long customerId) {
}
