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

/** One entry on a case's timeline: a status change, a note, a routing decision, an escalation. */
@Entity
@Table(name = "case_event")
public class CaseEvent {

    private static final String WAITING_PREFIX = "Waiting for you: ";
    private static final String WAITING_END = ". The clock stops until we hear from you.";

    /** The timeline's words when a task makes the case wait for the customer (a public entry, in English). */
    static String waitingFor(String taskName) {
        return WAITING_PREFIX + taskName + WAITING_END;
    }

    /** The task a "Waiting for you: <task>. The clock stops…" entry names, or null for any other message. */
    public static String waitingTask(String message) {
        if (message == null || !message.startsWith(WAITING_PREFIX)) {
            return null;
        }
        String task = message.substring(WAITING_PREFIX.length());
        return task.endsWith(WAITING_END) ? task.substring(0, task.length() - WAITING_END.length()) : task;
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseEventType type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;

    private String actor;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    private String message;

    protected CaseEvent() {
    }

    CaseEvent(Long caseId, Instant occurredAt, CaseEventType type, Visibility visibility, String actor,
              CaseStatus status, String message) {
        this.caseId = caseId;
        this.occurredAt = occurredAt;
        this.type = type;
        this.visibility = visibility;
        this.actor = actor;
        this.status = status;
        this.message = message;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Instant getOccurredAt() { return occurredAt; }
    public CaseEventType getType() { return type; }
    public Visibility getVisibility() { return visibility; }
    public String getActor() { return actor; }
    public CaseStatus getStatus() { return status; }
    public String getMessage() { return message; }
}
