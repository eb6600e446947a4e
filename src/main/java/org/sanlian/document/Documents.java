package org.sanlian.document;

import static org.sanlian.platform.ChinaTime.CHINA;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sanlian.casefile.CaseFile;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.evidence.EvidenceService;
import org.sanlian.casefile.party.CaseParties;
import org.sanlian.lead.Lead;
import org.sanlian.lead.LeadService;
import org.sanlian.organisation.Officer;
import org.sanlian.organisation.Officers;
import org.sanlian.organisation.Organisations;
import org.sanlian.penalty.CasePenaltyRecords;
import org.sanlian.penalty.PenaltyFacts;
import org.sanlian.penalty.SummaryDecision;
import org.sanlian.penalty.SummaryProcedure;
import org.sanlian.penalty.Violation;
import org.sanlian.penalty.ViolationCatalogue;
import org.sanlian.penalty.Yuan;
import org.sanlian.platform.DeadlineSettings;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generates the documents of a case from its data at the step that produces them (domain.md §3), and keeps
 * every version as PDF with its SHA-256.
 */
@Service
@Transactional
public class Documents {

    /** The decisions list the evidence of the register (行政处罚法 Art. 59(2)); other documents need not load it. */
    private static final Set<DocumentKind> WITH_EVIDENCE = EnumSet.of(DocumentKind.PENALTY_DECISION,
            DocumentKind.NO_PENALTY_DECISION);

    private final CaseDocumentRepository documents;
    private final DocumentRenderer renderer;
    private final CaseFiles caseFiles;
    private final CaseFiles procedure;
    private final LeadService leads;
    private final Organisations organisations;
    private final Officers officers;
    private final CaseParties parties;
    private final EvidenceService evidence;
    private final CasePenaltyRecords penalties;
    private final SummaryProcedure summary;
    private final ViolationCatalogue violations;
    private final StepNames steps;
    private final DeadlineSettings deadlines;
    private final Clock clock;

    public Documents(CaseDocumentRepository documents, DocumentRenderer renderer, CaseFiles caseFiles,
            CaseFiles procedure, LeadService leads, Organisations organisations,
            Officers officers, CaseParties parties, EvidenceService evidence, CasePenaltyRecords penalties,
            SummaryProcedure summary, ViolationCatalogue violations, StepNames steps, DeadlineSettings deadlines,
            Optional<Clock> clock) {
        this.documents = documents;
        this.renderer = renderer;
        this.caseFiles = caseFiles;
        this.procedure = procedure;
        this.leads = leads;
        this.organisations = organisations;
        this.officers = officers;
        this.parties = parties;
        this.evidence = evidence;
        this.penalties = penalties;
        this.summary = summary;
        this.violations = violations;
        this.steps = steps;
        this.deadlines = deadlines;
        this.clock = clock.orElse(Clock.system(CHINA));
    }

    /**
     * Makes the next version of a document: the template of its kind filled with the case, its lead, its
     * organisation, the process variables of the step and anything {@code extra} adds.
     */
    public CaseDocument generate(String caseNumber, DocumentKind kind, String subject, String documentNumber,
            String step, Map<String, Object> variables, Map<String, Object> extra, String actor) {
        return generate(caseNumber, kind, subject, documentNumber, step, variables, extra, actor,
                LocalDate.now(clock.withZone(CHINA)));
    }

    /**
     * The same, dated {@code issuedOn}: the day its step asked for it. A document made later — its render failed and
     * was tried again the next day, or the render node was down overnight — still bears the day of the act it
     * records (the head's approval of a 决定书, the notice's issue), not the day a worker got to it.
     */
    /**
     * A notice written out before its step was recorded bears the day its step gives (its rule checked that day: not
     * before the filing, the hearing request, not after the service); any other document the day its step asked for it.
     */
    static LocalDate issuedOn(DocumentKind kind, Map<String, Object> variables, LocalDate stepDay) {
        return kind.issueDateField().flatMap(field -> Optional.ofNullable(variables.get(field))
                .filter(String.class::isInstance).map(String.class::cast).filter(Inputs::isDate)
                .map(text -> Inputs.date(field, text))).orElse(stepDay);
    }

