package org.sanlian.penalty.process;

import org.sanlian.penalty.Yuan;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.platform.forms.ShownOnForm;
import org.sanlian.casefile.CaseEvent;
import org.sanlian.casefile.CaseFiles;
import org.sanlian.casefile.evidence.EvidenceService;
import org.sanlian.casefile.procedure.InvestigationRules;
import org.sanlian.penalty.PenaltyFacts;
import org.sanlian.penalty.PenaltyRecords;
import org.sanlian.organisation.Officers;
import org.springframework.stereotype.Component;

/**
 * What an approver needs on the form (issue 13): on 法制审核, 处罚决定审批, 集体讨论 and 结案审批 the form shows the
 * case's stored facts — proposed outcome and fine, its legal basis and the discretion benchmark, how many pieces of
 * evidence, the legal review's opinion, the party's statement — read from the domain when the form is opened
 * (issue 16: not copied into the task). For the form only: the rules read the domain, never these.
 */
@Component("approvalFactsShown")
class ApprovalFactsShown implements ShownOnForm {

    private static final Set<String> NAMES = Set.of("approvalOutcome", "approvalBasis", "approvalBenchmarkNote",
            "approvalEvidenceCount", "approvalReviewOpinion", "approvalStatement");

    private final PenaltyRecords penalties;
    private final CaseFiles caseFiles;
    private final EvidenceService evidence;
    private final Officers officers;

    ApprovalFactsShown(PenaltyRecords penalties, CaseFiles caseFiles, EvidenceService evidence, Officers officers) {
        this.penalties = penalties;
        this.caseFiles = caseFiles;
        this.evidence = evidence;
        this.officers = officers;
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        return shown(task.getExecution().getProcessBusinessKey());
    }

    Map<String, Object> shown(String caseNumber) {
        Optional<PenaltyFacts> penalty = penalties.penalty(caseNumber);
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("approvalOutcome", penalty.map(ApprovalFactsShown::outcome).orElse("尚无拟处理意见"));
        shown.put("approvalBasis", penalty.map(ApprovalFactsShown::basis).orElse("—"));
        // the discretion table's note (an example tier, not law) beside the basis, never inside it
        shown.put("approvalBenchmarkNote", penalty.map(PenaltyFacts::getBenchmarkNote).orElse(null));
        shown.put("approvalEvidenceCount", Math.toIntExact(evidence.countOf(caseNumber)));
        shown.put("approvalReviewOpinion", reviewOpinion(caseFiles.history(caseNumber)));
        shown.put("approvalStatement", penalty.map(ApprovalFactsShown::statement).orElse("—"));
        return shown;
    }

    private static String outcome(PenaltyFacts penalty) {
        // decided (结案审批): what was decided, by which decision — no longer what was proposed
        if (penalty.getDecisionKind() != null) {
            boolean fined = "penalty".equals(penalty.getDecisionKind());
            return "已决定" + (fined ? "给予行政处罚" : "不予行政处罚")
                    + (penalty.getDecisionNumber() == null ? "" : "，决定书 " + penalty.getDecisionNumber())
                    + (fined && penalty.getDecidedFine() != null ? "，罚款 " + Yuan.text(penalty.getDecidedFine()) + " 元" : "")
                    + (penalty.getDecidedOn() == null ? "" : "（" + penalty.getDecidedOn().getYear() + "年"
                            + penalty.getDecidedOn().getMonthValue() + "月" + penalty.getDecidedOn().getDayOfMonth() + "日）");
        }
        if (penalty.getProposedOutcome() == null) {
            return "尚无拟处理意见";
        }
        StringBuilder text = new StringBuilder(
                InvestigationRules.Outcome.valueOf(penalty.getProposedOutcome()).chineseName());
        if (penalty.getProposedFine() != null) {
            text.append("，拟罚款 ").append(Yuan.text(penalty.getProposedFine())).append(" 元");
        }
        if (penalty.getRecheckedFine() != null) {
            text.append("；复核后罚款 ").append(Yuan.text(penalty.getRecheckedFine())).append(" 元");
        }
        return text.toString();
    }

    private static String basis(PenaltyFacts penalty) {
        String basis = penalty.getLegalBasis() == null ? "—" : penalty.getLegalBasis();
        if (penalty.getBenchmarkMin() != null && penalty.getBenchmarkMax() != null) {
            basis += "；裁量基准 " + Yuan.text(penalty.getBenchmarkMin()) + "–" + Yuan.text(penalty.getBenchmarkMax()) + " 元"
                    + (penalty.getBenchmarkBasis() == null ? "" : "（" + penalty.getBenchmarkBasis() + "）");
        }
        return basis;
    }

    private static String statement(PenaltyFacts penalty) {
        if (penalty.getNoticeServedOn() == null) {
            // Art. 44 asks the notice before a penalty only: a case that ends without one has none to show
            boolean noPenalty = "noPenalty".equals(penalty.getDecisionKind())
                    || "noPenalty".equals(penalty.getProposedOutcome())
                    || "notEstablished".equals(penalty.getProposedOutcome());
            return noPenalty ? "不予行政处罚，无须事先告知陈述、申辩（行政处罚法第四十四条）" : "尚未告知当事人";
        }
        if (penalty.getRecheckedOn() == null) {
            return "已于 " + penalty.getNoticeServedOn() + " 告知，尚在陈述申辩期";
        }
        return penalty.isStatementMade() && penalty.getStatementSummary() != null
                ? penalty.getStatementSummary() : "当事人未提出陈述、申辩";
    }

    /** The last 法制审核 (before or after a hearing), as "同意：… （刘婷）". */
    private String reviewOpinion(List<CaseEvent> history) {
        return history.stream().filter(e -> List.of("legalReview", "legalReviewAfterHearing").contains(e.getStep()))
                .reduce((first, last) -> last)
                .map(e -> readable(e.getNote()) + (e.getActor() == null ? "" : "（" + officers.name(e.getActor()) + "）"))
                .orElse("未经法制审核");
    }

    private static String readable(String note) {
        if (note == null) {
            return "";
        }
        return note.replaceFirst("^approve：$", "同意").replaceFirst("^approve：", "同意：")
                .replaceFirst("^sendBack：", "退回补充调查：");
    }
}
