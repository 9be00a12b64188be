package org.onestop.webhooks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One attempt at a delivery: the endpoint's HTTP status (null when it could not be reached) or the error. */
@Entity
@Table(name = "webhook_attempt")
class WebhookAttempt {

    static final int MAX_ERROR = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "delivery_id", nullable = false)
    private Long deliveryId;

    private int attempt;

    @Column(name = "attempted_at", nullable = false)
    private Instant attemptedAt;

    @Column(name = "status_code")
    private Integer statusCode;

    private String error;

    @Column(name = "duration_ms")
    private long durationMs;

    protected WebhookAttempt() {
    }

    WebhookAttempt(Long deliveryId, int attempt, Instant at, Integer statusCode, String error, long durationMs) {
        this.deliveryId = deliveryId;
        this.attempt = attempt;
        this.attemptedAt = at;
        this.statusCode = statusCode;
        this.error = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…";
        this.durationMs = durationMs;
    }

    Long getDeliveryId() { return deliveryId; }
    int getAttempt() { return attempt; }
    Instant getAttemptedAt() { return attemptedAt; }
    Integer getStatusCode() { return statusCode; }
    String getError() { return error; }
    long getDurationMs() { return durationMs; }
}