    public CaseDocument generate(String caseNumber, DocumentKind kind, String subject, String documentNumber,
            String step, Map<String, Object> variables, Map<String, Object> extra, String actor, LocalDate issuedOn) {
        if (kind.keyedByLead()) {
            return onTheSpotDecision(caseNumber, kind, documentNumber, step, actor, issuedOn);
        }
        CaseFile caseFile = caseFiles.byNumber(caseNumber);
        String subjectKey = subject == null ? "" : subject;
        Integer latest = documents.latestVersion(caseNumber, kind, subjectKey);
        int version = latest == null ? 1 : latest + 1;
        Map<String, Object> model = new HashMap<>();
        model.put("caseFile", caseFile);
        // a case filed from a lead carries the lead's source and record into its 立案登记表
        Lead lead = lead(caseFile.getLeadNumber());
        model.put("lead", lead);
        // the lead's record up to the filing: the 立案登记表 and the 结案报告's full-process record start with it
        model.put("leadEvents", lead == null ? List.of() : leads.historyUntil(lead, caseFile.getFiledAt()));
        model.put("organisation", organisations.byCode(caseFile.getOrganisationCode()).orElseThrow());
        model.put("v", variables);
        model.put("investigators", investigators(variables.get("investigators")));
        model.put("events", procedure.history(caseNumber));
        model.put("zone", CHINA);
        model.put("title", kind.title());
        // the step that asked for it: a release after a period ran out says so (liftSeizure, liftPreservation)
        model.put("step", step);
        model.put("documentNumber", documentNumber == null ? caseNumber : documentNumber);
        model.put("version", version);
        LocalDate dated = issuedOn(kind, variables, issuedOn);
        model.put("today", dated.format(DocumentDates.CHINESE_DATE));
        // every date of a document in the same words as its date (2026年12月7日), never ISO beside it
        model.put("dates", new DocumentDates());
        // people by name, with the enforcement certificate number (Art. 55), never by username (issue 13)
        model.put("actor", actor == null ? null : officers.nameWithCertificate(actor));
        model.put("names", officers);
        // steps by their Chinese names, never by their ids (the full-process record on the 结案报告)
        model.put("steps", steps.lookup());
        model.putAll(decisionContent(caseFile, kind, variables));
        model.putAll(extra);
        byte[] pdf = renderer.render(kind.templateName(), model);
        return documents.save(new CaseDocument(caseNumber, kind, subjectKey, version, kind.title(), documentNumber,
                step, pdf, actor, Instant.now(clock)).dated(dated));
    }

    /**
     * The 当场行政处罚决定书 of an on-the-spot case (9号令 annex, template 14), kept under its lead number: what
     * 行政处罚法 Art. 52 requires it to state — the party's violation, the kind and basis of the penalty, the fine, the
     * time and place, the way and period of reconsideration and litigation, the body's name — from the stored facts of
     * the decision (summary_decision), the lead (party, time, place) and the violation catalogue, never from a
     * submitted copy; the officers' signatures with their certificate numbers, the body's seal and the party's
     * signature are left to be made on the paper handed over.
     */
    private CaseDocument onTheSpotDecision(String leadNumber, DocumentKind kind, String decisionNumber, String step,
            String actor, LocalDate issuedOn) {
        Lead lead = leads.byNumber(leadNumber);
        SummaryDecision decision = summary.facts(leadNumber).orElseThrow(
                () -> new IllegalStateException("当场处罚 " + leadNumber + " 没有决定记录"));
        Integer latest = documents.latestVersion(leadNumber, kind, "");
        int version = latest == null ? 1 : latest + 1;
        String number = decisionNumber != null ? decisionNumber : decision.getDecisionNumber();
        Map<String, Object> model = new HashMap<>();
        model.put("lead", lead);
        // the facts as registered on the spot, ending where the sentence that prints them ends
        model.put("factsText", lead.getSummary() == null ? "" : lead.getSummary().strip().replaceAll("[。；;.，,]+$", ""));
        model.put("decision", decision);
        model.put("organisation", organisations.byCode(decision.getOrganisationCode()).orElseThrow());
        model.put("particulars", organisations.particulars(decision.getOrganisationCode()));
        model.put("violation", violation(decision.getViolationCode()));
        model.put("fineText", decision.isWarningOnly() || decision.getFine() == null ? null : Yuan.text(decision.getFine()));
        // Arts. 42, 52: the officers on the spot — not fewer than two — sign the decision; they are named with their
        // certificate numbers, as the general procedure's documents name its investigators
        model.put("officerNames", java.util.stream.Stream.of(decision.getRegisteredBy(), decision.getSecondOfficer(),
                        decision.getDecidedBy())
                .filter(java.util.Objects::nonNull).distinct().map(officers::nameWithCertificate).toList());
        model.put("paymentPeriod", PeriodWords.of(deadlines.payment()));
        model.put("reconsiderationPeriod", PeriodWords.of(deadlines.reconsideration()));
        model.put("zone", CHINA);
        model.put("title", kind.title());
        model.put("documentNumber", number);
        model.put("version", version);
        model.put("dates", new DocumentDates());
        model.put("today", issuedOn.format(DocumentDates.CHINESE_DATE));
        byte[] pdf = renderer.render(kind.templateName(), model);
        return documents.save(new CaseDocument(leadNumber, kind, "", version, kind.title(), number, step, pdf, actor,
                Instant.now(clock)).dated(issuedOn));
    }

