package org.sanlian.casefile.procedure;

import org.sanlian.platform.ChinaTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sanlian.casefile.CaseStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closure and the decision limit (domain.md §2.9, §2.14): the 结案报告 and the head's approval, the archive, the
 * 90-day warning with an extension request and its approval, and the supervisor's 督办 of an overdue case.
 */
@Service
@Transactional
public class ClosureRules implements PhaseRules {

    private final ProcedureFacts facts;

    ClosureRules(ProcedureFacts facts) {
        this.facts = facts;
    }

    @Override
    public Map<Rule, StepRule> rules() {
        return Map.of(
                Rule.closureReport, (caseNumber, form, actor) -> {
                    String report = form.text("closureReport");
                    form.valid();
                    facts.record(caseNumber, "closeCase", actor, report);
                    return Map.of();
                },
                Rule.closureApproval, (caseNumber, form, actor) -> {
                    FormFields.Approval approval = form.approval("closureDecision", "closureComment", "须选择同意结案或退回");
                    form.valid();
                    return closureDecided(caseNumber, approval, actor);
                },
                Rule.deadlineWarning, (caseNumber, form, actor) -> deadlineWarning(caseNumber, DeadlineWarning.from(form), actor),
                Rule.extensionDecision, (caseNumber, form, actor) -> {
                    String decision = form.choice("extensionDecision", List.of("approve", "reject"), "须选择同意或不同意延期");
                    String comment = form.text("extensionComment");
                    form.valid();
                    // the record is read on documents (结案报告): the decision in words, never the form's value
                    facts.record(caseNumber, "approveExtension", actor, ("approve".equals(decision) ? "同意延期" : "不同意延期")
                            + Optional.ofNullable(comment).map(text -> "：" + text).orElse(""));
                    return Map.of();
                },
                Rule.overdueSupervision, (caseNumber, form, actor) -> {
                    String opinion = form.text("supervisionOpinion");
                    form.valid();
                    facts.record(caseNumber, "superviseOverdueCase", actor, opinion);
                    return Map.of();
                });
    }

    public Map<String, Object> closureDecided(String caseNumber, FormFields.Approval command, String actor) {
        if (command.approved()) {
            facts.moveTo(caseNumber, CaseStatus.CLOSED);
        }
        facts.record(caseNumber, "approveClosure", actor, (command.approved() ? "同意结案" : "退回")
                + Optional.ofNullable(command.comment()).map(text -> "：" + text).orElse(""));
        return Map.of();
    }

    /** 归档 (Art. 47): the case file is archived. */
    public void archive(String caseNumber) {
        facts.moveTo(caseNumber, CaseStatus.ARCHIVED);
        facts.record(caseNumber, "archiveCase", null, "归档");
        facts.concluded(caseNumber);
    }

    /** 办案期限预警: the handler may ask for an extension, and must say why. */
    public record DeadlineWarning(boolean extensionRequested, String reason) {
        static DeadlineWarning from(FormFields form) {
            boolean requested = form.flag("requestExtension");
            DeadlineWarning command = new DeadlineWarning(requested,
                    requested ? form.required("extensionReason", "申请延长办案期限须写明理由") : null);
            form.valid();
            return command;
        }
    }

    public Map<String, Object> deadlineWarning(String caseNumber, DeadlineWarning command, String actor) {
        facts.record(caseNumber, "decisionDeadlineWarning", actor, command.extensionRequested()
                ? "申请延期：" + command.reason() : "知悉期限，不申请延期");
        return Map.of("requestExtension", command.extensionRequested());
    }

    public void extended(String caseNumber, java.util.Date newDeadline) {
        facts.record(caseNumber, "extendDecisionDeadline", null, "办案期限延长至 "
                + newDeadline.toInstant().atZone(ChinaTime.CHINA).toLocalDate());
    }
}
