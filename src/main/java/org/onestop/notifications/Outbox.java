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

    @Transactional(readOnly = true)
    public List<Notification> forCase(Long caseId) {
        return notifications.findByCaseIdOrderByIdAsc(caseId);
    }
}
