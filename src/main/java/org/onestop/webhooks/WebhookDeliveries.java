package org.onestop.webhooks;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface WebhookDeliveries extends JpaRepository<WebhookDelivery, Long> {

    boolean existsBySubscriptionIdAndCaseEventId(Long subscriptionId, Long caseEventId);

    List<WebhookDelivery> findBySubscriptionIdOrderByIdDesc(Long subscriptionId, Pageable limit);

    @Query("select d.id from WebhookDelivery d where d.status in ('PENDING', 'RETRY') and d.nextAttemptAt <= :now order by d.id")
    List<Long> due(@Param("now") Instant now, Pageable limit);

    /** Takes a delivery for sending; only one sender (of any node) gets it. */
    @Modifying
    @Query("update WebhookDelivery d set d.status = 'SENDING', d.claimedBy = :node, d.claimedAt = :now "
            + "where d.id = :id and d.status in ('PENDING', 'RETRY')")
    int claim(@Param("id") Long id, @Param("node") String node, @Param("now") Instant now);

    /** Deliveries a sender took and never finished (it stopped mid-send): offered again after the lease. */
    @Modifying
    @Query("update WebhookDelivery d set d.status = 'RETRY', d.nextAttemptAt = :now where d.status = 'SENDING' and d.claimedAt < :staleBefore")
    int releaseStale(@Param("staleBefore") Instant staleBefore, @Param("now") Instant now);

    /** A deleted subscription's deliveries still waiting: they do not go. */
    @Modifying
    @Query("update WebhookDelivery d set d.status = 'CANCELLED' where d.subscriptionId = :subscription and d.status in ('PENDING', 'RETRY')")
    int cancelWaiting(@Param("subscription") Long subscriptionId);
}
