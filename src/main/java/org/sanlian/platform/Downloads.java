package org.sanlian.platform;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A stored file served with its SHA-256 (ETag and X-Content-SHA256), so that whoever opens evidence or a document
 * can check it is the file the case record holds; the file name is sent in UTF-8 (Chinese names).
 */
public final class Downloads {

    private Downloads() {
    }

    /** To open in the browser (a document's PDF). */
    public static ResponseEntity<byte[]> inline(StoredFile file, MediaType type) {
        return served(file, ContentDisposition.inline(), type);
    }

    /** To save (an evidence file of any type). */
    public static ResponseEntity<byte[]> attachment(StoredFile file, MediaType type) {
        return served(file, ContentDisposition.attachment(), type);
    }

    /**
     * To save a file that is read as it is sent (the archived volume, kept in parts): its name, length and SHA-256
     * go first, as for any stored file.
     */
    public static ResponseEntity<StreamingResponseBody> attachment(String name, long size, String sha256,
            MediaType type, StreamingResponseBody content) {
        return ResponseEntity.ok()
                .eTag("\"" + sha256 + "\"")
                .header("X-Content-SHA256", sha256)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(type)
                .contentLength(size)
                .body(content);
    }

    private static ResponseEntity<byte[]> served(StoredFile file, ContentDisposition.Builder disposition,
            MediaType type) {
        return ResponseEntity.ok()
                .eTag("\"" + file.getSha256() + "\"")
                .header("X-Content-SHA256", file.getSha256())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        disposition.filename(file.getName(), StandardCharsets.UTF_8).build().toString())
                .contentType(type)
                .body(file.getContent());
    }
}
