package org.sanlian.document;

import java.time.Instant;

/**
 * A document as the case's list shows it: kind, version, number, step, author and its PDF's name, size and
 * SHA-256, read by column — a {@code case_document} row carries its PDF, which loading the entity reads too.
 */
public record DocumentEntry(long id, String caseNumber, DocumentKind kind, String title, String subject, int version,
        String documentNumber, String step, String fileName, long size, String sha256, String createdBy,
        Instant createdAt) {
}
