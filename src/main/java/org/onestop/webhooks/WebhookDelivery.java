package org.onestop.webhooks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One case event for one subscription, in the outbox until delivered or given up. */
@Entity
@Table(name = "webhook_delivery")
class WebhookDelivery {

    /**
     * PENDING: not tried yet; SENDING: a sender holds it; RETRY: failed, tried again later; DELIVERED: a 2xx answer;
     * FAILED: given up after the last attempt; CANCELLED: its subscription was deleted before it went.
     */
    enum Status { PENDING, SENDING, RETRY, DELIVERED, FAILED, CANCELLED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "subscription_id", nullable = false)
    private Long subscriptionId;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "case_event_id", nullable = false)
    private Long caseEventId;

    @Column(nullable = false)
    private String event;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String status;

    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(Long subscriptionId, Long caseId, Long caseEventId, String event, String body, Instant now) {
        this.subscriptionId = subscriptionId;
        this.caseId = caseId;
        this.caseEventId = caseEventId;
        this.event = event;
        this.body = body;
        this.status = Status.PENDING.name();
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void delivered(Instant now) {
        attempts++;
        status = Status.DELIVERED.name();
        deliveredAt = now;
        claimedBy = null;
    }

    void failed(Instant nextAttempt, boolean giveUp) {
        attempts++;
        status = (giveUp ? Status.FAILED : Status.RETRY).name();
        nextAttemptAt = nextAttempt;
        claimedBy = null;
    }

    void cancelled() {
        status = Status.CANCELLED.name();
        claimedBy = null;
    }

    Long getId() { return id; }
    Long getSubscriptionId() { return subscriptionId; }
    Long getCaseId() { return caseId; }
    String getEvent() { return event; }
    String getBody() { return body; }
    String getStatus() { return status; }
    int getAttempts() { return attempts; }
    Instant getNextAttemptAt() { return nextAttemptAt; }
    Instant getCreatedAt() { return createdAt; }
    Instant getDeliveredAt() { return deliveredAt; }
}
