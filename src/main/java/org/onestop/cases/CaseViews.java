package org.onestop.cases;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onestop.access.CaseAccess;
import org.onestop.access.StaffMember;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.onestop.departments.Departments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds {@link CaseView}s for a staff member, as much as the access policy lets them read: the whole case with its
 * customer and timeline, or (a councillor's office for a case in its ward) only the service, status, expected date and
 * public timeline — and for a private case not even that timeline.
 */
@Component
public class CaseViews {

    private final CaseService cases;
    private final StaffCases staffCases;
    private final ServiceCatalogue catalogue;
    private final CustomerService customers;
    private final Departments departments;
    private final Clock clock;
    private final ServiceRequests requests;
    private final CaseTimeline timeline;

    CaseViews(ServiceRequests requests, CaseService cases, CaseTimeline timeline, StaffCases staffCases, ServiceCatalogue catalogue,
              CustomerService customers, Departments departments, Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.timeline = timeline;
        this.staffCases = staffCases;
        this.catalogue = catalogue;
        this.customers = customers;
        this.departments = departments;
        this.clock = clock;
    }

    /** One case with its timeline, as far as the user may read it (the caller has checked that they may). */
    @Transactional(readOnly = true)
    public CaseView withTimeline(ServiceRequest sr, StaffMember user) {
        CaseAccess access = staffCases.access(sr, user);
        String name = serviceName(sr.getServiceCode());
        if (access == CaseAccess.FULL) {
            return withFamily(view(sr, cases.timeline(sr).stream().map(CaseView.TimelineEntry::of).toList(), true, name), sr, user);
        }
        boolean privateCase = staffCases.isPrivate(sr);
        List<CaseView.TimelineEntry> shown = privateCase ? List.of() : cases.timeline(sr).stream()
                .filter(e -> e.getVisibility() == Visibility.PUBLIC).map(CaseView.TimelineEntry::of)
                .map(CaseViews::withoutActor).toList();
        return statusOnly(sr, name, shown);
    }

    /** A case read in full with its parent's reference and the children the user may read (a case out of reach is not listed). */
    private CaseView withFamily(CaseView v, ServiceRequest sr, StaffMember user) {
        String parent = sr.getParentId() == null ? null : requests.findById(sr.getParentId()).map(ServiceRequest::getReference).orElse(null);
        List<CaseView.ChildCase> children = cases.children(sr).stream().filter(c -> staffCases.access(c, user).readable())
                .map(c -> new CaseView.ChildCase(c.getReference(), c.getServiceCode(), serviceName(c.getServiceCode()),
                        c.getStatus().code(), c.getDepartment(), c.getDepartment() == null ? null : departments.nameOf(c.getDepartment())))
                .toList();
        return new CaseView(v.reference(), v.serviceCode(), v.serviceName(), v.channel(), v.status(), v.open311Status(), v.priority(),
                v.department(), v.departmentName(), v.ward(), v.address(), v.latitude(), v.longitude(), v.description(), v.answers(),
                v.customer(), v.acknowledgeBy(), v.resolveBy(), v.overdue(), v.escalated(), v.resolution(), v.createdAt(),
                v.acknowledgedAt(), v.resolvedAt(), v.closedAt(), v.createdBy(), v.transfers(), v.duplicateOf(), v.timeline(), v.full(),
                parent, children);
    }

    /**
     * Opens a case and answers whoever opened it, in the intake's one transaction: all they recorded and the routing,
     * even when the case went to a department that is not theirs (a roads crew member reporting graffiti) — but its
     * customer's stored contact details only if the policy lets them see those, and no way to read the case later
     * unless it does. The answer shows what the intake just wrote without reading it back (the timeline it wrote, the
     * customer from the persistence context).
     */
    @Transactional
    public CaseView open(NewCase request, StaffMember user) {
        ServiceRequest sr = cases.open(request, user.userId());
        boolean contact = staffCases.maySeeContactDetails(sr, user);
        return view(sr, timeline.ofCaseOpenedNow(sr).stream().map(CaseView.TimelineEntry::of).toList(), contact,
                serviceName(sr.getServiceCode()));
    }

    /** Cases for a list (the catalogue is read once for the whole page); entries the user may only follow are cut down. */
    @Transactional(readOnly = true)
    public List<CaseView> summaries(List<ServiceRequest> page, StaffMember user) {
        Map<String, String> names = catalogue.services().stream()
                .collect(Collectors.toMap(ServiceDefinition::code, ServiceDefinition::name, (a, b) -> a));
        return page.stream().map(sr -> {
            String name = names.getOrDefault(sr.getServiceCode(), sr.getServiceCode());
            return staffCases.access(sr, user) == CaseAccess.FULL ? view(sr, null, false, name) : statusOnly(sr, name, null);
        }).toList();
    }

    private String serviceName(String code) {
        return catalogue.find(code).map(ServiceDefinition::name).orElse(code);
    }

    private CaseView view(ServiceRequest sr, List<CaseView.TimelineEntry> timeline, boolean withCustomer, String serviceName) {
        CaseView.CustomerView customer = null;
        if (withCustomer && sr.getCustomerId() != null) {
            Customer c = customers.find(sr.getCustomerId()).orElse(null);
            if (c != null) {
                customer = new CaseView.CustomerView(c.getId(), c.getName(), c.getPhone(), c.getEmail(), c.getPreferredChannel().code());
            }
        }
        return new CaseView(sr.getReference(), sr.getServiceCode(), serviceName, sr.getChannel().code(),
                sr.getStatus().code(), sr.getStatus().open311(), sr.getPriority(), sr.getDepartment(),
                sr.getDepartment() == null ? null : departments.nameOf(sr.getDepartment()), sr.getWard(), sr.getAddress(),
                sr.getLatitude(), sr.getLongitude(), sr.getDescription(), cases.answers(sr), customer,
                sr.getAcknowledgeBy(), sr.getResolveBy(), sr.isOverdue(clock.instant()), sr.isEscalated(), sr.getResolution(),
                sr.getCreatedAt(), sr.getAcknowledgedAt(), sr.getResolvedAt(), sr.getClosedAt(), sr.getCreatedBy(),
                sr.getTransfers(), sr.getDuplicateOf() == null ? null : requests.findById(sr.getDuplicateOf()).map(ServiceRequest::getReference).orElse(null),
                timeline, true, null, null);
    }

    /** The service, status, ward and expected date; no customer, description, place, answers or staff names. */
    private CaseView statusOnly(ServiceRequest sr, String serviceName, List<CaseView.TimelineEntry> timeline) {
        return new CaseView(sr.getReference(), sr.getServiceCode(), serviceName, null, sr.getStatus().code(),
                sr.getStatus().open311(), null, null, null, sr.getWard(), null, null, null, null, Map.of(), null,
                null, sr.getStatus().isOpen() ? sr.getResolveBy() : null, false, false, null, sr.getCreatedAt(), null,
                sr.getResolvedAt(), sr.getClosedAt(), null, 0, null, timeline, false, null, null);
    }

    private static CaseView.TimelineEntry withoutActor(CaseView.TimelineEntry e) {
        return new CaseView.TimelineEntry(e.at(), e.type(), e.visibility(), null, e.status(), e.message());
    }
}
