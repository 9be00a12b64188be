package org.onestop.selfservice;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A photo attached to a case, as stored: already re-encoded, so it carries no EXIF or GPS metadata. */
@Entity
@Table(name = "case_photo")
class CasePhoto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id", nullable = false)
    private Long caseId;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "bytes", nullable = false)
    private byte[] bytes;

    @Column(nullable = false)
    private int width;

    @Column(nullable = false)
    private int height;

    @Column(nullable = false)
    private long size;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CasePhoto() {
    }

    CasePhoto(Long caseId, Photos.CleanImage image, Instant createdAt) {
        this.caseId = caseId;
        this.contentType = image.contentType();
        this.bytes = image.bytes();
        this.width = image.width();
        this.height = image.height();
        this.size = image.bytes().length;
        this.createdAt = createdAt;
    }

    Long getId() { return id; }
    Long getCaseId() { return caseId; }
    String getContentType() { return contentType; }
    byte[] getBytes() { return bytes; }
    int getWidth() { return width; }
    int getHeight() { return height; }
    long getSize() { return size; }
    Instant getCreatedAt() { return createdAt; }
}
