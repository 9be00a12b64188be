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
import jakarta.persistence.Version;

/**
 * A case: one service request from a resident, from intake to closure.
 * The engine knows it by {@link #getId()} and {@link #getReference()} (the business key) only.
 */
@Entity
@Table(name = "service_request")
public class ServiceRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String reference;

    @Column(name = "service_code", nullable = false)
    private String serviceCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(name = "customer_id")
    private Long customerId;

    private String description;
    private String address;
    private Double latitude;
    private Double longitude;
    private String ward;

    /** The answers to the service's questions, as a JSON object. */
    private String answers;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseStatus status;

    private String priority;
    private String department;

    @Column(name = "escalation_group")
    private String escalationGroup;

    private boolean escalated;

    @Column(name = "acknowledge_by")
    private Instant acknowledgeBy;

    @Column(name = "resolve_by")
    private Instant resolveBy;

    private String resolution;

    @Column(name = "standard_clock")
    private String standardClock;

    @Column(name = "paused_at")
    private Instant pausedAt;

    private int transfers;

    @Column(name = "duplicate_of")
    private Long duplicateOf;

    /** The case this one was split from (a child case), or null. */
    @Column(name = "parent_id")
    private Long parentId;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "resolved_at")
    private Instant resolvedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** Received → resolved in office time (seconds), set when the case is resolved; null while it is not. */
    @Column(name = "resolve_business_seconds")
    private Long resolveBusinessSeconds;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ServiceRequest() {
    }

    ServiceRequest(String serviceCode, Channel channel, Long customerId, String description, String address,
                   Double latitude, Double longitude, String ward, String answers, String createdBy, Instant now) {
        this.serviceCode = serviceCode;
        this.channel = channel;
        this.customerId = customerId;
        this.description = description;
        this.address = address;
        this.latitude = latitude;
        this.longitude = longitude;
        this.ward = ward;
        this.answers = answers;
        this.createdBy = createdBy;
        this.status = CaseStatus.SUBMITTED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void assignReference(String reference) { this.reference = reference; }

    void route(String department, String priority, String escalationGroup, Instant acknowledgeBy, Instant resolveBy,
               String standardClock, Instant now) {
        this.standardClock = standardClock;
        this.department = department;
        this.priority = priority;
        this.escalationGroup = escalationGroup;
        this.acknowledgeBy = acknowledgeBy;
        this.resolveBy = resolveBy;
        this.updatedAt = now;
    }

    void changeStatus(CaseStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
        switch (status) {
            case ACKNOWLEDGED -> acknowledgedAt = acknowledgedAt == null ? now : acknowledgedAt;
            case RESOLVED -> resolvedAt = now;
            case CLOSED, CANCELLED, DUPLICATE, REFERRED -> {
                closedAt = now;
                if (resolvedAt == null && status != CaseStatus.CANCELLED) {
                    resolvedAt = now;
                }
            }
            default -> { }
        }
    }

    /** Back to the start after "not fixed": the resolution stands in the timeline, the case is open again. */
    void reopen(Instant now) {
        this.status = CaseStatus.SUBMITTED;
        this.resolution = null;
        this.resolvedAt = null;
        this.resolveBusinessSeconds = null;
        this.closedAt = null;
        this.acknowledgedAt = null;
        this.pausedAt = null;
        this.escalated = false;
        this.updatedAt = now;
    }

    /** Whether the case is resolved and its time to resolve in business time is still to be measured. */
    boolean resolvedUnmeasured() {
        return resolvedAt != null && resolveBusinessSeconds == null;
    }

    void measuredInBusinessTime(java.time.Duration timeToResolve) {
        this.resolveBusinessSeconds = timeToResolve.toSeconds();
    }

    void markAcknowledged(Instant now) {
        if (acknowledgedAt == null) {
            acknowledgedAt = now;
        }
    }

    void pause(Instant now) {
        this.pausedAt = now;
    }

    /** Ends a pause; the due dates move as the caller computed. */
    void resume(Instant acknowledgeBy, Instant resolveBy) {
        this.pausedAt = null;
        this.acknowledgeBy = acknowledgeBy;
        this.resolveBy = resolveBy;
    }

    void transfer(String department, String escalationGroup, Instant acknowledgeBy, Instant resolveBy, Instant now) {
        this.department = department;
        this.escalationGroup = escalationGroup;
        this.acknowledgeBy = acknowledgeBy;
        this.resolveBy = resolveBy;
        this.transfers++;
        this.updatedAt = now;
    }

    void reschedule(Instant resolveBy, Instant now) {
        this.resolveBy = resolveBy;
        this.updatedAt = now;
    }

    void markDuplicateOf(Long originalId) {
        this.duplicateOf = originalId;
    }

    void splitFrom(Long parentId) {
        this.parentId = parentId;
    }

    void markEscalated(Instant now) {
        this.escalated = true;
        this.updatedAt = now;
    }

    void recordResolution(String resolution) { this.resolution = resolution; }

    void attachProcess(String processInstanceId) { this.processInstanceId = processInstanceId; }

    void touch(Instant now) { this.updatedAt = now; }

    /** Past its resolve-by date and still open. */
    public boolean isOverdue(Instant now) {
        return status.isOpen() && resolveBy != null && resolveBy.isBefore(now);
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public String getServiceCode() { return serviceCode; }
    public Channel getChannel() { return channel; }
    public Long getCustomerId() { return customerId; }
    public String getDescription() { return description; }
    public String getAddress() { return address; }
    public Double getLatitude() { return latitude; }
    public Double getLongitude() { return longitude; }
    public String getWard() { return ward; }
    public String getAnswers() { return answers; }
    public CaseStatus getStatus() { return status; }
    public String getPriority() { return priority; }
    public String getDepartment() { return department; }
    public String getEscalationGroup() { return escalationGroup; }
    public boolean isEscalated() { return escalated; }
    public Instant getAcknowledgeBy() { return acknowledgeBy; }
    public Instant getResolveBy() { return resolveBy; }
    public String getResolution() { return resolution; }
    public String getStandardClock() { return standardClock; }
    public Instant getPausedAt() { return pausedAt; }
    public int getTransfers() { return transfers; }
    public Long getDuplicateOf() { return duplicateOf; }
    public Long getParentId() { return parentId; }
    /** A child case, split from another: its resident hears about the parent only. */
    public boolean isChild() { return parentId != null; }
    public String getProcessInstanceId() { return processInstanceId; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Long getResolveBusinessSeconds() { return resolveBusinessSeconds; }
    public Instant getClosedAt() { return closedAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
