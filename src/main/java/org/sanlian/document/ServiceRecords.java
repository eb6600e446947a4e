package org.sanlian.document;

import java.time.Period;
import org.sanlian.platform.ChinaTime;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.CaseStatus;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.document.ServiceRecord.Method;
import org.sanlian.document.ServiceRecord.Receipt;
import org.sanlian.platform.ConflictException;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 送达 (行政处罚法 Art. 61; 民事诉讼法 Arts. 87–95): checks and records every service of a document and makes its
 * 送达回证 (MOT template 23). The field names are those of the serveDecision form, so the task and the API take
 * the same values: serviceMethod, servedOn, recipient, receiptSignature (signed / refused), refusalWitness,
 * serviceAddress, electronicConsent, and for a public notice publicNoticeGround and publicNoticeCircumstances.
 */
@Service
@Transactional
public class ServiceRecords {

    private final ServiceRecordRepository records;
    private final Documents documents;
    private final DocumentRenderQueue renders;
    private final Period publicNotice;
    private final CaseFiles caseFiles;
    private final Clock clock;

    public ServiceRecords(ServiceRecordRepository records, Documents documents, DocumentRenderQueue renders,
            DeadlineSettings deadlineSettings, CaseFiles caseFiles, Optional<Clock> clock) {
        this.caseFiles = caseFiles;
        this.records = records;
        this.documents = documents;
        this.renders = renders;
        this.publicNotice = deadlineSettings.publicNotice();
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    /**
     * Service of the newest document of a kind of the case, e.g. the decision at the serveDecision step. The service
     * is recorded in the step; its 送达回证 is made after the step commits (issue 16), as is the document served when
     * the same or an earlier step asked for it and it is still being rendered.
     */
    public ServiceRecord serveLatest(String caseNumber, DocumentKind kind, Function<String, Object> input,
            Map<String, Object> variables, String actor) {
        Long documentId = renders.isPending(caseNumber, kind) ? null
                : documents.latestId(caseNumber, kind).orElseThrow(() ->
                        new InvalidInputException("serviceMethod", "本案尚无" + kind.title() + "，无从送达"));
        ServiceRecord record = record(caseNumber, kind, documentId, input, actor);
        renders.enqueueReceipt(record, variables, actor);
        return record;
    }

    /**
     * Records one service of one document and makes its 送达回证 at once (a service recorded outside a step): only of a
     * document served on the party, of a case still being handled (一案一卷: a closed, archived or transferred file
     * does not change, 行政处罚法 Art. 47), on or after the day the document was made.
     */
    public ServiceRecord serve(CaseDocument served, Function<String, Object> input, Map<String, Object> variables,
            String actor) {
        if (!served.getKind().servedOnParty()) {
            throw new InvalidInputException("document", served.getKind().title() + "不是向当事人送达的文书，无从记录送达");
        }
        // the case's row locked: two recordings of one service at once (a double click) come one after the other
        CaseStatus status = caseFiles.lockedByNumber(served.getCaseNumber())
                .orElseGet(() -> caseFiles.byNumber(served.getCaseNumber())).getStatus();
        if (!status.fileOpen()) {
            throw new InvalidInputException("caseNumber", "案件" + status.chineseName()
                    + "，案卷不能再更改，不能再记录送达（一案一卷，行政处罚法第四十七条）");
        }
        // the day the document bears, not the day a render got to it: a render after midnight, or a notice written out
        // on paper before its step was recorded, was given to the party on its own day
        LocalDate made = served.getIssuedOn();
        Function<String, Object> checked = field -> {
            Object value = input.apply(field);
            if ("recipient".equals(field)) {
                return Inputs.text("recipient", value);
            }
            return value;
        };
        ServiceRecord record = record(served.getCaseNumber(), served.getKind(), served.getId(), checked, actor, made);
        Optional<ServiceRecord> same = records.findByDocumentIdOrderById(served.getId()).stream()
                .filter(earlier -> !earlier.getId().equals(record.getId()) && earlier.getMethod() == record.getMethod()
                        && earlier.getServedOn().equals(record.getServedOn())
                        && earlier.getRecipient().equals(record.getRecipient()))
                .findFirst();
        if (same.isPresent()) {
            // the transaction rolls back: nothing of this second recording stays
            throw new ConflictException("document", "这次送达已经记录过（" + record.getMethod().chineseName() + "，"
                    + record.getServedOn() + "，受送达人" + record.getRecipient() + "），不重复记录，送达回证已有一份",
                    Map.of("serviceId", same.get().getId()));
        }
        makeReceipt(record, served, variables, actor);
        return record;
    }

    /** The 送达回证 of a recorded service (MOT template 23), for the document served. */
    CaseDocument makeReceipt(ServiceRecord record, CaseDocument served, Map<String, Object> variables, String actor) {
        record.served(served);
        CaseDocument receiptDocument = documents.generate(served.getCaseNumber(), DocumentKind.SERVICE_RECEIPT,
                served.getKind().name(), null, "service", variables,
                Map.of("service", record, "served", served), actor);
        record.receiptDocument(receiptDocument);
        return receiptDocument;
    }

    private ServiceRecord record(String caseNumber, DocumentKind kind, Long documentId, Function<String, Object> input,
            String actor) {
        return record(caseNumber, kind, documentId, input, actor, null);
    }

    /** {@code notBefore}: the day the document served was made, when it is known (no service before it exists). */
    private ServiceRecord record(String caseNumber, DocumentKind kind, Long documentId, Function<String, Object> input,
            String actor, LocalDate notBefore) {
        List<FieldViolation> violations = new ArrayList<>();
        Method method = parse(Method.class, input.apply("serviceMethod"));
        if (method == null) {
            violations.add(new FieldViolation("serviceMethod", "送达方式不在民事诉讼法规定的方式之内"));
        }
        LocalDate servedOn = Inputs.requiredDate("servedOn", input.apply("servedOn"), violations);
        if (servedOn != null && servedOn.isAfter(LocalDate.now(clock.withZone(ChinaTime.CHINA)))) {
            violations.add(new FieldViolation("servedOn", "送达日期不能晚于今天"));
        } else if (servedOn != null && notBefore != null && servedOn.isBefore(notBefore)) {
            violations.add(new FieldViolation("servedOn", "送达日期不能早于" + kind.title() + "落款的日期 " + notBefore));
        }
        String recipient = Inputs.stripped(input.apply("recipient"));
        if (recipient == null) {
            violations.add(new FieldViolation("recipient", "须写明受送达人"));
        }
        boolean consent = Boolean.TRUE.equals(input.apply("electronicConsent"));
        String address = Inputs.stripped(input.apply("serviceAddress"));
        String witness = Inputs.stripped(input.apply("refusalWitness"));
        Receipt receipt = method == Method.publicNotice ? Receipt.notApplicable
                : parse(Receipt.class, input.apply("receiptSignature"));
        if (method == Method.electronic && !consent) {
            violations.add(new FieldViolation("electronicConsent", "电子送达须经当事人同意并签订确认书（行政处罚法第六十一条第二款）"));
        }
        if ((method == Method.electronic || method == Method.post) && address == null) {
            violations.add(new FieldViolation("serviceAddress", method == Method.electronic
                    ? "电子送达须写明当事人确认的电子送达地址（传真号码、电子邮箱等）" : "邮寄送达须写明邮寄地址"));
        }
        if (method != null && method != Method.publicNotice) {
            if (receipt == null || receipt == Receipt.notApplicable) {
                violations.add(new FieldViolation("receiptSignature", "须记录受送达人在送达回证上签收或拒绝签收"));
            } else if (receipt == Receipt.refused && method != Method.leftAtResidence) {
                violations.add(new FieldViolation("receiptSignature", "受送达人拒绝签收的，应采用留置送达（民事诉讼法第八十九条）"));
            } else if (method == Method.leftAtResidence && receipt != Receipt.refused) {
                violations.add(new FieldViolation("receiptSignature", "留置送达用于受送达人拒绝签收的情形（民事诉讼法第八十九条）"));
            }
            if (method == Method.leftAtResidence && witness == null) {
                violations.add(new FieldViolation("refusalWitness", "留置送达须写明见证人，或拍照、录像记录送达过程（民事诉讼法第八十九条）"));
            }
        }
        // 民事诉讼法 Art. 95: public notice only where the party cannot be found or no other way served it, and the file
        // records why and what was tried (最高人民法院关于适用民事诉讼法的解释 Art. 138)
        // another method keeps neither: a step's variables may still hold those of an earlier public notice
        ServiceRecord.PublicNoticeGround ground = null;
        String circumstances = null;
        if (method == Method.publicNotice) {
            ground = parse(ServiceRecord.PublicNoticeGround.class, input.apply("publicNoticeGround"));
            circumstances = Inputs.stripped(input.apply("publicNoticeCircumstances"));
            if (ground == null) {
                violations.add(new FieldViolation("publicNoticeGround", "公告送达须写明原因：受送达人下落不明，"
                        + "或者用其他方式无法送达（民事诉讼法第九十五条）"));
            }
            if (circumstances == null) {
                violations.add(new FieldViolation("publicNoticeCircumstances", "公告送达须在案卷中记明原因和经过："
                        + "如何查找受送达人、已采用哪些送达方式及其结果"));
            }
        }
        // the columns of service_record (V31, V330): a longer text is refused here, not by the database
        Inputs.optional("recipient", recipient, 128, violations);
        Inputs.optional("serviceAddress", address, 255, violations);
        Inputs.optional("refusalWitness", witness, 255, violations);
        Inputs.optional("publicNoticeCircumstances", circumstances, 1000, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        LocalDate effectiveOn = effectiveOn(method, servedOn);
        ServiceRecord record = new ServiceRecord(caseNumber, kind, documentId, method, servedOn, effectiveOn, recipient,
                receipt, witness, address, consent, actor, Instant.now(clock));
        record.publicNotice(ground, circumstances);
        return records.save(record);
    }

    /** The day a service counts as done: the service day, or 30 days after a public notice (民事诉讼法 Art. 95). */
    public LocalDate effectiveOn(Method method, LocalDate servedOn) {
        return method == Method.publicNotice ? servedOn.plus(publicNotice) : servedOn;
    }

    @Transactional(readOnly = true)
    public List<ServiceRecord> of(String caseNumber) {
        return records.findByCaseNumberOrderById(caseNumber);
    }

    @Transactional(readOnly = true)
    public List<ServiceRecord> ofDocument(long documentId) {
        return records.findByDocumentIdOrderById(documentId);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, Object value) {
        String text = Inputs.stripped(value);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
