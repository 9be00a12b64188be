package org.onestop.notifications;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification outbox: notices are written in the same transaction as the status change they announce, so a
 * notice exists exactly when its change committed. A sender delivers them and records each delivery.
 */
@Service
public class Outbox {

    private final Notifications notifications;
    private final Clock clock;

    Outbox(Notifications notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    /** Queues an e-mail for one milestone of a case; the same milestone is never queued twice for one recipient. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void email(Long caseId, Long caseEventId, String recipient, String subject, String body) {
        if (!notifications.existsByCaseEventIdAndRecipient(caseEventId, recipient)) {
            notifications.save(new Notification(caseId, caseEventId, "email", recipient, subject, body, clock.instant()));
        }
    }

    /**
     * Queues a notice on a channel ({@code email}, {@code sms}) for one milestone of a case. Nothing is queued if this
     * timeline entry already has a notice for the recipient, or if the milestone ({@code dedupeKey}, when given) has.
     *
     * @return whether a notice was queued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean queue(Long caseId, Long caseEventId, String channel, String recipient, String dedupeKey, String subject, String body) {
        if (has(caseId, caseEventId, recipient, dedupeKey)) {
            return false;
        }
        notifications.save(new Notification(caseId, caseEventId, channel, recipient, dedupeKey,
                subject.length() > 300 ? subject.substring(0, 299) + "…" : subject, body, clock.instant()));
        return true;
    }

    /** Whether {@link #queue} would find the notice queued already. */
    @Transactional(propagation = Propagation.MANDATORY)
    boolean has(Long caseId, Long caseEventId, String recipient, String dedupeKey) {
        return notifications.existsByCaseEventIdAndRecipient(caseEventId, recipient)
                || (dedupeKey != null && notifications.existsByCaseIdAndRecipientAndDedupeKey(caseId, recipient, dedupeKey));
    }

    @Transactional(readOnly = true)
    public List<Notification> forCase(Long caseId) {
        return notifications.findByCaseIdOrderByIdAsc(caseId);
    }
}
