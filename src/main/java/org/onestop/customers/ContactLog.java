package org.onestop.customers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The record of every contact the contact centre handles; the source of the first-contact-resolution KPI. */
@Service
public class ContactLog {

    /** Longest handle time recorded; a contact "started" longer ago than this was left open, not handled. */
    static final int MAX_HANDLE_SECONDS = 4 * 60 * 60;

    /**
     * A contact as the agent closes it.
     *
     * @param customerId the caller, if known (anonymous callers are logged too)
     * @param channel the channel's code (phone, walk-in, email, web, app, council)
     * @param startedAt when the agent took the contact; the handle time runs from here to now
     * @param articleId the knowledge-base article the answer came from, if any
     * @param caseReference the case opened, updated or asked about, if any
     */
    public record NewContact(Long customerId, String channel, String topic, String serviceCode, ContactOutcome outcome,
                             Long articleId, String caseReference, String agent, Instant startedAt, String notes) {
    }

    private final Contacts contacts;
    private final Clock clock;

    ContactLog(Contacts contacts, Clock clock) {
        this.contacts = contacts;
        this.clock = clock;
    }

    @Transactional
    public Contact record(NewContact contact) {
        Instant now = clock.instant();
        Instant started = contact.startedAt();
        if (started != null && started.isBefore(now.minusSeconds(MAX_HANDLE_SECONDS))) {
            started = now.minusSeconds(MAX_HANDLE_SECONDS);
        }
        return contacts.save(new Contact(new NewContact(contact.customerId(), contact.channel(), truncate(contact.topic(), 200),
                contact.serviceCode(), contact.outcome(), contact.articleId(), contact.caseReference(), contact.agent(),
                started, contact.notes()), now));
    }

    @Transactional(readOnly = true)
    public java.util.Optional<Contact> find(long id) {
        return contacts.findById(id);
    }

    /** The customer's contacts, newest first. */
    @Transactional(readOnly = true)
    public List<Contact> history(long customerId, int limit) {
        return contacts.findByCustomerIdOrderByStartedAtDescIdDesc(customerId, PageRequest.of(0, limit));
    }

    private static String truncate(String s, int max) {
        String topic = s == null || s.isBlank() ? "(no topic)" : s.trim();
        return topic.length() > max ? topic.substring(0, max) : topic;
    }
}
