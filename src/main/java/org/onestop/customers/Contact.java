package org.onestop.customers;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One interaction the contact centre handled: who, by which door, about what, how it ended and how long it took. */
@Entity
@Table(name = "contact")
public class Contact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "customer_id")
    private Long customerId;

    /** The channel's code, as {@code org.onestop.cases.Channel} spells it (phone, walk-in, email, …). */
    @Column(nullable = false)
    private String channel;

    @Column(nullable = false)
    private String topic;

    @Column(name = "service_code")
    private String serviceCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContactOutcome outcome;

    @Column(name = "first_contact_resolution", nullable = false)
    private boolean firstContactResolution;

    @Column(name = "article_id")
    private Long articleId;

    @Column(name = "case_reference")
    private String caseReference;

    @Column(nullable = false)
    private String agent;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "ended_at", nullable = false)
    private Instant endedAt;

    @Column(name = "handle_seconds", nullable = false)
    private int handleSeconds;

    private String notes;

    protected Contact() {
    }

    Contact(ContactLog.NewContact c, Instant endedAt) {
        this.customerId = c.customerId();
        this.channel = c.channel();
        this.topic = c.topic();
        this.serviceCode = c.serviceCode();
        this.outcome = c.outcome();
        this.firstContactResolution = c.outcome().resolvedOnFirstContact();
        this.articleId = c.articleId();
        this.caseReference = c.caseReference();
        this.agent = c.agent();
        this.startedAt = c.startedAt() == null || c.startedAt().isAfter(endedAt) ? endedAt : c.startedAt();
        this.endedAt = endedAt;
        this.handleSeconds = (int) Math.min(Integer.MAX_VALUE, Duration.between(startedAt, endedAt).toSeconds());
        this.notes = c.notes();
    }

    public Long getId() { return id; }
    public Long getCustomerId() { return customerId; }
    public String getChannel() { return channel; }
    public String getTopic() { return topic; }
    public String getServiceCode() { return serviceCode; }
    public ContactOutcome getOutcome() { return outcome; }
    public boolean isFirstContactResolution() { return firstContactResolution; }
    public Long getArticleId() { return articleId; }
    public String getCaseReference() { return caseReference; }
    public String getAgent() { return agent; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getEndedAt() { return endedAt; }
    public int getHandleSeconds() { return handleSeconds; }
    public String getNotes() { return notes; }
}
