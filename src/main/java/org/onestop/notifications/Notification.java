package org.onestop.notifications;

import java.time.Instant;
import java.util.regex.Pattern;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A notice waiting in the outbox, or delivered. */
@Entity
@Table(name = "notification")
public class Notification {

    /** PENDING: not tried yet; SENDING: a sender holds it; RETRY: failed, tried again later; SENT; FAILED: gave up. */
    public enum Status { PENDING, SENDING, RETRY, SENT, FAILED }

    /**
     * The tokens of the opt-out and survey links, which OneStop keeps only as hashes: the outbox holds them while the
     * notice waits, and forgets them once it is delivered or given up.
     */
    static final Pattern LINK_TOKEN = Pattern.compile("(/notices/opt-out/|/survey/|/status/SR-\\d{4}-\\d{6,12}\\?key=)[A-Za-z0-9_-]{22,43}");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "case_event_id", nullable = false)
    private Long caseEventId;

    @Column(nullable = false)
    private String channel;

    @Column(nullable = false)
    private String recipient;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private String status;

    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    /** One notice per milestone of a case and recipient, whichever timeline entry announced it (null: per entry). */
    @Column(name = "dedupe_key")
    private String dedupeKey;

    protected Notification() {
    }

    Notification(Long caseId, Long caseEventId, String channel, String recipient, String subject, String body, Instant now) {
        this(caseId, caseEventId, channel, recipient, null, subject, body, now);
    }

    Notification(Long caseId, Long caseEventId, String channel, String recipient, String dedupeKey, String subject, String body, Instant now) {
        this.dedupeKey = dedupeKey;
        this.caseId = caseId;
        this.caseEventId = caseEventId;
        this.channel = channel;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.status = Status.PENDING.name();
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    void sent(Instant now) {
        this.status = Status.SENT.name();
        this.attempts++;
        this.sentAt = now;
        this.lastError = null;
        forgetLinkTokens();
    }

    void failed(String error, Instant nextAttempt, boolean giveUp) {
        this.attempts++;
        this.lastError = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        this.status = (giveUp ? Status.FAILED : Status.RETRY).name();
        this.nextAttemptAt = nextAttempt;
        if (giveUp) {
            forgetLinkTokens();
        }
    }

    private void forgetLinkTokens() {
        this.subject = LINK_TOKEN.matcher(subject).replaceAll("$1[removed]");
        this.body = LINK_TOKEN.matcher(body).replaceAll("$1[removed]");
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public Long getCaseEventId() { return caseEventId; }
    public String getChannel() { return channel; }
    public String getRecipient() { return recipient; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public Status getStatus() { return Status.valueOf(status); }
    public int getAttempts() { return attempts; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public String getLastError() { return lastError; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getDedupeKey() { return dedupeKey; }
}
