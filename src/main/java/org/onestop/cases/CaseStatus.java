package org.onestop.cases;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a case stands. Each status maps to Open311's {@code open} or {@code closed}.
 */
public enum CaseStatus {
    SUBMITTED(true),
    ACKNOWLEDGED(true),
    IN_PROGRESS(true),
    WAITING_FOR_CUSTOMER(true),
    RESOLVED(false),
    CLOSED(false),
    CANCELLED(false),
    DUPLICATE(false),
    REFERRED(false);

    private final boolean open;

    CaseStatus(boolean open) {
        this.open = open;
    }

    public boolean isOpen() {
        return open;
    }

    /** Open311 GeoReport v2 status: {@code open} or {@code closed}. */
    public String open311() {
        return open ? "open" : "closed";
    }

    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    public static CaseStatus fromCode(String code) {
        for (CaseStatus status : values()) {
            if (status.code().equalsIgnoreCase(code) || status.name().equalsIgnoreCase(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + code + "'");
    }
}
