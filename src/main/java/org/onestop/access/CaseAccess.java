package org.onestop.access;

/** How much of a case a staff member may read. */
public enum CaseAccess {
    /** Out of reach: the case is answered as if it did not exist (404), and no list shows it. */
    NONE,
    /** Its service, status, expected date and public timeline (a councillor's office, for cases in its ward). */
    STATUS,
    /** Everything staff see: details, answers, the whole timeline, the customer's contact details. */
    FULL;

    public boolean readable() {
        return this != NONE;
    }
}
