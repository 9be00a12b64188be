package org.onestop.access;

import java.util.Set;

/**
 * What the policy needs to know of a case: its service, the department that holds it and every department that held
 * it, who opened it, its ward and whether the service's cases are private.
 */
public record CaseFacts(String serviceCode, String department, Set<String> heldBy, String createdBy, String ward,
                        boolean privateCase) {

    public CaseFacts {
        heldBy = heldBy == null ? Set.of() : Set.copyOf(heldBy);
    }
}
