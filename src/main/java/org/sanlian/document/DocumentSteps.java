package org.sanlian.document;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.CaseNumbers;
import org.sanlian.casefile.CaseStepCompleted;
import org.sanlian.platform.ChinaTime;
import org.sanlian.penalty.HearingRules;
import org.sanlian.penalty.OnTheSpotDecisionHandedOver;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which rule of a case produces which document (domain.md §3.1 step mapping) — by the rule the model names for the
 * task, never by the task's id, so a task renamed in Modeler still makes its 文书 — and the closure gate: the 结案报告
 * is written only when the file holds everything else the case's ending requires, and the head approves the
 * closure only when the file is complete (§2.14). Runs inside the step's transaction: a refusal keeps the task
 * open; the documents themselves are rendered after the step commits ({@link DocumentRenderQueue}).
 */
@Component
class DocumentSteps {

    private final DocumentRenderQueue renders;
    private final CaseArchives archives;
    private final ServiceRecords services;
    private final CaseNumbers numbers;
    private final CaseFiles caseFiles;
    private final Clock clock;

    DocumentSteps(DocumentRenderQueue renders, CaseArchives archives, ServiceRecords services, CaseNumbers numbers,
            CaseFiles caseFiles, Optional<Clock> clock) {
        this.renders = renders;
        this.archives = archives;
        this.services = services;
        this.numbers = numbers;
        this.caseFiles = caseFiles;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    @EventListener
    void on(CaseStepCompleted step) {
        Map<String, Object> v = step.variables();
        switch (step.step()) {
            case "fileCase" -> make(step, DocumentKind.FILING_FORM, null);
            // 证据登记保存清单 (行政处罚法 Art. 56) and 扣押's 行政强制措施决定书 with its list (行政强制法 Art. 24),
            // handed to the party when the measure is taken
            case "investigation" -> {
                if (Boolean.TRUE.equals(v.get("evidencePreserved"))) {
                    make(step, DocumentKind.EVIDENCE_PRESERVATION_LIST, null);
                }
                if (Boolean.TRUE.equals(v.get("seizureApplied"))) {
                    make(step, DocumentKind.COERCIVE_MEASURE_DECISION, null);
                }
            }
            // released by the head's decision, or when the seven working days pass with none (Art. 56); 转为扣押 is a
            // seizure, with its decision and list
            case "preservationDecision" -> {
                if ("release".equals(v.get("preservationOutcome"))) {
                    make(step, DocumentKind.PRESERVATION_RELEASE, null);
                } else if ("seizure".equals(v.get("preservationOutcome"))) {
                    make(step, DocumentKind.COERCIVE_MEASURE_DECISION, null);
                }
            }
            case "liftPreservation" -> make(step, DocumentKind.PRESERVATION_RELEASE, null);
            // the one extension, told to the party in writing (行政强制法 Art. 25)
            case "extendSeizure" -> make(step, DocumentKind.COERCIVE_MEASURE_EXTENSION, null);
            // released by the head within the period, or when it ends with no decision (行政强制法 Art. 28)
            case "seizureReview" -> {
                if ("release".equals(v.get("seizureOutcome"))) {
                    make(step, DocumentKind.COERCIVE_MEASURE_RELEASE, null);
                }
            }
            case "liftSeizure" -> make(step, DocumentKind.COERCIVE_MEASURE_RELEASE, null);
            case "investigationReport" -> make(step, DocumentKind.INVESTIGATION_REPORT, null);
            case "legalReview", "hearingLegalReview" -> make(step, DocumentKind.LEGAL_REVIEW_OPINION, null);
            case "noticeService" -> {
                // 违法行为通知书 made and served in the same step: its 送达回证 records how, when and to whom
                // (行政处罚法 Art. 44; 民事诉讼法 Arts. 87–95), the form's date field being noticeServedOn
                make(step, DocumentKind.PRE_PENALTY_NOTICE, null);
                services.serveLatest(step.caseNumber(), DocumentKind.PRE_PENALTY_NOTICE,
                        field -> v.get("servedOn".equals(field) ? "noticeServedOn" : field), v, step.actor());
            }
            case "hearingSchedule" -> {
                // 听证通知书 made and, where the step records how it was served, served in the same step as the
                // 违法行为通知书 is: its 送达回证 from the step's served date (行政处罚法 Art. 64(2); 民事诉讼法
                // Arts. 87–95), the form's date field being hearingNoticeServedOn
                make(step, DocumentKind.HEARING_NOTICE, null);
                if (Boolean.TRUE.equals(v.get(HearingRules.HEARING_NOTICE_SERVICE_RECORDED))) {
                    services.serveLatest(step.caseNumber(), DocumentKind.HEARING_NOTICE,
                            field -> v.get("servedOn".equals(field) ? "hearingNoticeServedOn" : field), v, step.actor());
                }
            }
            case "hearingHeld" -> {
                if (Boolean.TRUE.equals(v.get("partyAttended"))) {
                    make(step, DocumentKind.HEARING_RECORD, null);
                }
            }
            case "collectiveDiscussion" -> make(step, DocumentKind.COLLECTIVE_DISCUSSION, null);
            case "penaltyDecision" -> {
                if ("approve".equals(v.get("headDecision"))) {
                    make(step, DocumentKind.PENALTY_DECISION, (String) v.get("decisionNumber"));
                }
            }
            case "noPenaltyDecision" -> {
                if ("approve".equals(v.get("headDecision"))) {
                    make(step, DocumentKind.NO_PENALTY_DECISION, (String) v.get("decisionNumber"));
                }
            }
            // 移送规定 Art. 5: the letter goes with an approved transfer only; a refusal keeps its reasons on record
            case "crimeTransferDecision" -> {
                if ("approve".equals(v.get("crimeTransferDecision"))) {
                    make(step, DocumentKind.CRIME_TRANSFER_LETTER, null);
                }
            }
            // the transfer ends the case once the police file it (移送规定 Art. 8): its file is archived then; a case
            // they do not file comes back to this body, its file open (Arts. 10, 13)
            case "policeFilingDecision" -> {
                if ("filed".equals(v.get("policeFilingDecision"))) {
                    archives.requireComplete(step.caseNumber(), v, true, "policeFilingDecision");
                    renders.enqueueArchive(step.caseNumber(), step.step(), v, step.actor());
                }
            }
            // a model without the police's step ends the case at the sending (GeneralProcedureListeners)
            case "crimeTransferSent" -> {
                if (Boolean.FALSE.equals(v.get("awaitsPoliceFiling"))) {
                    archives.requireComplete(step.caseNumber(), v, true, "caseNumber");
                    renders.enqueueArchive(step.caseNumber(), step.step(), v, step.actor());
                }
            }
            case "deferral" -> {
                if ("approve".equals(v.get("deferralDecision"))) {
                    make(step, DocumentKind.INSTALMENT_NOTICE, null);
                }
            }
            case "reminder" -> make(step, DocumentKind.REMINDER, null);
            case "closureReport" -> {
                archives.requireComplete(step.caseNumber(), v, false, "closureReport");
                make(step, DocumentKind.CLOSURE_REPORT, null);
            }
            case "closureApproval" -> {
                if ("approve".equals(v.get("closureDecision"))) {
                    archives.requireComplete(step.caseNumber(), v, true, "closureDecision");
                }
            }
            default -> {
                // the other rules make no document of their own
            }
        }
    }

    /**
     * 交付当场处罚决定书 (行政处罚法 Art. 52; 9号令 Art. 61 ⑥): the pre-numbered 当场行政处罚决定书 handed to the party,
     * kept under the lead number — an on-the-spot case has no case file — and, like every document, rendered once
     * the step has committed.
     */
    @EventListener
    void on(OnTheSpotDecisionHandedOver handedOver) {
        renders.enqueue(handedOver.leadNumber(), DocumentKind.ON_THE_SPOT_DECISION, handedOver.decisionNumber(),
                "issueOnTheSpotDecision", Map.of(), handedOver.actor());
    }

    /**
     * Asked for in the step's transaction, rendered once it has committed (issue 16: off the critical path). A kind
     * with a series of its own is numbered here, in the step's transaction — a step that fails gives its number back,
     * as a decision's does (domain.md §3.3) — once per document: made again (a new version of the same document), it
     * keeps its number; the render job carries it, so a render tried again prints the same.
     */
    private void make(CaseStepCompleted step, DocumentKind kind, String documentNumber) {
        String number = documentNumber;
        if (number == null && kind.ownSeries() != null) {
            // one number per measure: the same list or decision made again keeps it, another measure takes the next
            number = numbers.allocateOnce(caseFiles.byNumber(step.caseNumber()).getOrganisationCode(), kind.ownSeries(),
                    LocalDate.now(clock.withZone(ChinaTime.CHINA)).getYear(), step.caseNumber(),
                    DocumentKind.subjectOf(kind, step.step(), step.variables()), step.actor())
                    .getFormatted();
        }
        renders.enqueue(step.caseNumber(), kind, number, step.step(), step.variables(), step.actor());
    }
}
