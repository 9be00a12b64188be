package org.onestop.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Subquery;
import org.onestop.access.CaseAccess;
import org.onestop.access.CaseAccessPolicy;
import org.onestop.access.CaseFacts;
import org.onestop.access.Reach;
import org.onestop.access.Roles;
import org.onestop.access.StaffMember;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.places.Wards;
import org.onestop.shared.NotFoundException;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cases as a staff member may reach them: every staff entry point (API, staff and console pages, photos, reports)
 * looks a case up here rather than in {@link CaseService}, so that the access policy is asked every time. A case out
 * of reach is "not found" (404), never "forbidden": nobody learns that it exists. A case that may be read but not
 * changed by this user is a 403 for the change.
 */
@Component
public class StaffCases {

    private final CaseService cases;
    private final CaseDepartments held;
    private final CaseAccessPolicy policy;
    private final ServiceCatalogue catalogue;
    private final Wards wards;

    StaffCases(CaseService cases, CaseDepartments held, CaseAccessPolicy policy, ServiceCatalogue catalogue, Wards wards) {
        this.cases = cases;
        this.held = held;
        this.policy = policy;
        this.catalogue = catalogue;
        this.wards = wards;
    }

    public CaseAccessPolicy policy() {
        return policy;
    }

    /** What the policy needs to know of the case, with every department that held it (one query). */
    @Transactional(readOnly = true)
    public CaseFacts facts(ServiceRequest sr) {
        Set<String> departments = held.findByCaseId(sr.getId()).stream().map(CaseDepartment::getDepartment)
                .collect(Collectors.toSet());
        return new CaseFacts(sr.getServiceCode(), sr.getDepartment(), departments, sr.getCreatedBy(), sr.getWard());
    }

    /**
     * The same without the departments that held the case before, from the row alone. Those only ever add rights, so a
     * "yes" on these facts needs no query; only a "no" is asked again with the whole history.
     */
    private static CaseFacts current(ServiceRequest sr) {
        return new CaseFacts(sr.getServiceCode(), sr.getDepartment(), Set.of(), sr.getCreatedBy(), sr.getWard());
    }

    /**
     * How much of the case the user may read. Those who read every case, and staff of the department holding it, need
     * no look at the case's history: a list of 200 cases costs no query per case for them.
     */
    @Transactional(readOnly = true)
    public CaseAccess access(ServiceRequest sr, StaffMember user) {
        Reach reach = policy.reach(user);
        if (reach.everything() || (sr.getDepartment() != null && reach.departments().contains(sr.getDepartment()))) {
            return CaseAccess.FULL;
        }
        return reach.nothing() ? CaseAccess.NONE : policy.read(user, facts(sr));
    }

    /** Whether the service's cases are private (their details never leave staff views). */
    public boolean isPrivate(ServiceRequest sr) {
        return isPrivate(sr.getServiceCode());
    }

    /** The case if the user may read it (at least its status); empty for an unknown reference and for one out of reach. */
    @Transactional(readOnly = true)
    public Optional<ServiceRequest> find(String reference, StaffMember user) {
        if (reference == null || reference.trim().length() > 24) {
            return Optional.empty();
        }
        return cases.find(reference).filter(sr -> access(sr, user).readable());
    }

    /** The case for reading; 404 when it does not exist or is out of the user's reach. */
    @Transactional(readOnly = true)
    public ServiceRequest read(String reference, StaffMember user) {
        return find(reference, user).orElseThrow(() -> notFound(reference));
    }

    /** The case for reading in full (details, answers, the whole timeline); 404 otherwise. */
    @Transactional(readOnly = true)
    public ServiceRequest readFully(String reference, StaffMember user) {
        return find(reference, user).filter(sr -> access(sr, user) == CaseAccess.FULL).orElseThrow(() -> notFound(reference));
    }

    /** The case for a note, a reopening, an added caller: 404 out of reach, 403 if the user may only read it. */
    @Transactional(readOnly = true)
    public ServiceRequest forAction(String reference, StaffMember user) {
        ServiceRequest sr = read(reference, user);
        if (!mayAct(sr, user)) {
            throw new AccessDeniedException("You may read " + sr.getReference() + " but not add to it or reopen it.");
        }
        return sr;
    }

    /** The case for cancelling, transferring or closing as a duplicate: its department's supervisors only. */
    @Transactional(readOnly = true)
    public ServiceRequest forAdministration(String reference, StaffMember user) {
        ServiceRequest sr = read(reference, user);
        if (!mayAdminister(sr, user)) {
            throw new AccessDeniedException("Only the supervisors of the department that holds " + sr.getReference()
                    + " may cancel it, send it to another department or close it as a duplicate.");
        }
        return sr;
    }

    /** The case for splitting into child cases: 404 out of reach, 403 unless the policy lets the user split it. */
    @Transactional(readOnly = true)
    public ServiceRequest forSplitting(String reference, StaffMember user) {
        ServiceRequest sr = read(reference, user);
        if (!maySplit(sr, user)) {
            throw new AccessDeniedException("Only the supervisors of the department that holds " + sr.getReference()
                    + " may split it into child cases.");
        }
        return sr;
    }

    /** Only the department that holds the case now counts here: no history needed. */
    public boolean maySplit(ServiceRequest sr, StaffMember user) {
        return policy.maySplit(user, current(sr));
    }

    public boolean mayAct(ServiceRequest sr, StaffMember user) {
        return policy.mayAct(user, current(sr)) || policy.mayAct(user, facts(sr));
    }

    /** Only the department that holds the case now counts here: no history needed. */
    public boolean mayAdminister(ServiceRequest sr, StaffMember user) {
        return policy.mayAdminister(user, current(sr));
    }

    public boolean maySeeContactDetails(ServiceRequest sr, StaffMember user) {
        return access(sr, user) == CaseAccess.FULL;
    }

    /** The user's reach as a query condition: lists, searches, counts and exports filter with it. */
    public Specification<ServiceRequest> reach(StaffMember user) {
        Reach reach = policy.reach(user);
        if (reach.everything()) {
            return (root, query, cb) -> cb.conjunction();
        }
        if (reach.nothing()) {
            return (root, query, cb) -> cb.disjunction();
        }
        List<String> wardNames = wards.names().stream()
                .filter(w -> reach.wardOfficeGroups().contains(Roles.wardOfficeGroup(w))).toList();
        return (root, query, cb) -> {
            List<Predicate> any = new ArrayList<>();
            if (!reach.departments().isEmpty()) {
                any.add(root.get("department").in(reach.departments()));
                Subquery<Long> wasHeld = query.subquery(Long.class);
                var d = wasHeld.from(CaseDepartment.class);
                wasHeld.select(d.get("caseId")).where(d.get("department").in(reach.departments()));
                any.add(root.get("id").in(wasHeld));
            }
            if (reach.openedBy() != null) {
                any.add(cb.equal(root.get("createdBy"), reach.openedBy()));
            }
            if (!wardNames.isEmpty()) {
                any.add(root.get("ward").in(wardNames));
            }
            return any.isEmpty() ? cb.disjunction() : cb.or(any.toArray(Predicate[]::new));
        };
    }

    private boolean isPrivate(String serviceCode) {
        return catalogue.isPrivate(serviceCode);
    }

    private static NotFoundException notFound(String reference) {
        String shown = reference == null ? "" : reference.length() > 24 ? reference.substring(0, 24) + "…" : reference;
        return new NotFoundException("no case with reference '" + shown + "'");
    }
}
