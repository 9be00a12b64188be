package org.onestop.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

    /**
     * A channel's notices not delivered: {@code pending} still to be sent (new, being sent or to be retried),
     * {@code failed} given up after the last attempt, and the creation of the oldest pending one (null: none).
     */
    public record Backlog(String channel, long pending, long failed, Instant oldestPendingSince) {

        Backlog plusPending(long count, Instant since) {
            return new Backlog(channel, pending + count, failed,
                    oldestPendingSince == null || since.isBefore(oldestPendingSince) ? since : oldestPendingSince);
        }

        Backlog plusFailed(long count) {
            return new Backlog(channel, pending, failed + count, oldestPendingSince);
        }
    }

    /** Every channel's backlog now (one grouped query); a channel with no undelivered notice is not listed. */
    @Transactional(readOnly = true)
    public List<Backlog> backlog() {
        Map<String, Backlog> byChannel = new TreeMap<>();
        for (Object[] row : notifications.undelivered()) {
            String channel = (String) row[0];
            long count = ((Number) row[2]).longValue();
            Backlog was = byChannel.getOrDefault(channel, new Backlog(channel, 0, 0, null));
            byChannel.put(channel, Notification.Status.FAILED.name().equals(row[1]) ? was.plusFailed(count)
                    : was.plusPending(count, (Instant) row[3]));
        }
        return List.copyOf(byChannel.values());
    }

    @Transactional(readOnly = true)
    public List<Notification> forCase(Long caseId) {
        return notifications.findByCaseIdOrderByIdAsc(caseId);
    }
}
