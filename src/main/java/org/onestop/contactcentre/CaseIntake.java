package org.onestop.contactcentre;

import java.time.Instant;

import org.onestop.cases.AdditionalReporters;
import org.onestop.cases.CaseService;
import org.onestop.cases.Channel;
import org.onestop.cases.NewCase;
import org.onestop.cases.ServiceRequest;
import org.onestop.customers.ContactLog;
import org.onestop.customers.ContactOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the console does with a caller's request, each in one transaction with its entry in the contact log: open a new
 * case, or add the caller to the open case that already has the problem.
 */
@Service
class CaseIntake {

    private final CaseService cases;
    private final AdditionalReporters reporters;
    private final ContactLog contacts;

    CaseIntake(CaseService cases, AdditionalReporters reporters, ContactLog contacts) {
        this.cases = cases;
        this.reporters = reporters;
        this.contacts = contacts;
    }

    /** Opens the case and logs the contact (CASE_OPENED, topic = the service's name). */
    @Transactional
    ServiceRequest open(NewCase request, String serviceName, Instant started, String agent) {
        ServiceRequest sr = cases.open(request, agent);
        contacts.record(new ContactLog.NewContact(request.customerId(), request.channel().code(), serviceName, sr.getServiceCode(),
                ContactOutcome.CASE_OPENED, null, sr.getReference(), agent, started, null));
        return sr;
    }

    /** Adds the caller to an open case and logs the contact (ADDED_TO_CASE). */
    @Transactional
    ServiceRequest addCaller(String reference, Long customerId, Channel channel, String serviceName, Instant started, String agent) {
        ServiceRequest sr = reporters.add(reference, customerId, channel, agent);
        contacts.record(new ContactLog.NewContact(customerId, channel.code(), serviceName, sr.getServiceCode(),
                ContactOutcome.ADDED_TO_CASE, null, sr.getReference(), agent, started, null));
        return sr;
    }
}