    /**
     * The documents of an on-the-spot case as its list shows them, without reading a PDF: those kept under its lead
     * number (the lead must exist).
     */
    @Transactional(readOnly = true)
    public List<DocumentEntry> ofLead(String leadNumber) {
        leads.byNumber(leadNumber);
        return documents.entriesOf(leadNumber).stream().filter(d -> d.kind().keyedByLead()).toList();
    }

    /** The case's documents as its list shows them, without reading a PDF. */
    @Transactional(readOnly = true)
    public List<DocumentEntry> of(String caseNumber) {
        caseFiles.byNumber(caseNumber);
        return documents.entriesOf(caseNumber);
    }

    @Transactional(readOnly = true)
    public CaseDocument byId(long id) {
        return documents.findById(id).orElseThrow(() -> new NotFoundException("document", id));
    }

    /** The newest version of the newest document of a kind. */
    @Transactional(readOnly = true)
    public Optional<CaseDocument> latest(String caseNumber, DocumentKind kind) {
        return documents.findFirstByCaseNumberAndKindOrderByIdDesc(caseNumber, kind);
    }

    /** The id of the newest document of a kind, read without its PDF. */
    @Transactional(readOnly = true)
    public Optional<Long> latestId(String caseNumber, DocumentKind kind) {
        return documents.idsNewestFirst(caseNumber, kind, Limit.of(1)).stream().findFirst();
    }

    /**
     * What a decision must say (行政处罚法 Art. 59), from the records rather than the step's variables: the party as
     * the investigation recorded it (name, ID number or credit code, address), the evidence of the register, the
     * provision applied from the violation catalogue with the discretion basis, the statement and defence as
     * recorded, where and within what time to pay (Art. 67), and the 复议机关 and court with their periods (domain.md
     * §2.16). Any document's template may print them.
     */
    private Map<String, Object> decisionContent(CaseFile caseFile, DocumentKind kind, Map<String, Object> variables) {
        Map<String, Object> content = new HashMap<>();
        String caseNumber = caseFile.getCaseNumber();
        List<CaseParties.PartyView> recorded = parties.parties(caseNumber);
        content.put("party", recorded.stream().filter(p -> p.name().equals(caseFile.getPartyName())).findFirst()
                .orElse(recorded.isEmpty() ? null : recorded.get(0)));
        // the items by column: a decision lists what the evidence is, never reads its photos and videos
        content.put("evidenceList", WITH_EVIDENCE.contains(kind) ? evidence.entriesOf(caseNumber) : List.of());
        PenaltyFacts penalty = penalties.of(caseNumber).orElse(null);
        content.put("penalty", penalty);
        String violationCode = penalty != null && penalty.getViolationCode() != null ? penalty.getViolationCode()
                : variables.get("violationCode") == null ? null : variables.get("violationCode").toString();
        content.put("violation", violation(violationCode));
        Object finalFine = variables.get("finalFine");
        content.put("fineText", penalty != null && penalty.getDecidedFine() != null ? Yuan.text(penalty.getDecidedFine())
                : finalFine == null ? null : finalFine.toString());
        List<org.sanlian.penalty.PaymentInstalment> instalments = kind == DocumentKind.INSTALMENT_NOTICE
                ? penalties.instalments(caseNumber) : List.of();
        content.put("instalments", instalments);
        // what the schedule spreads: the fine less what was paid in part before it (部分缴纳)
        content.put("instalmentsTotal", instalments.stream().map(org.sanlian.penalty.PaymentInstalment::getAmount)
                .reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        content.put("particulars", organisations.particulars(caseFile.getOrganisationCode()));
        content.put("paymentPeriod", PeriodWords.of(deadlines.payment()));
        content.put("reconsiderationPeriod", PeriodWords.of(deadlines.reconsideration()));
        content.put("litigationPeriod", PeriodWords.of(deadlines.litigation()));
        // the 违法行为通知书 states the periods the engine enforces (domain.md §2.7, §2.8), as configured
        content.put("statementPeriod", PeriodWords.number(deadlines.statementWorkingDays()) + "个工作日");
        content.put("hearingRequestPeriod", PeriodWords.number(deadlines.hearingRequestWorkingDays()) + "个工作日");
        return content;
    }

    /** The catalogue row, or null (a code no longer in it): looked up without a failure that would mark the
     * document's transaction rollback-only. */
    private Violation violation(String code) {
        return code == null ? null
                : violations.all().stream().filter(v -> v.getCode().equals(code)).findFirst().orElse(null);
    }

    /** The lead, or null: looked up without a failure that would mark the document's transaction rollback-only. */
    private Lead lead(String leadNumber) {
        return leadNumber == null ? null : leads.findByNumber(leadNumber).orElse(null);
    }

    private List<Officer> investigators(Object ids) {
        if (ids == null || ids.toString().isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(ids.toString().split(",")).map(String::strip)
                .map(id -> officers.byUserId(id).orElse(null)).filter(java.util.Objects::nonNull).toList();
    }
}
