package org.onestop.notifications;

import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;

import org.onestop.cases.CaseEventRecorded;
import org.onestop.cases.CaseEventType;
import org.onestop.cases.CaseTimes;
import org.onestop.cases.Visibility;
import org.onestop.catalogue.ServiceCatalogue;
import org.onestop.catalogue.ServiceDefinition;
import org.onestop.city.CityProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Copies the ward's councillor on every milestone of a case whose service asks for it (councillor inquiries):
 * written to the outbox in the same transaction as the milestone.
 */
@Component
class CouncillorNotices {

    /** Milestones a councillor hears about: received and routed, then every change of status. */
    static final Set<CaseEventType> MILESTONES = EnumSet.of(CaseEventType.ROUTED, CaseEventType.ACKNOWLEDGED,
            CaseEventType.STATUS_CHANGED, CaseEventType.RESOLVED, CaseEventType.CLOSED, CaseEventType.REFERRED,
            CaseEventType.CANCELLED, CaseEventType.DUPLICATE, CaseEventType.TRANSFERRED);

    private final ServiceCatalogue catalogue;
    private final WardCouncillors councillors;
    private final Outbox outbox;
    private final ZoneId zone;
    private final String city;

    CouncillorNotices(ServiceCatalogue catalogue, WardCouncillors councillors, Outbox outbox,
                      CityProperties city) {
        this.catalogue = catalogue;
        this.councillors = councillors;
        this.outbox = outbox;
        this.zone = city.timeZone();
        this.city = city.name();
    }

    @EventListener
    void on(CaseEventRecorded event) {
        if (event.visibility() != Visibility.PUBLIC || !MILESTONES.contains(event.type())) {
            return;
        }
        ServiceDefinition service = catalogue.find(event.serviceCode()).orElse(null);
        if (service == null || !service.copyWardCouncillor()) {
            return;
        }
        councillors.forWard(event.ward()).ifPresent(councillor -> outbox.email(event.caseId(), event.caseEventId(), councillor.email(),
                event.reference() + " · " + service.name() + ": " + event.status().code().replace('_', ' '),
                "Dear " + councillor.name() + ",\n\n"
                        + "an update on " + service.name().toLowerCase() + " " + event.reference() + " (" + event.ward() + "):\n\n"
                        + event.message() + "\n\n"
                        + "Status: " + event.status().code().replace('_', ' ')
                        + (event.resolveBy() == null ? "" : "\nExpected by: " + CaseTimes.format(event.resolveBy(), zone))
                        + "\n\n" + city + " · OneStop\n"));
    }
}
