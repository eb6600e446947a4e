package org.sanlian.casefile.evidence;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.CaseWriteAccess;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence of a case: upload (multipart) and list for the case's body, download with the SHA-256 as ETag. */
@RestController
@Tag(name = "evidence", description = "证据材料（行政处罚法第四十六条）")
class EvidenceController {

    private final EvidenceService evidence;
    private final CaseFiles caseFiles;
    private final Officers officers;

    public EvidenceController(EvidenceService evidence, CaseFiles caseFiles, Officers officers) {
        this.evidence = evidence;
        this.caseFiles = caseFiles;
        this.officers = officers;
    }

    public record EvidenceView(long id, String caseNumber, EvidenceType type, String typeName, String title,
            String fileName, String contentType, long size, String sha256, String addedBy, String addedByName,
            Instant addedAt) {

        static EvidenceView of(EvidenceEntry e, Officers officers) {
            return new EvidenceView(e.getId(), e.getCaseNumber(), e.getType(), e.getType().chineseName(), e.getTitle(),
                    e.getFile().getName(), e.getContentType(), e.getFile().getSize(), e.getFile().getSha256(),
                    e.getAddedBy(), officers.name(e.getAddedBy()), e.getAddedAt());
        }
    }

    @PostMapping(path = "/api/cases/{caseNumber}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "上传一份证据（文件的 SHA-256 随之保存）")
    public EvidenceView add(@PathVariable String caseNumber, @RequestParam(required = false) String type,
            @RequestParam(required = false) String title, @RequestParam(required = false) MultipartFile file,
            Authentication user) throws IOException {
        CaseWriteAccess.requireMayChange(caseFiles.visibleByNumber(caseNumber, user), user);
        Evidence added = evidence.add(caseNumber, type, title, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getContentType(), file == null ? null : file.getBytes(), user.getName());
        return EvidenceView.of(EvidenceEntry.of(added), officers);
    }

    @GetMapping("/api/cases/{caseNumber}/evidence")
    @Operation(summary = "案件的证据清单")
    public List<EvidenceView> list(@PathVariable String caseNumber, Authentication user) {
        caseFiles.visibleByNumber(caseNumber, user);
        return evidence.entriesOf(caseNumber).stream().map(e -> EvidenceView.of(e, officers)).toList();
    }

    @GetMapping("/api/evidence/{id}/content")
    @Operation(summary = "下载证据文件")
    public ResponseEntity<byte[]> content(@PathVariable long id, Authentication user) {
        Evidence item = evidence.byId(id);
        caseFiles.visibleThrough(item.getCaseNumber(), user, "evidence", id);
        // a type stored before uploads were normalised may not parse: the file is still served
        return Downloads.attachment(item.getFile(),
                MediaType.parseMediaType(EvidenceService.mediaType(item.getContentType())));
    }
}
