package org.onestop.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Another caller who reported the same problem, added to the open case instead of opening a duplicate. */
@Entity
@Table(name = "case_reporter")
public class CaseReporter {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    /** Empty for an anonymous caller. */
    @Column(name = "customer_id")
    private Long customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    @Column(name = "added_by", nullable = false)
    private String addedBy;

    protected CaseReporter() {
    }

    CaseReporter(Long caseId, Long customerId, Channel channel, Instant addedAt, String addedBy) {
        this.caseId = caseId;
        this.customerId = customerId;
        this.channel = channel;
        this.addedAt = addedAt;
        this.addedBy = addedBy;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getCustomerId() { return customerId; }
    public Channel getChannel() { return channel; }
    public Instant getAddedAt() { return addedAt; }
    public String getAddedBy() { return addedBy; }
}
