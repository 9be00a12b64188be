package org.onestop.web;

import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.Roles;
import org.onestop.access.StaffMember;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Which links the staff bar offers ({@code @navigation} in the layout): only the tools the user may open, as the
 * access policy and the engine's rights (security/EngineRights) have them.
 */
@Component("navigation")
public class Navigation {

    private final CaseAccessPolicy policy;

    Navigation(CaseAccessPolicy policy) {
        this.policy = policy;
    }

    /** Department staff, supervisors and heads work their tasks in Tasklist; administrators see every task. */
    public boolean tasklist(Authentication user) {
        StaffMember s = StaffMember.of(user);
        return policy.isAdmin(s) || !policy.departmentsOf(s).isEmpty();
    }

    /** Supervisors, process owners and administrators. */
    public boolean cockpit(Authentication user) {
        StaffMember s = StaffMember.of(user);
        return policy.isAdmin(s) || s.in(Roles.PROCESS_OWNERS) || s.groups().stream().anyMatch(g -> g.endsWith("-supervisors"));
    }

    public boolean console(Authentication user) {
        StaffMember s = StaffMember.of(user);
        return policy.isAgent(s) || policy.isCouncilOffice(s) || policy.isAdmin(s);
    }

    /** The staff directory: every staff member but the monitoring systems. */
    public boolean directory(Authentication user) {
        return policy.mayUseStaffDirectory(StaffMember.of(user));
    }

    /** The departments' page: administrators. */
    public boolean departments(Authentication user) {
        return policy.mayManageDepartments(StaffMember.of(user));
    }

    /** Process owners and administrators: the owners' pages ("What is live", the preview). */
    public boolean models(Authentication user) {
        return policy.mayManageModels(StaffMember.of(user));
    }

    /** Whoever may open a scorecard: managers, councillors' offices, supervisors, agents and administrators. */
    public boolean scorecards(Authentication user) {
        return !policy.scorecards(StaffMember.of(user)).none();
    }
}
