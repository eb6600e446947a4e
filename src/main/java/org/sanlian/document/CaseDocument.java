package org.sanlian.document;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sanlian.platform.StoredFile;

/**
 * One version of one generated document of a case, as PDF with its SHA-256. A document made again (a closure
 * report after the head sent it back, a second service receipt) is a new version; the old ones are kept.
 * {@code subject} tells documents of one kind apart, e.g. the service receipt of the decision from that of
 * the notice.
 */
@Entity
@Table(name = "case_document")
public class CaseDocument {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentKind kind;

    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false)
    private String title;

    @Column(name = "document_number")
    private String documentNumber;

    private String step;

    @Embedded
    private StoredFile file;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The day the document bears (落款); null for documents made before it was kept. */
    @Column(name = "issued_on")
    private java.time.LocalDate issuedOn;

    protected CaseDocument() {
    }

    CaseDocument(String caseNumber, DocumentKind kind, String subject, int version, String title,
            String documentNumber, String step, byte[] pdf, String createdBy, Instant createdAt) {
        this.caseNumber = caseNumber;
        this.kind = kind;
        this.subject = subject;
        this.version = version;
        this.title = title;
        this.documentNumber = documentNumber;
        this.step = step;
        this.file = StoredFile.of(caseNumber + "-" + title + (version > 1 ? "-v" + version : "") + ".pdf", pdf);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public DocumentKind getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public int getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getStep() {
        return step;
    }

    public StoredFile getFile() {
        return file;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    CaseDocument dated(java.time.LocalDate day) {
        this.issuedOn = day;
        return this;
    }

    /** The day the document bears; for one made before that was kept, the day it was made (China time). */
    public java.time.LocalDate getIssuedOn() {
        return issuedOn != null ? issuedOn : java.time.LocalDate.ofInstant(createdAt, org.sanlian.platform.ChinaTime.CHINA);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
