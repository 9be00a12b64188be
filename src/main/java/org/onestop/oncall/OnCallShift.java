package org.onestop.oncall;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One person on standby for a department from one day to another (both inclusive). */
@Entity
@Table(name = "on_call_shift")
public class OnCallShift {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String department;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected OnCallShift() {
    }

    OnCallShift(String department, String userId, LocalDate startsOn, LocalDate endsOn, String createdBy, Instant createdAt) {
        this.department = department;
        this.userId = userId;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public String getDepartment() { return department; }
    public String getUserId() { return userId; }
    public LocalDate getStartsOn() { return startsOn; }
    public LocalDate getEndsOn() { return endsOn; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
