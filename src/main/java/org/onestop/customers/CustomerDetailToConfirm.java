package org.onestop.customers;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A detail given at intake that differs from the customer's recorded one, waiting for an agent to choose. */
@Entity
@Table(name = "customer_detail_to_confirm")
class CustomerDetailToConfirm {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id", nullable = false)
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DetailKind kind;

    @Column(name = "detail_value", nullable = false)
    private String value;

    private String channel;

    @Column(name = "case_reference")
    private String caseReference;

    @Column(name = "given_at", nullable = false)
    private Instant givenAt;

    protected CustomerDetailToConfirm() {
    }

    CustomerDetailToConfirm(Long customerId, DetailKind kind, String value, String channel, Instant givenAt) {
        this.customerId = customerId;
        this.kind = kind;
        this.value = value;
        this.channel = channel;
        this.givenAt = givenAt;
    }

    void cameWith(String caseReference) {
        this.caseReference = caseReference;
    }

    Long getId() { return id; }
    Long getCustomerId() { return customerId; }
    DetailKind getKind() { return kind; }
    String getValue() { return value; }
    String getChannel() { return channel; }
    String getCaseReference() { return caseReference; }
    Instant getGivenAt() { return givenAt; }
}
