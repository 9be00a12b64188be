package org.onestop.open311;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An app allowed to post service requests through Open311. Only the key's SHA-256 hash is kept. */
@Entity
@Table(name = "api_key")
public class ApiKey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "app_name", nullable = false)
    private String appName;

    @Column(nullable = false)
    private String contact;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    /** The first characters of the key, so that an administrator can tell keys apart. */
    @Column(name = "key_prefix", nullable = false)
    private String keyPrefix;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    protected ApiKey() {
    }

    ApiKey(String appName, String contact, String keyHash, String keyPrefix, String createdBy, Instant now) {
        this.appName = appName;
        this.contact = contact;
        this.keyHash = keyHash;
        this.keyPrefix = keyPrefix;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void revoke(String by, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedBy = by;
        }
    }

    void used(Instant now) {
        lastUsedAt = now;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Long getId() { return id; }
    public String getAppName() { return appName; }
    public String getContact() { return contact; }
    String getKeyHash() { return keyHash; }
    public String getKeyPrefix() { return keyPrefix; }
    public Instant getCreatedAt() { return createdAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevokedBy() { return revokedBy; }
    public Instant getLastUsedAt() { return lastUsedAt; }
}
