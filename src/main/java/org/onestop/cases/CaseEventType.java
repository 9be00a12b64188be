package org.onestop.cases;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a case, for its timeline. */
public enum CaseEventType {
    SUBMITTED, ROUTED, ACKNOWLEDGED, STATUS_CHANGED, TASK_COMPLETED, NOTE, ESCALATED, RESOLVED, CLOSED, REFERRED, CANCELLED, TRANSFERRED, DUPLICATE, REMINDER, REOPENED,
    /** Another caller reported the same problem and was added to the case. */
    REPORTER_ADDED,
    /** Staff split the case into child cases for other departments (on the parent), or this is one (on the child). */
    SPLIT,
    /** A back-office system took the case's work order (its number and status, from an external task's worker). */
    WORK_ORDER_CREATED,
    /** A back-office system reported a later status of the case's work order. */
    WORK_ORDER_UPDATED;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }
}
