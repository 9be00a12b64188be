package org.onestop.cases;

import org.onestop.departments.Departments;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.customers.Customer;
import org.onestop.customers.CustomerService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Builds {@link CaseView}s: a case with its service's name, its customer and (for one case) its timeline. */
@Component
public class CaseViews {

    private final CaseService cases;
    private final ServiceCatalogue catalogue;
    private final CustomerService customers;
    private final Departments departments;
    private final Clock clock;
    private final ServiceRequests requests;

    CaseViews(ServiceRequests requests, CaseService cases, ServiceCatalogue catalogue, CustomerService customers, Departments departments, Clock clock) {
        this.requests = requests;
        this.cases = cases;
        this.catalogue = catalogue;
        this.customers = customers;
        this.departments = departments;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CaseView withTimeline(ServiceRequest sr) {
        return view(sr, cases.timeline(sr).stream().map(CaseView.TimelineEntry::of).toList(), true);
    }

    /** Cases for a list: the catalogue is read once for the whole page, not once per case. */
    @Transactional(readOnly = true)
    public List<CaseView> summaries(List<ServiceRequest> page) {
        Map<String, String> names = catalogue.services().stream()
                .collect(Collectors.toMap(ServiceDefinition::code, ServiceDefinition::name, (a, b) -> a));
        return page.stream().map(sr -> view(sr, null, false, names.getOrDefault(sr.getServiceCode(), sr.getServiceCode()))).toList();
    }

    private CaseView view(ServiceRequest sr, List<CaseView.TimelineEntry> timeline, boolean withCustomer) {
        return view(sr, timeline, withCustomer,
                catalogue.find(sr.getServiceCode()).map(ServiceDefinition::name).orElse(sr.getServiceCode()));
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
                timeline);
    }
}
