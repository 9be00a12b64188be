package org.onestop.customers;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a contact ended. Only an answer given there and then counts as resolved on first contact. */
public enum ContactOutcome {
    /** Answered from the knowledge base: nothing more for the city to do. */
    ANSWERED(true, "Answered (resolved on first contact)"),
    /** A new case was opened for the caller. */
    CASE_OPENED(false, "Case opened"),
    /** The caller was added to an existing open case (the same problem, reported before). */
    ADDED_TO_CASE(false, "Added to an existing case"),
    /** The caller asked about an existing case and was told its status. */
    STATUS_GIVEN(false, "Status of a case given"),
    /** A note on an existing case: the resident called with more information. */
    CASE_UPDATED(false, "Case updated with more information"),
    /** "Not fixed": a resolved case was reopened. */
    CASE_REOPENED(false, "Case reopened"),
    /** Not the city's: the caller was given the right authority's contact. */
    REFERRED_ELSEWHERE(true, "Referred to another authority (resolved on first contact)"),
    /** Anything else (a dropped call, a wrong number). */
    OTHER(false, "Other (dropped call, wrong number…)");

    private final boolean resolvedOnFirstContact;
    private final String label;

    ContactOutcome(boolean resolvedOnFirstContact, String label) {
        this.resolvedOnFirstContact = resolvedOnFirstContact;
        this.label = label;
    }

    /** How the console names the outcome. */
    public String label() {
        return label;
    }

    public boolean resolvedOnFirstContact() {
        return resolvedOnFirstContact;
    }

    @JsonValue
    public String code() {
        return name().toLowerCase().replace('_', '-');
    }

    public static ContactOutcome fromCode(String code) {
        for (ContactOutcome outcome : values()) {
            if (outcome.code().equalsIgnoreCase(code) || outcome.name().equalsIgnoreCase(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown outcome '" + code + "'");
    }
}
