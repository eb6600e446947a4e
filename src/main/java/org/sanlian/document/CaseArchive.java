package org.sanlian.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The archived case file (一案一卷, domain.md §2.14): one ZIP volume — index first, then the 正卷 and 副卷
 * documents in statutory order and the evidence files — with its index as JSON. Kept in the domain store, so it
 * outlives Camunda's history time-to-live. The volume's bytes are kept in parts ({@link ArchiveParts}): a volume
 * has no upper size, a database value has.
 */
@Entity
@Table(name = "case_archive")
public class CaseArchive {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(nullable = false)
    private int version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CaseEnding ending;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    @Lob
    @Column(name = "index_json", nullable = false, length = 64 * 1024 * 1024)
    private String indexJson;

    @Column(name = "archived_by")
    private String archivedBy;

    @Column(name = "archived_at", nullable = false)
    private Instant archivedAt;

    protected CaseArchive() {
    }

    /** A volume being stored: its size and SHA-256 are known once its last part is ({@link #stored}). */
    CaseArchive(String caseNumber, int version, CaseEnding ending, String indexJson, String archivedBy,
            Instant archivedAt) {
        this.caseNumber = caseNumber;
        this.version = version;
        this.ending = ending;
        this.fileName = caseNumber + "-案卷" + (version > 1 ? "-v" + version : "") + ".zip";
        this.sha256 = "";
        this.indexJson = indexJson;
        this.archivedBy = archivedBy;
        this.archivedAt = archivedAt;
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public int getVersion() {
        return version;
    }

    public CaseEnding getEnding() {
        return ending;
    }

    void stored(long size, String sha256) {
        this.size = size;
        this.sha256 = sha256;
    }

    public String getFileName() {
        return fileName;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public String getIndexJson() {
        return indexJson;
    }

    public String getArchivedBy() {
        return archivedBy;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }
}
