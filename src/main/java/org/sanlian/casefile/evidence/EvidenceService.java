package org.sanlian.casefile.evidence;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.sanlian.platform.StoredFile;
import org.sanlian.platform.StoredFileLimit;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Evidence of a case (行政处罚法 Art. 46), each file stored with its SHA-256 so it can be shown unchanged later. */
@Service
@Transactional
public class EvidenceService {

    private final EvidenceRepository evidence;
    private final CaseFiles caseFiles;
    private final StoredFileLimit limit;
    private final Clock clock;

    public EvidenceService(EvidenceRepository evidence, CaseFiles caseFiles, StoredFileLimit limit,
            Optional<Clock> clock) {
        this.evidence = evidence;
        this.caseFiles = caseFiles;
        this.limit = limit;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Evidence add(String caseNumber, String type, String title, String fileName, String contentType,
            byte[] content, String addedBy) {
        CaseStatus status = caseFiles.byNumber(caseNumber).getStatus();
        if (!status.fileOpen()) {
            // 一案一卷 (行政处罚法 Art. 47): a closed, archived or transferred file does not change; a transferred
            // case's evidence goes to the case the receiving body holds now
            throw new InvalidInputException("caseNumber", "案件" + status.chineseName() + "，案卷不能再更改，不能再添加证据"
                    + (status == CaseStatus.TRANSFERRED ? "，请交接收机关的案件" : "（一案一卷，行政处罚法第四十七条）"));
        }
        List<FieldViolation> violations = new ArrayList<>();
        EvidenceType evidenceType = null;
        try {
            evidenceType = EvidenceType.valueOf(type == null ? "" : type);
        } catch (IllegalArgumentException e) {
            violations.add(new FieldViolation("type", "证据种类应为行政处罚法第四十六条所列之一"));
        }
        if (title == null || title.isBlank() || title.codePointCount(0, title.length()) > 255) {
            violations.add(new FieldViolation("title", "证据名称必填，不超过 255 字"));
        }
        if (content == null || content.length == 0) {
            violations.add(new FieldViolation("file", "须上传证据文件"));
        } else if (!limit.fits(content)) {
            // MariaDB drops the connection of a statement over max_allowed_packet: refused here, nothing sent
            violations.add(new FieldViolation("file", limit.tooLarge(content.length)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return evidence.save(new Evidence(caseNumber, evidenceType, title.strip(),
                StoredFile.of(fileName(fileName), content), mediaType(contentType), addedBy, Instant.now(clock)));
    }

    /**
     * The content type as it can be served again: a client's value that does not parse as a media type, or does
     * not fit its column, is stored as application/octet-stream, so the file can always be downloaded.
     */
    public static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank() || contentType.length() > 128) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
        try {
            MediaType parsed = MediaType.parseMediaType(contentType.strip());
            return parsed.isConcrete() ? parsed.toString() : MediaType.APPLICATION_OCTET_STREAM_VALUE;
        } catch (InvalidMediaTypeException e) {
            return MediaType.APPLICATION_OCTET_STREAM_VALUE;
        }
    }

    /** The file's own name, without a client's folders, cut to its column (255 characters). */
    static String fileName(String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            return "evidence";
        }
        return name.codePointCount(0, name.length()) <= 255 ? name : name.substring(0, name.offsetByCodePoints(0, 255));
    }

    /**
     * Evidence follows a transferred case: every item of the sender's case is stored in the received case, the
     * file unchanged (same SHA-256), with who added it and when.
     */
    public List<Evidence> copyAll(String fromCaseNumber, String toCaseNumber) {
        caseFiles.byNumber(toCaseNumber);
        return of(fromCaseNumber).stream()
                .map(e -> evidence.save(new Evidence(toCaseNumber, e.getType(), e.getTitle(), e.getFile().copy(),
                        e.getContentType(), e.getAddedBy(), e.getAddedAt())))
                .toList();
    }

    /** The case's evidence with the files' bytes (a transfer copies them); a list wants {@link #entriesOf}. */
    @Transactional(readOnly = true)
    public List<Evidence> of(String caseNumber) {
        caseFiles.byNumber(caseNumber);
        return evidence.findByCaseNumberOrderById(caseNumber);
    }

    /** The case's evidence as a list shows it, without reading any file. */
    @Transactional(readOnly = true)
    public List<EvidenceEntry> entriesOf(String caseNumber) {
        caseFiles.byNumber(caseNumber);
        return evidence.entriesOf(caseNumber);
    }

    /** How many evidence items the case has, without reading any file. */
    @Transactional(readOnly = true)
    public long countOf(String caseNumber) {
        caseFiles.byNumber(caseNumber);
        return evidence.countOf(caseNumber);
    }

    /** An evidence item's file alone, without the item (the archive reads the case's files one at a time). */
    @Transactional(readOnly = true)
    public byte[] contentOf(long id) {
        byte[] content = evidence.contentOf(id);
        if (content == null) {
            throw new NotFoundException("evidence", id);
        }
        return content;
    }

    @Transactional(readOnly = true)
    public Evidence byId(long id) {
        return evidence.findById(id).orElseThrow(() -> new NotFoundException("evidence", id));
    }
}
