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

    /** Shown on the residents' A–Z and FAQ ({@code /a-z}); guidelines for agents never are. */
    @Column(name = "is_public", nullable = false)
    private boolean publicArticle;

    @Column(name = "title_fr")
    private String titleFr;

    @Column(name = "summary_fr")
    private String summaryFr;

    @Column(name = "body_fr")
    private String bodyFr;

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
        this.publicArticle = draft.isPublic();
        this.titleFr = blankToNull(draft.titleFr());
        this.summaryFr = blankToNull(draft.summaryFr());
        this.bodyFr = draft.bodyFr() == null || draft.bodyFr().isBlank() ? null : draft.bodyFr().strip().replace("\r\n", "\n");
        this.updatedBy = editor;
        this.updatedAt = now;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The body's paragraphs (separated by blank lines). */
    public List<String> paragraphs() {
        return paragraphs(body);
    }

    /** The French body's paragraphs; none when the article has no French. */
    public List<String> frenchParagraphs() {
        return bodyFr == null ? List.of() : paragraphs(bodyFr);
    }

    /**
     * A paragraph of an article as residents read it: text, or a table when every line of the paragraph is
     * "left | right" (for example a line per ward: "Ward 1 - Harbourfront | Monday").
     */
    public record Block(String text, List<Row> rows) {

        public boolean isTable() {
            return !rows.isEmpty();
        }
    }

    public record Row(String key, String value) {
    }

    /** The body in blocks: paragraphs, and tables of "left | right" lines. */
    public List<Block> blocks() {
        return blocks(body);
    }

    /** The French body in blocks; empty without a French version. */
    public List<Block> blocksFr() {
        return bodyFr == null ? List.of() : blocks(bodyFr);
    }

    /** Whether the article has a French version (title, summary and body). */
    public boolean hasFrench() {
        return titleFr != null && summaryFr != null && bodyFr != null;
    }

    /** The rows of the article's tables (English body), in order. */
    public List<Row> rows() {
        return blocks().stream().flatMap(b -> b.rows().stream()).toList();
    }

    private static List<String> paragraphs(String text) {
        return Arrays.stream(text.split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static List<Block> blocks(String text) {
        return paragraphs(text).stream().map(p -> {
            List<String> lines = p.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            boolean table = lines.stream().allMatch(l -> l.indexOf('|') > 0 && l.indexOf('|') == l.lastIndexOf('|')
                    && !l.substring(l.indexOf('|') + 1).isBlank());
            return table ? new Block(p, lines.stream().map(l -> new Row(l.substring(0, l.indexOf('|')).strip(),
                    l.substring(l.indexOf('|') + 1).strip())).toList()) : new Block(p, List.of());
        }).toList();
    }

    public Long getId() { return id; }
    public ArticleTopic getTopic() { return ArticleTopic.valueOf(topic); }
    public String getTitle() { return title; }
    public String getServiceCode() { return serviceCode; }
    public String getSummary() { return summary; }
    public String getBody() { return body; }
    public String getKeywords() { return keywords; }
    public Resolution getResolution() { return Resolution.valueOf(resolution); }
    public boolean isPublicArticle() { return publicArticle; }
    public String getTitleFr() { return titleFr; }
    public String getSummaryFr() { return summaryFr; }
    public String getBodyFr() { return bodyFr; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public long getVersion() { return version; }
}
