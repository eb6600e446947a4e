package org.sanlian.document;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.CaseWriteAccess;
import org.sanlian.lead.LeadService;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.Downloads;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The documents of a case, their service records and the archived volume, for the case's body; the 当场行政处罚决定书
 * of an on-the-spot case, kept under its lead number, for the lead's body.
 */
@RestController
@Tag(name = "documents", description = "执法文书、送达回证与案卷归档（一案一卷）")
class DocumentController {

    private final Documents documents;
    private final ServiceRecords services;
    private final CaseArchives archives;
    private final CaseFiles caseFiles;
    private final ObjectMapper json;
    private final Officers officers;
    private final StepNames steps;
    private final LeadService leads;

    public DocumentController(Documents documents, ServiceRecords services, CaseArchives archives,
            CaseFiles caseFiles, ObjectMapper json, Officers officers, StepNames steps, LeadService leads) {
        this.steps = steps;
        this.leads = leads;
        this.documents = documents;
        this.services = services;
        this.archives = archives;
        this.caseFiles = caseFiles;
        this.json = json;
        this.officers = officers;
    }

    public record DocumentView(long id, String caseNumber, DocumentKind kind, String title, String volume,
            Integer motTemplate, String subject, int version, String documentNumber, String step, String stepName,
            String fileName, long size, String sha256, String createdBy, String createdByName, Instant createdAt,
            String contentUrl) {

        /** {@code stepName}: the step that made it as officers know it (处罚决定审批), never its id. */
        static DocumentView of(DocumentEntry d, Officers officers, StepNames.Lookup steps) {
            return new DocumentView(d.id(), d.caseNumber(), d.kind(), d.title(), d.kind().volume().chineseName(),
                    d.kind().motTemplate(), d.subject(), d.version(), d.documentNumber(), d.step(), steps.name(d.step()),
                    d.fileName(),
                    d.size(), d.sha256(), d.createdBy(), officers.name(d.createdBy()), d.createdAt(),
                    "/api/documents/" + d.id() + "/content");
        }
    }

    public record ServiceView(long id, String caseNumber, long documentId, DocumentKind documentKind,
            String documentTitle, ServiceRecord.Method method, String methodName, LocalDate servedOn,
            LocalDate effectiveOn, String recipient, ServiceRecord.Receipt receipt, String receiptName, String witness,
            String address, boolean electronicConsent, String servedBy, Long receiptDocumentId,
            ServiceRecord.PublicNoticeGround publicNoticeGround, String publicNoticeCircumstances) {

        static ServiceView of(ServiceRecord s) {
            return new ServiceView(s.getId(), s.getCaseNumber(), s.getDocumentId(), s.getDocumentKind(),
                    s.getDocumentKind().title(), s.getMethod(), s.getMethod().chineseName(), s.getServedOn(),
                    s.getEffectiveOn(), s.getRecipient(), s.getReceipt(), s.getReceipt().chineseName(), s.getWitness(),
                    s.getAddress(), s.isElectronicConsent(), s.getServedBy(), s.getReceiptDocumentId(),
                    s.getPublicNoticeGround(), s.getPublicNoticeCircumstances());
        }
    }

    @GetMapping("/api/cases/{caseNumber}/documents")
    @Operation(summary = "案件的执法文书（每个版本及其 SHA-256）")
    public List<DocumentView> list(@PathVariable String caseNumber, Authentication user) {
        caseFiles.visibleByNumber(caseNumber, user);
        StepNames.Lookup names = steps.lookup();
        return documents.of(caseNumber).stream().map(d -> DocumentView.of(d, officers, names)).toList();
    }

    @GetMapping("/api/leads/{leadNumber}/documents")
    @Operation(summary = "当场处罚（简易程序）的执法文书：当场行政处罚决定书（每个版本及其 SHA-256）",
            description = "当场处罚不立案，其文书以案源编号保存；可见范围与案源相同，其他单位的案源为 404")
    public List<DocumentView> listOfLead(@PathVariable String leadNumber, Authentication user) {
        leads.visibleByNumber(leadNumber, user);
        StepNames.Lookup names = steps.lookup();
        return documents.ofLead(leadNumber).stream().map(d -> DocumentView.of(d, officers, names)).toList();
    }

