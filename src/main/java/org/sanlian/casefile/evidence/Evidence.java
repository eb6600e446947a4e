package org.sanlian.casefile.evidence;

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

/** One evidence item of a case, with its file and the file's SHA-256. */
@Entity
@Table(name = "evidence")
public class Evidence {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(name = "evidence_type", nullable = false)
    private EvidenceType type;

    @Column(nullable = false)
    private String title;

    @Embedded
    private StoredFile file;

    @Column(name = "content_type")
    private String contentType;

    @Column(name = "added_by")
    private String addedBy;

    @Column(name = "added_at", nullable = false)
    private Instant addedAt;

    protected Evidence() {
    }

    Evidence(String caseNumber, EvidenceType type, String title, StoredFile file, String contentType, String addedBy,
            Instant addedAt) {
        this.caseNumber = caseNumber;
        this.type = type;
        this.title = title;
        this.file = file;
        this.contentType = contentType;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public EvidenceType getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public StoredFile getFile() {
        return file;
    }

    public String getContentType() {
        return contentType;
    }

    public String getAddedBy() {
        return addedBy;
    }

    public Instant getAddedAt() {
        return addedAt;
    }
}
