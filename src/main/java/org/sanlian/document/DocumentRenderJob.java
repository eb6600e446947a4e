package org.sanlian.document;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/**
 * A document a step has asked for and that is rendered after the step committed (issue 16): the step's variables as
 * it saw them, and then the document made from them with its SHA-256 — or the last failure and when it is tried
 * again. Never deleted, so a document is never lost between the step and its PDF.
 */
@Entity
@Table(name = "document_render_job")
public class DocumentRenderJob {

    public enum Status {
        PENDING, DONE, FAILED
    }

    /** What the job makes: a document of its kind, the 送达回证 of a service, or the case's volume (一案一卷). */
    public enum Work {
        DOCUMENT, SERVICE_RECEIPT, ARCHIVE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Work work = Work.DOCUMENT;

    /** The kind of document made; empty for an archive. */
    @Enumerated(EnumType.STRING)
    private DocumentKind kind;

    @Column(name = "service_record_id")
    private Long serviceRecordId;

    @Column(name = "archive_id")
    private Long archiveId;

    @Column(name = "document_number")
    private String documentNumber;

    @Column(nullable = false)
    private String step;

    private String actor;

    /** Up to 64 MiB, so that MariaDB maps it to LONGBLOB (as case_document's content). */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, length = 64 * 1024 * 1024)
    private byte[] variables;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "document_id")
    private Long documentId;

    @Column(name = "document_sha256")
    private String documentSha256;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "rendered_at")
    private Instant renderedAt;

    protected DocumentRenderJob() {
    }

    DocumentRenderJob(String caseNumber, DocumentKind kind, String documentNumber, String step, String actor,
            byte[] variables, Instant now) {
        this.caseNumber = caseNumber;
        this.kind = kind;
        this.documentNumber = documentNumber;
        this.step = step;
        this.actor = actor;
        this.variables = variables;
        this.status = Status.PENDING;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    /** The 送达回证 of a service recorded in a step. */
    static DocumentRenderJob receipt(ServiceRecord service, String step, String actor, byte[] variables, Instant now) {
        DocumentRenderJob job = new DocumentRenderJob(service.getCaseNumber(), DocumentKind.SERVICE_RECEIPT, null, step,
                actor, variables, now);
        job.work = Work.SERVICE_RECEIPT;
        job.serviceRecordId = service.getId();
        return job;
    }

    /** The volume of a case archived in a step. */
    static DocumentRenderJob archive(String caseNumber, String step, String actor, byte[] variables, Instant now) {
        DocumentRenderJob job = new DocumentRenderJob(caseNumber, null, null, step, actor, variables, now);
        job.work = Work.ARCHIVE;
        return job;
    }

    /** The volume is stored: its id and the SHA-256 of its ZIP. */
    void archived(CaseArchive archive, Instant now) {
        archiveId = archive.getId();
        done(archive.getSha256(), now);
    }

    /** The document is made: its id and its SHA-256. */
    void rendered(CaseDocument document, Instant now) {
        documentId = document.getId();
        done(document.getFile().getSha256(), now);
    }

    private void done(String sha256, Instant now) {
        status = Status.DONE;
        attempts++;
        documentSha256 = sha256;
        renderedAt = now;
        lastError = null;
    }

    /** A failed try: tried again after 2, 4, 8 … seconds (at most {@code maxPause}); after {@code maxAttempts}, FAILED. */
    void failed(String error, Instant now, int maxAttempts, Duration maxPause) {
        attempts++;
        lastError = error == null ? "?" : error.length() > 1000 ? error.substring(0, 1000) : error;
        Duration pause = Duration.ofSeconds(1L << Math.min(attempts, 20));
        nextAttemptAt = now.plus(pause.compareTo(maxPause) > 0 ? maxPause : pause);
        if (attempts >= maxAttempts) {
            status = Status.FAILED;
        }
    }

    /** A supervisor's 重新生成: a FAILED job is tried again at once. */
    void retryNow(Instant now) {
        if (status == Status.FAILED) {
            status = Status.PENDING;
            nextAttemptAt = now;
        }
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Work getWork() {
        return work;
    }

    /** The kind of document made; null for an archive. */
    public DocumentKind getKind() {
        return kind;
    }

    /** What supervision calls it: the document's title, or 案卷 for the volume. */
    public String title() {
        return work == Work.ARCHIVE ? "案卷（一案一卷）" : kind.title();
    }

    public Long getServiceRecordId() {
        return serviceRecordId;
    }

    public Long getArchiveId() {
        return archiveId;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public String getStep() {
        return step;
    }

    public String getActor() {
        return actor;
    }

    byte[] getVariables() {
        return variables;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public String getLastError() {
        return lastError;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public String getDocumentSha256() {
        return documentSha256;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getRenderedAt() {
        return renderedAt;
    }
}
