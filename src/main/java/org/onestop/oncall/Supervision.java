package org.onestop.oncall;

import java.util.List;

import org.onestop.departments.Departments;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who keeps a department's on-call roster: its supervisors ({@code GROUP_<department>-supervisors}) and the
 * administrators ({@code GROUP_camunda-admin}). The one rule for the API and the page.
 */
final class Supervision {

    static final String ADMINS = "GROUP_camunda-admin";

    private Supervision() {
    }

    static boolean supervises(Authentication user, String department) {
        if (user == null || department == null || !user.isAuthenticated()) {
            return false;
        }
        String supervisors = "GROUP_" + department + "-supervisors";
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(supervisors) || a.equals(ADMINS));
    }

    static void requireSupervisorOf(String department, Authentication user) {
        requireSupervisorOf(department, user, "only " + department + "'s supervisors keep its on-call roster");
    }

    /** The same rule, refused with the caller's own wording (a page names the department, the API its id). */
    static void requireSupervisorOf(String department, Authentication user, String refusal) {
        if (!supervises(user, department)) {
            throw new AccessDeniedException(refusal);
        }
    }

    /** The configured departments whose roster the user keeps, in configuration order. */
    static List<Departments.Department> departmentsOf(Authentication user, Departments departments) {
        return departments.departments().stream().filter(d -> supervises(user, d.id())).toList();
    }
}
