package org.onestop.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A back-office system's subscription: where to post which case events, and the secret that signs them. */
@Entity
@Table(name = "webhook_subscription")
class WebhookSubscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String secret;

    /** Comma-separated event names. */
    @Column(nullable = false)
    private String events;

    private String description;

    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "deleted_by")
    private String deletedBy;

    protected WebhookSubscription() {
    }

    WebhookSubscription(String url, String secret, List<String> events, String description, Instant now, String by) {
        this.url = url;
        this.secret = secret;
        this.events = String.join(",", events);
        this.description = description;
        this.active = true;
        this.createdAt = now;
        this.createdBy = by;
    }

    void delete(Instant now, String by) {
        active = false;
        deletedAt = now;
        deletedBy = by;
    }

    boolean wants(String event) {
        return active && events().contains(event);
    }

    Long getId() { return id; }
    String getUrl() { return url; }
    String getSecret() { return secret; }
    List<String> events() { return Arrays.asList(events.split(",")); }
    String getDescription() { return description; }
    boolean isActive() { return active; }
    Instant getCreatedAt() { return createdAt; }
    String getCreatedBy() { return createdBy; }
    Instant getDeletedAt() { return deletedAt; }
}
