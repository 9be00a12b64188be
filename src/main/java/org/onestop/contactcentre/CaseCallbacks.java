package org.onestop.contactcentre;

import java.time.Instant;
import java.time.ZoneId;

import org.onestop.cases.CaseService;
import org.onestop.cases.CaseTimes;
import org.onestop.cases.Channel;
import org.onestop.cases.ServiceRequest;
import org.onestop.cases.Visibility;
import org.onestop.city.CityProperties;
import org.onestop.customers.ContactLog;
import org.onestop.customers.ContactOutcome;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A resident calls back about a case: each action goes on the case's timeline and in the contact log, together. */
@Service
class CaseCallbacks {

    /** Who called and how, and when the contact began. */
    record Call(Long customerId, Channel channel, Instant started, String agent) {
    }

    private final CaseService cases;
    private final ContactLog contacts;
    private final ZoneId zone;

    CaseCallbacks(CaseService cases, ContactLog contacts, CityProperties city) {
        this.cases = cases;
        this.contacts = contacts;
        this.zone = city.timeZone();
    }

    /** The resident added information (a public note) or the agent noted something for staff (internal). */
    @Transactional
    void addNote(String reference, String text, Visibility visibility, Call call, String topic) {
        ServiceRequest sr = cases.get(reference);
        cases.addNote(sr.getReference(), text, visibility, call.agent());
        log(sr, call, ContactOutcome.CASE_UPDATED, topic, null);
    }

    /** The resident asked how the case stands and was told. */
    @Transactional
    void statusGiven(String reference, Call call, String topic) {
        ServiceRequest sr = cases.get(reference);
        String told = "The resident called for an update and was told: " + sr.getStatus().code().replace('_', ' ')
                + (sr.getStatus().isOpen() && sr.getResolveBy() != null ? ", expected by " + CaseTimes.format(sr.getResolveBy(), zone) : "");
        cases.addNote(sr.getReference(), told, Visibility.INTERNAL, call.agent());
        log(sr, call, ContactOutcome.STATUS_GIVEN, topic, null);
    }

    /** "It is not fixed": the resolved or closed case goes back to the department. */
    @Transactional
    void reopen(String reference, String reason, Call call, String topic) {
        ServiceRequest sr = cases.reopen(reference, reason, call.agent());
        log(sr, call, ContactOutcome.CASE_REOPENED, topic, reason);
    }

    private void log(ServiceRequest sr, Call call, ContactOutcome outcome, String topic, String notes) {
        Long customer = call.customerId() != null ? call.customerId() : sr.getCustomerId();
        contacts.record(new ContactLog.NewContact(customer, call.channel().code(), topic, sr.getServiceCode(), outcome, null,
                sr.getReference(), call.agent(), call.started(), notes));
    }
}
