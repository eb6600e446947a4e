package org.sanlian.penalty.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import org.sanlian.platform.forms.ShownOnForm;
import org.sanlian.penalty.NoticePeriods;
import org.springframework.stereotype.Component;

/**
 * What the head must know before deciding (行政处罚法 Art. 62, domain.md §2.7–2.8): on 处罚决定审批's form, how
 * long the periods of the served 违法行为通知书 still run — e.g. "陈述申辩期限至2026年12月10日，尚余3个工作日" — or why
 * the decision need not wait. A copy for the form only: the decision rule counts the periods again from the domain.
 */
@Component("noticePeriodsShown")
class NoticePeriodsShown implements ShownOnForm {

    static final String VARIABLE = "noticePeriodsShown";

    private final NoticePeriods periods;

    NoticePeriodsShown(NoticePeriods periods) {
        this.periods = periods;
    }

    @Override
    public Set<String> names() {
        return Set.of(VARIABLE);
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        return Collections.singletonMap(VARIABLE, periods.shown(task.getExecution().getProcessBusinessKey()));
    }
}
