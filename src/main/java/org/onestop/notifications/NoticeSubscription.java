package org.onestop.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's notices: the token of their opt-out link, and whether they opted out. */
@Entity
@Table(name = "notice_subscription")
class NoticeSubscription {

    @Id
    @Column(name = "customer_id")
    private Long customerId;

    @Column(nullable = false)
    private String token;

    @Column(name = "opted_out", nullable = false)
    private boolean optedOut;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected NoticeSubscription() {
    }

    NoticeSubscription(Long customerId, String token, Instant now) {
        this.customerId = customerId;
        this.token = token;
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
    String getToken() { return token; }
    boolean isOptedOut() { return optedOut; }
    Instant getChangedAt() { return changedAt; }
}
