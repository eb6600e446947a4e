package org.sanlian.penalty;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * 缴纳罚款 under an approved 分期缴纳 (行政处罚法 Art. 66 ¶2) shows the next instalment — number, amount, last day and
 * what an earlier payment credited to it — read from the stored schedule when the form is opened, not stored in the
 * task; {@code instalmentsDue} tells the form whether to show it. Also what was paid in part without a schedule
 * ({@code partPayments}), so that the officer records only the rest.
 */
@Component("nextInstalmentShown")
class NextInstalmentShown implements ShownOnForm {

    private static final Set<String> NAMES = Set.of("nextInstalment", "instalmentsDue", "partPayments");

    private final ExecutionRules executionRules;

    NextInstalmentShown(ExecutionRules executionRules) {
        this.executionRules = executionRules;
    }

    @Override
    public Set<String> names() {
        return NAMES;
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        String next = executionRules.nextInstalment(task.getExecution().getProcessBusinessKey());
        Map<String, Object> shown = new HashMap<>();
        shown.put("nextInstalment", next);
        shown.put("instalmentsDue", next != null);
        // 部分缴纳 without a schedule: what was paid so far and what is still owed
        // (under a schedule, the instalment shown says what is owed: the part paid before it is spread already)
        shown.put("partPayments", next != null ? null
                : executionRules.partPayments(task.getExecution().getProcessBusinessKey()));
        return shown;
    }
}
