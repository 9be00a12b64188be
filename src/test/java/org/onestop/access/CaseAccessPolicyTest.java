package org.onestop.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.onestop.departments.Departments;

/** The policy's rules on their own, without the application: the reasons behind the matrix test's cells. */
class CaseAccessPolicyTest {

    private final CaseAccessPolicy policy = new CaseAccessPolicy(new Departments(List.of(
            new Departments.Department("roads", "Roads"), new Departments.Department("water", "Water"))));

    private static StaffMember staff(String... groups) {
        return new StaffMember("someone", Set.of(groups));
    }

    private static CaseFacts roadsCase(Set<String> heldBy, String createdBy) {
        return new CaseFacts("pothole", "roads", heldBy, createdBy, "Ward 2 - Old Town");
    }

    @Test
    void departmentStaffReadWhatTheirDepartmentHoldsOrHeldAndNothingElse() {
        CaseFacts movedToWater = new CaseFacts("pothole", "water", Set.of("roads", "water"), "agent", "Ward 2 - Old Town");
        assertThat(policy.read(staff("roads"), roadsCase(Set.of("roads"), "agent"))).isEqualTo(CaseAccess.FULL);
        assertThat(policy.read(staff("roads-oncall"), roadsCase(Set.of("roads"), "agent"))).isEqualTo(CaseAccess.FULL);
        assertThat(policy.read(staff("roads"), movedToWater)).as("held").isEqualTo(CaseAccess.FULL);
        assertThat(policy.read(staff("water"), roadsCase(Set.of("roads"), "agent"))).isEqualTo(CaseAccess.NONE);
        assertThat(policy.reach(staff("water")).departments()).containsExactly("water");
    }

    @Test
    void onlyTheSupervisorsOfTheHoldingDepartmentAdminister() {
        assertThat(policy.mayAdminister(staff("roads-supervisors"), roadsCase(Set.of("roads"), "agent"))).isTrue();
        assertThat(policy.mayAdminister(staff("roads-head"), roadsCase(Set.of("roads"), "agent"))).isTrue();
        assertThat(policy.mayAdminister(staff("roads"), roadsCase(Set.of("roads"), "agent"))).isFalse();
        assertThat(policy.mayAdminister(staff("contact-centre"), roadsCase(Set.of("roads"), "agent"))).isFalse();
        assertThat(policy.mayAdminister(staff("camunda-admin"), roadsCase(Set.of("roads"), "agent"))).isFalse();
        CaseFacts movedToWater = new CaseFacts("pothole", "water", Set.of("roads", "water"), "agent", null);
        assertThat(policy.mayAdminister(staff("roads-supervisors"), movedToWater)).as("no longer theirs").isFalse();
    }

    @Test
    void aCouncillorsOfficeOpensInquiriesReadsWhatItOpenedAndFollowsItsWard() {
        StaffMember office = new StaffMember("council-1", Set.of("council-office", Roles.wardOfficeGroup("Ward 2 - Old Town")));
        assertThat(policy.mayOpen(office, Roles.COUNCILLOR_INQUIRY, false)).isTrue();
        assertThat(policy.mayOpen(office, "pothole", true)).isFalse();
        assertThat(policy.read(office, roadsCase(Set.of(), "council-1"))).isEqualTo(CaseAccess.FULL);
        assertThat(policy.mayAct(office, roadsCase(Set.of(), "council-1"))).isTrue();
        assertThat(policy.read(office, roadsCase(Set.of(), "agent"))).as("in its ward").isEqualTo(CaseAccess.STATUS);
        assertThat(policy.maySeeContactDetails(office, roadsCase(Set.of(), "agent"))).isFalse();
        assertThat(policy.mayAct(office, roadsCase(Set.of(), "agent"))).isFalse();
        CaseFacts elsewhere = new CaseFacts("pothole", "roads", Set.of(), "agent", "Ward 4 - Meadowvale");
        assertThat(policy.read(office, elsewhere)).isEqualTo(CaseAccess.NONE);
    }

    @Test
    void processOwnersReachNothingAndAdministratorsReadButDoNotAct() {
        assertThat(policy.reach(staff("process-owners")).nothing()).isTrue();
        assertThat(policy.mayOpenAny(staff("process-owners"))).isFalse();
        assertThat(policy.read(staff("process-owners"), roadsCase(Set.of("roads"), "agent"))).isEqualTo(CaseAccess.NONE);
        assertThat(policy.read(staff("camunda-admin"), roadsCase(Set.of("roads"), "agent"))).isEqualTo(CaseAccess.FULL);
        assertThat(policy.mayAct(staff("camunda-admin"), roadsCase(Set.of("roads"), "agent"))).isFalse();
        assertThat(policy.mayOpen(staff("camunda-admin"), "pothole", true)).isFalse();
    }

    @Test
    void wardOfficeGroupsAreNamedAfterTheWardsNumber() {
        assertThat(Roles.wardOfficeGroup("Ward 1 - Harbourfront")).isEqualTo("council-ward-1");
        assertThat(Roles.wardOfficeGroup("Harbour & Docks")).isEqualTo("council-ward-harbour-docks");
    }

    @Test
    void theScorecardsFiguresFollowTheRole() {
        CaseAccessPolicy.KpiReach every = new CaseAccessPolicy.KpiReach(null, true, true);
        CaseAccessPolicy.KpiReach nothing = new CaseAccessPolicy.KpiReach(Set.of(), false, false);
        for (StaffMember all : List.of(staff("managers"), staff(Roles.ADMINS))) {
            assertThat(policy.scorecards(all)).isEqualTo(new CaseAccessPolicy.ScorecardReach(true, Set.of("roads", "water"), true));
            assertThat(policy.corporateScorecard(all)).isEqualTo(every);
            assertThat(policy.departmentScorecard(all, "water")).isEqualTo(new CaseAccessPolicy.KpiReach(Set.of("water"), true, false));
        }
        // A councillor's office: the corporate figures only (no department's overdue list, no contact-centre page).
        assertThat(policy.scorecards(staff("council-office"))).isEqualTo(new CaseAccessPolicy.ScorecardReach(true, Set.of(), false));
        assertThat(policy.corporateScorecard(staff("council-office"))).isEqualTo(every);
        // A supervisor: their department's case measures, over its cases only; not another's, not the corporate one.
        StaffMember supervisor = staff("roads-supervisors");
        assertThat(policy.departmentScorecard(supervisor, "roads")).isEqualTo(new CaseAccessPolicy.KpiReach(Set.of("roads"), true, false));
        assertThat(policy.departmentScorecard(supervisor, "water").none()).isTrue();
        assertThat(policy.corporateScorecard(supervisor)).isEqualTo(nothing);
        assertThat(policy.departmentScorecard(staff("roads-head"), "roads").none()).isFalse();
        // Agents: the contact centre's measures only.
        assertThat(policy.contactCentreScorecard(staff("contact-centre"))).isEqualTo(new CaseAccessPolicy.KpiReach(null, false, true));
        assertThat(policy.contactCentreScorecard(staff("knowledge-editors")).none()).isFalse();
        assertThat(policy.contactCentreScorecard(supervisor).none()).isTrue();
        // Department staff and process owners: none.
        assertThat(policy.scorecards(staff("roads")).none()).isTrue();
        assertThat(policy.scorecards(staff(Roles.PROCESS_OWNERS)).none()).isTrue();
    }
}
