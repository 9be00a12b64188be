package org.onestop.cases;

import com.fasterxml.jackson.annotation.JsonValue;

/** What happened to a case, for its timeline. */
public enum CaseEventType {
    SUBMITTED, ROUTED, ACKNOWLEDGED, STATUS_CHANGED, TASK_COMPLETED, NOTE, ESCALATED, RESOLVED, CLOSED, REFERRED, CANCELLED, TRANSFERRED, DUPLICATE, REMINDER, REOPENED;

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }
}
