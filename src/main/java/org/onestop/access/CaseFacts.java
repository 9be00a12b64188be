package org.onestop.access;

import java.util.Set;

/**
 * What the policy needs to know of a case: its service, the department that holds it and every department that held
 * it, who opened it and its ward.
 */
public record CaseFacts(String serviceCode, String department, Set<String> heldBy, String createdBy, String ward) {

    public CaseFacts {
        heldBy = heldBy == null ? Set.of() : Set.copyOf(heldBy);
    }
}
