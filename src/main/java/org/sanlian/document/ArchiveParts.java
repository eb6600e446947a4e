package org.sanlian.document;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.sanlian.platform.StoredFileLimit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bytes of an archived volume (一案一卷), kept in order as parts of at most {@value #PART_BYTES} bytes
 * ({@code case_archive_part}). A volume holds every document and evidence file of its case and has no upper size;
 * one database value has: MariaDB takes a statement of at most {@code max_allowed_packet} bytes (a part is made
 * smaller still where the server's packet is), and a single value would have to sit whole in memory to be stored or
 * served. Parts are written as the volume is zipped and read one at a time as it is downloaded.
 */
@Component
class ArchiveParts {

    /** A part's size where the database takes it (MariaDB's default packet, 16 MiB, takes four, escaped). */
    static final int PART_BYTES = 4 * 1024 * 1024;

    private final JdbcTemplate jdbc;
    private final int partBytes;

    @Autowired
    ArchiveParts(JdbcTemplate jdbc, StoredFileLimit limit) {
        this(jdbc, (int) Math.max(16 * 1024, Math.min(PART_BYTES, limit.largestFileBytes())));
    }

    /** With parts of {@code partBytes} (a test's small parts). */
    ArchiveParts(JdbcTemplate jdbc, int partBytes) {
        this.jdbc = jdbc;
        this.partBytes = partBytes;
    }

    /** A stream that stores what is written to it as the volume's parts, in the caller's transaction. */
    Writer writer(long archiveId) {
        return new Writer(archiveId);
    }

    /** Writes the volume's bytes to {@code out}, a part at a time. */
    void copy(long archiveId, OutputStream out) throws IOException {
        List<Integer> parts = jdbc.queryForList(
                "SELECT part_no FROM case_archive_part WHERE archive_id = ? ORDER BY part_no", Integer.class, archiveId);
        for (int part : parts) {
            byte[] bytes = jdbc.queryForObject(
                    "SELECT content FROM case_archive_part WHERE archive_id = ? AND part_no = ?",
                    (row, n) -> row.getBytes(1), archiveId, part);
            out.write(bytes);
        }
    }

    /** How many parts the volume is kept in. */
    int count(long archiveId) {
        Integer parts = jdbc.queryForObject("SELECT COUNT(*) FROM case_archive_part WHERE archive_id = ?",
                Integer.class, archiveId);
        return parts == null ? 0 : parts;
    }

    /** Stores each part as it fills; its size and SHA-256 are those of all the bytes written. */
    final class Writer extends OutputStream {

        private final long archiveId;
        private final byte[] buffer = new byte[partBytes];
        private final MessageDigest digest;
        private int filled;
        private int parts;
        private long size;
        private String sha256;

        private Writer(long archiveId) {
            this.archiveId = archiveId;
            try {
                this.digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
            }
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (sha256 != null) {
                throw new IllegalStateException("the volume's parts are already stored");
            }
            digest.update(bytes, offset, length);
            size += length;
            while (length > 0) {
                int taken = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, taken);
                filled += taken;
                offset += taken;
                length -= taken;
                if (filled == buffer.length) {
                    store();
                }
            }
        }

        /** Stores the last part. */
        @Override
        public void close() {
            if (sha256 == null) {
                if (filled > 0 || parts == 0) {
                    store();
                }
                sha256 = HexFormat.of().formatHex(digest.digest());
            }
        }

        private void store() {
            byte[] part = filled == buffer.length ? buffer : Arrays.copyOf(buffer, filled);
            jdbc.update("INSERT INTO case_archive_part (archive_id, part_no, content) VALUES (?, ?, ?)", archiveId,
                    parts, part);
            parts++;
            filled = 0;
        }

        long size() {
            return size;
        }

        /** The SHA-256 of the whole volume, once closed. */
        String sha256() {
            if (sha256 == null) {
                throw new IllegalStateException("the volume is not closed");
            }
            return sha256;
        }
    }
}
