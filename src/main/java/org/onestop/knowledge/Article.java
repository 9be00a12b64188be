package org.onestop.knowledge;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A knowledge-base article. The body is plain text; a blank line separates paragraphs. */
@Entity
@Table(name = "kb_article")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String topic;

    @Column(nullable = false)
    private String title;

    @Column(name = "service_code")
    private String serviceCode;

    @Column(nullable = false)
    private String summary;

    @Column(nullable = false)
    private String body;

    private String keywords;

    @Column(nullable = false)
    private String resolution;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false)
    private String updatedBy;

    @Version
    private long version;

    protected Article() {
    }

    Article(ArticleDraft draft, String editor, Instant now) {
        this.createdAt = now;
        update(draft, editor, now);
    }

    void update(ArticleDraft draft, String editor, Instant now) {
        this.topic = ArticleTopic.fromCode(draft.topic()).name();
        this.title = draft.title().trim();
        this.serviceCode = blankToNull(draft.serviceCode());
        this.summary = draft.summary().trim();
        this.body = draft.body().strip().replace("\r\n", "\n");
        this.keywords = blankToNull(draft.keywords());
        this.resolution = Resolution.fromCode(draft.resolution()).name();
        this.updatedBy = editor;
        this.updatedAt = now;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The body's paragraphs (separated by blank lines). */
    public List<String> paragraphs() {
        return Arrays.stream(body.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    public Long getId() { return id; }
    public ArticleTopic getTopic() { return ArticleTopic.valueOf(topic); }
    public String getTitle() { return title; }
    public String getServiceCode() { return serviceCode; }
    public String getSummary() { return summary; }
    public String getBody() { return body; }
    public String getKeywords() { return keywords; }
    public Resolution getResolution() { return Resolution.valueOf(resolution); }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }
}
