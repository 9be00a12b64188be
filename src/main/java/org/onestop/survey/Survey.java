package org.onestop.survey;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The follow-up survey of one resolution: a one-use link (only its token's hash is kept) and the resident's answer. */
@Entity
@Table(name = "survey")
class Survey {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "customer_id")
    private Long customerId;

    @Column(name = "service_code", nullable = false)
    private String serviceCode;

    private String department;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    private Integer rating;
    /** Ease of effort, 1 (very hard) to 5 (very easy); null when not answered. */
    private Integer effort;
    private Boolean fixed;
    private String comment;
    private Boolean reopened;

    protected Survey() {
    }

    Survey(Long caseId, Long customerId, String serviceCode, String department, String tokenHash, Instant now, Instant expiresAt) {
        this.caseId = caseId;
        this.customerId = customerId;
        this.serviceCode = serviceCode;
        this.department = department;
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    Long getCustomerId() { return customerId; }
    String getServiceCode() { return serviceCode; }
    String getDepartment() { return department; }
    Instant getCreatedAt() { return createdAt; }
    Instant getExpiresAt() { return expiresAt; }
    Instant getAnsweredAt() { return answeredAt; }
    Integer getRating() { return rating; }
    Integer getEffort() { return effort; }
    Boolean getFixed() { return fixed; }
    String getComment() { return comment; }
    Boolean getReopened() { return reopened; }
}
