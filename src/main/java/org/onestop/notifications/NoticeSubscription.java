package org.onestop.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Whether a customer opted out of notices (the links' tokens are in {@link NoticeToken}). */
@Entity
@Table(name = "notice_subscription")
class NoticeSubscription {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "opted_out", nullable = false)
    private boolean optedOut;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected NoticeSubscription() {
    }

    NoticeSubscription(Long customerId, Instant now) {
        this.customerId = customerId;
        this.createdAt = now;
        this.changedAt = now;
    }

    void optOut(boolean out, Instant now) {
        if (optedOut != out) {
            optedOut = out;
            changedAt = now;
        }
    }

    Long getCustomerId() { return customerId; }
    boolean isOptedOut() { return optedOut; }
    Instant getChangedAt() { return changedAt; }
}
