package org.onestop.selfservice;

import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.onestop.cases.AdditionalReporters;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NearbyCases;
import org.onestop.cases.ServiceRequest;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.onestop.customers.ContactPreference;
import org.onestop.customers.CustomerDetails;
import org.onestop.customers.CustomerService;
import org.onestop.web.PageTexts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Open reports near a resident's pin, before they send their own: only cases of public services (a pothole, not a
 * neighbour's noise), and of each only what the status page shows by reference alone (service, status, when it was
 * reported) and how far it is. Never who reported it, their words or their photos. "Add me to it" follows one of them
 * instead of opening a duplicate. Open311 asks the same two questions for apps ({@link #openNear}, {@link #follow(String,
 * CustomerDetails, Channel, String)}), so residents and apps see the same reports and join them the same way.
 */
@Service
public class NearbyReports {

    /** An open public report near the pin, as residents may see it. */
    record PublicNearby(String reference, String service, String status, long metres, String reportedOn, String statusPath) {
    }

    private final NearbyCases nearby;
    private final ServiceCatalogue catalogue;
    private final CaseService cases;
    private final CustomerService customers;
    private final AdditionalReporters reporters;
    private final ZoneId zone;

    private final PageTexts texts;

    NearbyReports(NearbyCases nearby, ServiceCatalogue catalogue, CaseService cases, CustomerService customers,
                  AdditionalReporters reporters, CityProperties city, PageTexts texts) {
        this.nearby = nearby;
        this.catalogue = catalogue;
        this.cases = cases;
        this.customers = customers;
        this.reporters = reporters;
        this.zone = city.timeZone();
        this.texts = texts;
    }

    long radiusMetres() {
        return Math.round(nearby.radiusMetres());
    }

    /** The open reports of the service near the point, nearest first; none at all for a service whose cases are private. */
    @Transactional(readOnly = true)
    List<PublicNearby> near(ServiceDefinition service, double latitude, double longitude) {
        String name = service.name();
        return openNear(service, latitude, longitude).stream()
                .map(n -> new PublicNearby(n.request().getReference(), name, StatusPages.statusLabel(n.request().getStatus(), texts),
                        n.roundedMetres(), PublicDates.day(n.request().getCreatedAt(), zone), "/status/" + n.request().getReference()))
                .toList();
    }

    /**
     * The open cases of the service within {@code onestop.duplicates.radius-metres} of the point, nearest first; none
     * at all for a staff-only service or one whose cases are private, so that no caller can learn of those.
     */
    @Transactional(readOnly = true)
    public List<NearbyCases.Nearby> openNear(ServiceDefinition service, double latitude, double longitude) {
        if (!service.publicService() || catalogue.isPrivate(service.code())
                || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
            return List.of();
        }
        return nearby.openNear(service.code(), latitude, longitude);
    }

    /** The open case of a public service a resident may follow, or nothing (unknown, private, staff-only or closed alike). */
    @Transactional(readOnly = true)
    Optional<ServiceRequest> followable(String reference) {
        return cases.find(reference)
                .filter(sr -> sr.getStatus().isOpen())
                .filter(sr -> !catalogue.isPrivate(sr.getServiceCode()))
                .filter(sr -> catalogue.find(sr.getServiceCode()).map(ServiceDefinition::publicService).orElse(false));
    }

    /**
     * Adds the resident to the open case, as a caller of the web channel who wants its notices by e-mail: they then hear
     * at once that we have their report (its reference and expected date) and every milestone after. The resident is the
     * customer with this e-mail address, or a new one; a known customer's details are not changed (what differs waits
     * for an agent, as with any report). Someone who already follows the case is left as they are, with no sign of it.
     *
     * @return false when the case can no longer be followed (closed meanwhile)
     */
    @Transactional
    boolean follow(String reference, String name, String email) {
        return follow(reference, new CustomerDetails(name, null, email, null, ContactPreference.EMAIL, texts.locale().getLanguage()),
                Channel.WEB, Reports.RESIDENT);
    }

    /**
     * Adds a reporter to the open case of a public service, by whatever channel they came: the customer with these
     * details (found by e-mail or phone, else new) hears at once that we have their report and every milestone after,
     * by their preferred channel; without details the report is counted as an anonymous caller's. Someone who already
     * follows the case is left as they are, with no sign of it.
     *
     * @return false when the case can no longer be followed (closed meanwhile, private, staff-only or unknown)
     */
    @Transactional
    public boolean follow(String reference, CustomerDetails person, Channel channel, String actor) {
        ServiceRequest sr = followable(reference).orElse(null);
        if (sr == null) {
            return false;
        }
        if (person == null) {
            reporters.add(sr.getReference(), null, channel, actor);
            return true;
        }
        CustomerService.Intake intake = customers.findOrCreate(person, channel.code());
        customers.cameWith(intake, sr.getReference());
        long customerId = intake.customer().getId();
        if (Long.valueOf(customerId).equals(sr.getCustomerId()) || reporters.customerIds(sr.getId()).contains(customerId)) {
            return true;
        }
        reporters.add(sr.getReference(), customerId, channel, actor);
        return true;
    }
}
