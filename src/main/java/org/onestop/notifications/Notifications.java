package org.onestop.notifications;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface Notifications extends JpaRepository<Notification, Long> {

    List<Notification> findByCaseIdOrderByIdAsc(Long caseId);

    boolean existsByCaseEventIdAndRecipient(Long caseEventId, String recipient);

    boolean existsByCaseIdAndRecipientAndDedupeKey(Long caseId, String recipient, String dedupeKey);

    @Query("select n.id from Notification n where n.status in ('PENDING', 'RETRY') and n.nextAttemptAt <= :now order by n.id")
    List<Long> due(@Param("now") Instant now, Pageable limit);

    /**
     * Per channel and status, the notices not delivered (waiting, being sent, to retry, given up) and the oldest one's
     * creation: {channel, status, count, oldest createdAt}. Sent notices are not read.
     */
    @Query("select n.channel, n.status, count(n), min(n.createdAt) from Notification n "
            + "where n.status in ('PENDING', 'SENDING', 'RETRY', 'FAILED') group by n.channel, n.status")
    List<Object[]> undelivered();

    /** Takes a notice for sending; only one sender (of any node) gets it. */
    @Modifying
    @Query("update Notification n set n.status = 'SENDING', n.claimedBy = :node, n.claimedAt = :now "
            + "where n.id = :id and n.status in ('PENDING', 'RETRY')")
    int claim(@Param("id") Long id, @Param("node") String node, @Param("now") Instant now);

    /** Notices a sender took and never finished (it stopped mid-send): offered again after the lease. */
    @Modifying
    @Query("update Notification n set n.status = 'RETRY', n.nextAttemptAt = :now where n.status = 'SENDING' and n.claimedAt < :staleBefore")
    int releaseStale(@Param("staleBefore") Instant staleBefore, @Param("now") Instant now);
}
