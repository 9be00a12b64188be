package org.onestop.notifications;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/** The token of one notice's opt-out link, as stored: only its SHA-256, and whose notices it stops. */
@Entity
@Table(name = "notice_token")
class NoticeToken implements Persistable<String> {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Always a new row when made here (the hash is random), so saving inserts without reading first. */
    @Transient
    private boolean fresh;

    protected NoticeToken() {
    }

    NoticeToken(String tokenHash, Long customerId, Instant now) {
        this.tokenHash = tokenHash;
        this.customerId = customerId;
        this.createdAt = now;
        this.fresh = true;
    }

    @Override
    public String getId() { return tokenHash; }

    @Override
    public boolean isNew() { return fresh; }

    Long getCustomerId() { return customerId; }
    Instant getCreatedAt() { return createdAt; }
}
