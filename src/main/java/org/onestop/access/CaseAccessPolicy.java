package org.onestop.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.onestop.departments.Departments;
import org.springframework.stereotype.Component;

/**
 * The one case-access policy: who may open which services, read which cases, see a customer's contact details, act on
 * a case (note, reopen, add a caller) and administer it (cancel, transfer, close as duplicate, split into child cases). Every entry point asks
 * here; the README's access matrix is this class, and {@code AuthorizationMatrixTest} proves each cell.
 *
 * <table>
 * <tr><th>role</th><th>open</th><th>read</th><th>contact details</th><th>act</th><th>administer</th></tr>
 * <tr><td>contact centre, knowledge editors</td><td>any public service</td><td>all</td><td>yes</td><td>yes</td><td>no</td></tr>
 * <tr><td>department staff (the department's group, its on-call and head groups)</td><td>any public service</td>
 *     <td>cases their department holds or held</td><td>on those</td><td>on those</td><td>no</td></tr>
 * <tr><td>department supervisors</td><td>as staff</td><td>as staff</td><td>as staff</td><td>as staff</td>
 *     <td>cases their department holds</td></tr>
 * <tr><td>councillor's office</td><td>councillor inquiries</td><td>cases it opened; status of its ward's cases</td>
 *     <td>on cases it opened</td><td>on cases it opened</td><td>no</td></tr>
 * <tr><td>process owners</td><td colspan="5">nothing</td></tr>
 * <tr><td>administrators</td><td>none</td><td>all</td><td>yes</td><td>no</td><td>no</td></tr>
 * <tr><td>managers</td><td colspan="5">nothing on a case; every KPI ({@link #kpis}) and scorecard ({@link #scorecards})</td></tr>
 * </table>
 * A user in several groups has the union of their rights.
 */
@Component
public class CaseAccessPolicy {

    private final Departments departments;

    CaseAccessPolicy(Departments departments) {
        this.departments = departments;
    }

    // ---------------------------------------------------------------- roles

    /** Contact-centre agents (and knowledge-base editors, who work as agents). */
    public boolean isAgent(StaffMember s) {
        return s.in(Roles.CONTACT_CENTRE) || s.in(Roles.KNOWLEDGE_EDITORS);
    }

    public boolean isAdmin(StaffMember s) {
        return s.in(Roles.ADMINS);
    }

    /**
     * Whether the user may use the process owners' pages and API about the deployed models (what is live, preview,
     * moving running cases to a new version): process owners and administrators, nobody else. These show models and
     * counts, never a case's content.
     */
    public boolean mayManageModels(StaffMember s) {
        return s.in(Roles.PROCESS_OWNERS) || isAdmin(s);
    }

    public boolean isCouncilOffice(StaffMember s) {
        return s.in(Roles.COUNCIL_OFFICE);
    }

    /**
     * Whether the user may add and change the city's departments ({@code /admin/departments}, {@code /api/departments}),
     * which also makes their engine groups and rights: administrators only.
     */
    public boolean mayManageDepartments(StaffMember s) {
        return isAdmin(s);
    }

    /** The outgoing webhooks' subscriptions and their deliveries ({@code /api/webhooks}): administrators. */
    public boolean mayManageWebhooks(StaffMember s) {
        return isAdmin(s);
    }

    // ---------------------------------------------------------------- the staff directory

    /**
     * The staff directory ({@code /directory}, {@code /api/directory}): departments, their services and public
     * numbers, who is on call now, and their members' names. Every staff member: anyone in a group other than the
     * monitoring systems' and the back-office systems' workers (neither is a person who calls a colleague).
     */
    public boolean mayUseStaffDirectory(StaffMember s) {
        return s.groups().stream().anyMatch(g -> !g.equals(Roles.MONITORING) && !g.equals(Roles.INTEGRATIONS));
    }

    /**
     * The members' own e-mail addresses in the staff directory: staff who hand work to colleagues (agents, department
     * staff, supervisors and heads, managers, administrators). Councillors' offices and process owners reach a
     * department through its public number and e-mail address, which everyone sees.
     */
    public boolean maySeeStaffEmails(StaffMember s) {
        return isAgent(s) || !departmentsOf(s).isEmpty() || s.in(Roles.MANAGERS) || isAdmin(s);
    }

