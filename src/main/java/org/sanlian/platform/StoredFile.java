package org.sanlian.platform;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.Lob;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file a case record keeps (evidence, a document's PDF, the archived volume): its name, size, bytes and SHA-256,
 * so it can be shown unchanged later. Every hash in a case file is computed here, one way.
 */
@Embeddable
public class StoredFile {

    @Column(name = "file_name", nullable = false)
    private String name;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "sha256", nullable = false, length = 64)
    private String sha256;

    /** Up to 64 MiB, so that MariaDB maps it to LONGBLOB (uploads are limited lower, spring.servlet.multipart). */
    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "content", nullable = false, length = 64 * 1024 * 1024)
    private byte[] content;

    protected StoredFile() {
    }

    private StoredFile(String name, byte[] content, String sha256) {
        this.name = name;
        this.content = content;
        this.size = content.length;
        this.sha256 = sha256;
    }

    /** A new file, its SHA-256 taken now. */
    public static StoredFile of(String name, byte[] content) {
        return new StoredFile(name, content, sha256(content));
    }

    /** The same file for another record (a transferred case's evidence), with the SHA-256 it was stored with. */
    public StoredFile copy() {
        return new StoredFile(name, content, sha256);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
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

    public byte[] getContent() {
        return content;
    }
}
