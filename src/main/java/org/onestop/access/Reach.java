package org.onestop.access;

import java.util.Set;

/**
 * Which cases a staff member's lists, searches, counts and exports may hold, as data a query can use: everything, or
 * the cases that any department in {@code departments} holds or held, those opened by {@code openedBy}, and those in a
 * ward whose councillor's office group is in {@code wardOfficeGroups} (at {@link CaseAccess#STATUS}).
 */
public record Reach(boolean everything, Set<String> departments, String openedBy, Set<String> wardOfficeGroups) {

    public Reach {
        departments = Set.copyOf(departments);
        wardOfficeGroups = Set.copyOf(wardOfficeGroups);
    }

    public boolean nothing() {
        return !everything && departments.isEmpty() && openedBy == null && wardOfficeGroups.isEmpty();
    }
}