    /** The departments whose staff the user is: the department's group, or its supervisors', on-call or head group. */
    public Set<String> departmentsOf(StaffMember s) {
        return departments.departments().stream().map(Departments.Department::id)
                .filter(d -> s.in(d) || s.in(d + "-supervisors") || s.in(d + "-oncall") || s.in(d + "-head"))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The departments the user supervises: its supervisors' group, or its head's. */
    public Set<String> supervisedBy(StaffMember s) {
        return departments.departments().stream().map(Departments.Department::id)
                .filter(d -> s.in(d + "-supervisors") || s.in(d + "-head"))
                .collect(Collectors.toUnmodifiableSet());
    }

    private Set<String> wardOfficesOf(StaffMember s) {
        return s.groups().stream().filter(g -> g.startsWith(Roles.WARD_OFFICE_PREFIX)).collect(Collectors.toUnmodifiableSet());
    }

    // ---------------------------------------------------------------- opening cases

    /**
     * Whether the user may open a case of the service: agents and department staff any public service (one residents
     * may request), a councillor's office councillor inquiries; process owners and administrators none.
     */
    public boolean mayOpen(StaffMember s, String serviceCode, boolean publicService) {
        if (publicService && (isAgent(s) || !departmentsOf(s).isEmpty())) {
            return true;
        }
        return isCouncilOffice(s) && Roles.COUNCILLOR_INQUIRY.equals(serviceCode);
    }

    /** Whether the user may open any case at all (the console's intake, the API's POST). */
    public boolean mayOpenAny(StaffMember s) {
        return isAgent(s) || !departmentsOf(s).isEmpty() || isCouncilOffice(s);
    }

    // ---------------------------------------------------------------- reading

    public CaseAccess read(StaffMember s, CaseFacts c) {
        if (isAgent(s) || isAdmin(s) || holdsOrHeld(s, c) || openedBy(s, c)) {
            return CaseAccess.FULL;
        }
        if (c.ward() != null && wardOfficesOf(s).contains(Roles.wardOfficeGroup(c.ward()))) {
            return CaseAccess.STATUS;
        }
        return CaseAccess.NONE;
    }

    /** A customer's name, phone, e-mail and address on a case: whoever reads the whole case. */
    public boolean maySeeContactDetails(StaffMember s, CaseFacts c) {
        return read(s, c) == CaseAccess.FULL;
    }

    /** The lists' reach: the same rule as {@link #read}, as data for a query. */
    public Reach reach(StaffMember s) {
        if (isAgent(s) || isAdmin(s)) {
            return new Reach(true, Set.of(), null, Set.of());
        }
        return new Reach(false, departmentsOf(s), isCouncilOffice(s) ? s.userId() : null, wardOfficesOf(s));
    }

    // ---------------------------------------------------------------- changing

    /** Add a note, reopen, add a caller, record a call: agents, the department's staff, the office that opened it. */
    public boolean mayAct(StaffMember s, CaseFacts c) {
        return isAgent(s) || holdsOrHeld(s, c) || openedBy(s, c);
    }

    /** Cancel, transfer, close as a duplicate: the supervisors of the department that holds the case. */
    public boolean mayAdminister(StaffMember s, CaseFacts c) {
        return c.department() != null && supervisedBy(s).contains(c.department());
    }

    /**
     * Split a case into child cases for other departments: like a transfer (it sends work to other departments), the
     * supervisors of the department that holds the case.
     */
    public boolean maySplit(StaffMember s, CaseFacts c) {
        return mayAdminister(s, c);
    }

    // ---------------------------------------------------------------- customers

    /** The console's customer directory (search, callers' pages, new and corrected callers) in full. */
    public boolean mayUseCustomerDirectory(StaffMember s) {
        return isAgent(s) || isAdmin(s);
    }

    /**
     * A councillor's office sees the customers it recorded and those of the cases it opened; the directory's users all.
     */
    public boolean maySeeCustomer(StaffMember s, String customerCreatedBy, List<CaseFacts> customersCases) {
        if (mayUseCustomerDirectory(s)) {
            return true;
        }
        if (!isCouncilOffice(s)) {
            return false;
        }
        return s.userId().equals(customerCreatedBy) || customersCases.stream().anyMatch(c -> openedBy(s, c));
    }

    // ---------------------------------------------------------------- reports

    /**
     * Figures about the departments' work (survey summary): supervisors for theirs, administrators all. The scorecards
     * have their own rule, {@link #scorecards}.
     */
    public Set<String> reportDepartments(StaffMember s) {
        if (isAdmin(s)) {
            return departments.departments().stream().map(Departments.Department::id).collect(Collectors.toUnmodifiableSet());
        }
        return supervisedBy(s);
    }

    /**
     * What a user may see of the KPIs ({@code /api/kpis}): managers and administrators every measure over every case;
     * supervisors (and heads) the case measures over their departments' cases only (the contact log is the contact
     * centre's, not a department's); contact-centre agents (and knowledge editors) the contact-centre measures
     * (contacts, first-contact resolution, handle time, channels) over all cases; everyone else nothing. Private cases
     * count like any other: the figures never name a case or a person.
     *
     * @param departments whose cases the case measures count; {@code null}: all cases (also those not routed yet)
     * @param caseMeasures the standards, times, transfers, reopenings, survey and services' measures
     * @param contactCentreMeasures contacts, first-contact resolution, handle time, channel volume, share and cost
     */
    public record KpiReach(Set<String> departments, boolean caseMeasures, boolean contactCentreMeasures) {

        public boolean none() {
            return !caseMeasures && !contactCentreMeasures;
        }
    }

    public KpiReach kpis(StaffMember s) {
        if (isAdmin(s) || s.in(Roles.MANAGERS)) {
            return new KpiReach(null, true, true);
        }
        Set<String> supervised = supervisedBy(s);
        if (!supervised.isEmpty()) {
            return new KpiReach(supervised, true, isAgent(s));
        }
        return new KpiReach(null, false, isAgent(s));
    }

    /**
     * Which staff scorecards a user may open ({@code /scorecards}): the corporate one (every measure over every case and
     * the contact log) for managers, administrators and the councillors' offices; a department's (its case measures and
     * its overdue cases) for that department's supervisors and head, managers and administrators; the contact centre's
     * (the contact-centre measures) for agents, knowledge editors, managers and administrators.
     *
     * @param departments the departments whose scorecard the user may open
     */
    public record ScorecardReach(boolean corporate, Set<String> departments, boolean contactCentre) {

        public boolean none() {
            return !corporate && departments.isEmpty() && !contactCentre;
        }
    }

    public ScorecardReach scorecards(StaffMember s) {
        boolean all = isAdmin(s) || s.in(Roles.MANAGERS);
        Set<String> departmentsSeen = all
                ? departments.departments().stream().map(Departments.Department::id).collect(Collectors.toUnmodifiableSet())
                : supervisedBy(s);
        return new ScorecardReach(all || isCouncilOffice(s), departmentsSeen, all || isAgent(s));
    }

    /** The figures of the corporate scorecard: every measure over every case, or none for a user who may not open it. */
    public KpiReach corporateScorecard(StaffMember s) {
        return scorecards(s).corporate() ? new KpiReach(null, true, true) : new KpiReach(Set.of(), false, false);
    }

    /**
     * The figures of a department's scorecard: the case measures over that department's cases (the contact log is the
     * contact centre's), or none for a user who may not open it. Its list of overdue cases is filtered by {@link #reach}.
     */
    public KpiReach departmentScorecard(StaffMember s, String department) {
        return scorecards(s).departments().contains(department)
                ? new KpiReach(Set.of(department), true, false) : new KpiReach(Set.of(), false, false);
    }

    /** The figures of the contact centre's scorecard: the contact-centre measures, or none. */
    public KpiReach contactCentreScorecard(StaffMember s) {
        return scorecards(s).contactCentre() ? new KpiReach(null, false, true) : new KpiReach(Set.of(), false, false);
    }

    /**
     * What anyone, without a login, may see of the cases (the public dashboard, open data): in any breakdown (by
     * service, by ward) and in any record, the cases of public services only; private cases count in city-wide totals
     * only; and no breakdown shows a figure counted over fewer than {@code smallestCell} cases (nor one that could be
     * worked out from the figures shown beside it).
     */
    public record PublicFigures(int smallestCell) {

        /** Whether a case may be counted in a breakdown or listed in a public record. */
        public boolean mayShowCase(boolean privateCase) {
            return !privateCase;
        }

        /** Whether a breakdown's figure counted over this many cases may be shown. */
        public boolean mayShowCell(long cases) {
            return cases >= smallestCell;
        }
    }

    /** The rules of public figures: the same for everyone, staff or not (public output never depends on who asks). */
    public PublicFigures publicFigures() {
        return new PublicFigures(5);
    }

    private boolean holdsOrHeld(StaffMember s, CaseFacts c) {
        Set<String> mine = departmentsOf(s);
        if (mine.isEmpty()) {
            return false;
        }
        return (c.department() != null && mine.contains(c.department())) || c.heldBy().stream().anyMatch(mine::contains);
    }

    private static boolean openedBy(StaffMember s, CaseFacts c) {
        return s.in(Roles.COUNCIL_OFFICE) && c.createdBy() != null && c.createdBy().equals(s.userId());
    }
}