    @GetMapping("/api/documents/{id}/content")
    @Operation(summary = "打开文书 PDF")
    public ResponseEntity<byte[]> content(@PathVariable long id, Authentication user) {
        CaseDocument document = documents.byId(id);
        requireVisible(document, user);
        return Downloads.inline(document.getFile(), MediaType.APPLICATION_PDF);
    }

    /**
     * A document as its case — or, for an on-the-spot case, its lead — may be read by {@code user}: another body's is
     * not found (404), as one that does not exist.
     */
    private void requireVisible(CaseDocument document, Authentication user) {
        if (document.getKind().keyedByLead()) {
            leads.visibleThrough(document.getCaseNumber(), user, "document", document.getId());
        } else {
            caseFiles.visibleThrough(document.getCaseNumber(), user, "document", document.getId());
        }
    }

    @GetMapping("/api/cases/{caseNumber}/services")
    @Operation(summary = "案件的送达记录（送达回证）")
    public List<ServiceView> services(@PathVariable String caseNumber, Authentication user) {
        caseFiles.visibleByNumber(caseNumber, user);
        return services.of(caseNumber).stream().map(ServiceView::of).toList();
    }

    @PostMapping("/api/documents/{id}/services")
    @Operation(summary = "记录一次文书送达并生成送达回证",
            description = "字段：serviceMethod（direct、leftAtResidence、entrusted、post、forwarded、electronic、publicNotice）、"
                    + "servedOn、recipient、receiptSignature（signed、refused）、refusalWitness、serviceAddress、electronicConsent；"
                    + "公告送达须有 publicNoticeGround（whereaboutsUnknown 下落不明、otherMeansFailed 用其他方式无法送达）"
                    + "和 publicNoticeCircumstances（原因和经过，民事诉讼法第九十五条）")
    public ServiceView serve(@PathVariable long id, @RequestBody Map<String, Object> body, Authentication user) {
        CaseDocument document = documents.byId(id);
        if (document.getKind().keyedByLead()) {
            requireVisible(document, user);
            throw new InvalidInputException("document", document.getTitle()
                    + "已在交付当场处罚决定书时当场交付当事人（《中华人民共和国行政处罚法》第五十二条），不另行记录送达");
        }
        CaseWriteAccess.requireMayChange(caseFiles.visibleThrough(document.getCaseNumber(), user, "document", id),
                user);
        return ServiceView.of(services.serve(document, body::get, Map.of(), user.getName()));
    }

    @GetMapping("/api/cases/{caseNumber}/archive")
    @Operation(summary = "归档案卷的目录：正卷、副卷的文书依法定顺序排列，每份附 SHA-256")
    public JsonNode archiveIndex(@PathVariable String caseNumber, Authentication user) throws Exception {
        caseFiles.visibleByNumber(caseNumber, user);
        // by column: the volume itself (every document and evidence file, zipped) is not read to show its index
        ArchiveIndex archive = archives.latestIndex(caseNumber);
        com.fasterxml.jackson.databind.node.ObjectNode index = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(archive.indexJson());
        index.put("archiveSha256", archive.sha256());
        index.put("archiveFileName", archive.fileName());
        index.put("contentUrl", "/api/cases/" + caseNumber + "/archive/content");
        return index;
    }

    @GetMapping("/api/cases/{caseNumber}/archive/content")
    @Operation(summary = "下载归档案卷（ZIP：卷内目录、文书、证据、index.json）")
    public ResponseEntity<StreamingResponseBody> archiveContent(@PathVariable String caseNumber,
            Authentication user) {
        caseFiles.visibleByNumber(caseNumber, user);
        CaseArchive archive = archives.latest(caseNumber);
        // read part by part as it is sent: a volume is never held whole in memory
        return Downloads.attachment(archive.getFileName(), archive.getSize(), archive.getSha256(),
                MediaType.parseMediaType("application/zip"), out -> archives.copyVolume(archive, out));
    }
}
