package org.sanlian.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A stored file served with its SHA-256 (ETag and X-Content-SHA256), so that whoever opens evidence or a document
 * can check it is the file the case record holds; the file name is sent in UTF-8 (Chinese names).
 */
public final class Downloads {

    private Downloads() {
    }

    /** To open in the browser (a document's PDF). */
    public static ResponseEntity<byte[]> inline(byte[] content, String sha256, String fileName, MediaType type) {
        return served(content, sha256, ContentDisposition.inline(), fileName, type);
    }

    /** To save (an evidence file of any type). */
    public static ResponseEntity<byte[]> attachment(byte[] content, String sha256, String fileName, MediaType type) {
        return served(content, sha256, ContentDisposition.attachment(), fileName, type);
    }

    private static ResponseEntity<byte[]> served(byte[] content, String sha256, ContentDisposition.Builder disposition,
            String fileName, MediaType type) {
        return ResponseEntity.ok()
                .eTag("\"" + sha256 + "\"")
                .header("X-Content-SHA256", sha256)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(type)
                .body(content);
    }
}
