package org.sanlian.casefile.evidence;

import java.time.Instant;

/**
 * An evidence item as a list or a document shows it: what it is and its file's name, size and SHA-256, without the
 * file's bytes. A row of {@code evidence} carries its file, which Hibernate reads with the row (no bytecode
 * enhancement, so {@code FetchType.LAZY} on it is a hint only): listing a case's evidence as entities read every
 * photo and video of the case. The getters are {@link Evidence}'s, so a document template that names
 * {@code e.title} or {@code e.file.sha256} reads an entry as it read the item.
 */
public final class EvidenceEntry {

    private final long id;
    private final String caseNumber;
    private final EvidenceType type;
    private final String title;
    private final FileFacts file;
    private final String contentType;
    private final String addedBy;
    private final Instant addedAt;

    /** As the repository's query selects it (public for Hibernate's constructor expression). */
    public EvidenceEntry(long id, String caseNumber, EvidenceType type, String title, String fileName, long size,
            String sha256, String contentType, String addedBy, Instant addedAt) {
        this.id = id;
        this.caseNumber = caseNumber;
        this.type = type;
        this.title = title;
        this.file = new FileFacts(fileName, size, sha256);
        this.contentType = contentType;
        this.addedBy = addedBy;
        this.addedAt = addedAt;
    }

    static EvidenceEntry of(Evidence e) {
        return new EvidenceEntry(e.getId(), e.getCaseNumber(), e.getType(), e.getTitle(), e.getFile().getName(),
                e.getFile().getSize(), e.getFile().getSha256(), e.getContentType(), e.getAddedBy(), e.getAddedAt());
    }

    public long getId() {
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

    public FileFacts getFile() {
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

    /** The file's name, size and SHA-256, as {@link org.sanlian.platform.StoredFile} gives them. */
    public static final class FileFacts {

        private final String name;
        private final long size;
        private final String sha256;

        FileFacts(String name, long size, String sha256) {
            this.name = name;
            this.size = size;
            this.sha256 = sha256;
        }

        public String getName() {
            return name;
        }

        public long getSize() {
            return size;
        }

        public String getSha256() {
            return sha256;
        }
    }
}
