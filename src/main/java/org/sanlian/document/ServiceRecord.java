package org.sanlian.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One service of one document (送达, 行政处罚法 Art. 61; 民事诉讼法 Arts. 87–95) as its 送达回证 records it: how,
 * when, to whom, and whether the recipient signed or refused. {@code effectiveOn} is the day the document
 * counts as served — the service day, or 30 days after a public notice (民事诉讼法 Art. 95) — and the periods
 * that run from service are counted from it.
 */
@Entity
@Table(name = "service_record")
public class ServiceRecord {

    /** The methods of the Civil Procedure Law (domain.md §2.11). */
    public enum Method {
        direct("直接送达"), leftAtResidence("留置送达"), entrusted("委托送达"), post("邮寄送达"),
        forwarded("转交送达"), electronic("电子送达"), publicNotice("公告送达");

        private final String chineseName;

        Method(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** What the recipient did with the 送达回证. */
    public enum Receipt {
        signed("受送达人签收"), refused("受送达人拒绝签收"), notApplicable("公告送达，无需签收");

        private final String chineseName;

        Receipt(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    /** Why a document was served by public notice: the two cases 民事诉讼法 Art. 95 allows it in. */
    public enum PublicNoticeGround {
        whereaboutsUnknown("受送达人下落不明"), otherMeansFailed("用其他方式无法送达");

        private final String chineseName;

        PublicNoticeGround(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(name = "document_id")
    private Long documentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_kind", nullable = false)
    private DocumentKind documentKind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Method method;

    @Column(name = "served_on", nullable = false)
    private LocalDate servedOn;

    @Column(name = "effective_on", nullable = false)
    private LocalDate effectiveOn;

    @Column(nullable = false)
    private String recipient;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Receipt receipt;

    private String witness;

    private String address;

    @Column(name = "electronic_consent", nullable = false)
    private boolean electronicConsent;

    @Column(name = "served_by")
    private String servedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "receipt_document_id")
    private Long receiptDocumentId;

    @Enumerated(EnumType.STRING)
    @Column(name = "public_notice_ground")
    private PublicNoticeGround publicNoticeGround;

    /** 公告送达的原因和经过, as the file must record them (V330). */
    @Column(name = "public_notice_circumstances")
    private String publicNoticeCircumstances;

    protected ServiceRecord() {
    }

    /**
     * {@code documentId} may be empty: the document was asked for in the same or an earlier step and is still being
     * rendered; it is named here once it exists ({@link #served}), before its 送达回证 is made.
     */
    ServiceRecord(String caseNumber, DocumentKind documentKind, Long documentId, Method method, LocalDate servedOn,
            LocalDate effectiveOn, String recipient, Receipt receipt, String witness, String address,
            boolean electronicConsent, String servedBy, Instant recordedAt) {
        this.caseNumber = caseNumber;
        this.documentId = documentId;
        this.documentKind = documentKind;
        this.method = method;
        this.servedOn = servedOn;
        this.effectiveOn = effectiveOn;
        this.recipient = recipient;
        this.receipt = receipt;
        this.witness = witness;
        this.address = address;
        this.electronicConsent = electronicConsent;
        this.servedBy = servedBy;
        this.recordedAt = recordedAt;
    }

    /** A public notice's ground and what was done before it (民事诉讼法 Art. 95). */
    void publicNotice(PublicNoticeGround ground, String circumstances) {
        this.publicNoticeGround = ground;
        this.publicNoticeCircumstances = circumstances;
    }

    public PublicNoticeGround getPublicNoticeGround() {
        return publicNoticeGround;
    }

    public String getPublicNoticeCircumstances() {
        return publicNoticeCircumstances;
    }

    /** The document served, once it has been rendered (a service recorded in the step that asked for it). */
    void served(CaseDocument document) {
        if (documentId == null) {
            documentId = document.getId();
        }
    }

    void receiptDocument(CaseDocument receiptDocument) {
        this.receiptDocumentId = receiptDocument.getId();
    }

    public Long getId() {
        return id;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Long getDocumentId() {
        return documentId;
    }

    public DocumentKind getDocumentKind() {
        return documentKind;
    }

    public Method getMethod() {
        return method;
    }

    public LocalDate getServedOn() {
        return servedOn;
    }

    public LocalDate getEffectiveOn() {
        return effectiveOn;
    }

    public String getRecipient() {
        return recipient;
    }

    public Receipt getReceipt() {
        return receipt;
    }

    public String getWitness() {
        return witness;
    }

    public String getAddress() {
        return address;
    }

    public boolean isElectronicConsent() {
        return electronicConsent;
    }

    public String getServedBy() {
        return servedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public Long getReceiptDocumentId() {
        return receiptDocumentId;
    }
}
