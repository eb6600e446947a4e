package org.sanlian.casefile.process;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.casefile.procedure.HearingFacts;
import org.sanlian.casefile.procedure.ProcedureFacts;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * The hearing on the forms of the steps that decide after it (行政处罚法 Art. 65: the decision is made on the basis of
 * the 听证笔录) — 听证后法制审核, 集体讨论 and 处罚决定审批: when and where it was held and who presided
 * ({@code hearingShown}), and the record the presider made ({@code hearingRecordShown}), as the hearing's rule stored
 * them. Both are absent for a case with no hearing; a party who did not come has waived it (Art. 64(8)).
 */
@Component("hearingRecordShown")
class HearingRecordShown implements ShownOnForm {

    private static final DateTimeFormatter CHINESE_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final ProcedureFacts facts;
    private final Officers officers;

    HearingRecordShown(ProcedureFacts facts, Officers officers) {
        this.facts = facts;
        this.officers = officers;
    }

    @Override
    public Set<String> names() {
        return Set.of("hearingShown", "hearingRecordShown");
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        Optional<HearingFacts> held = facts.hearing(task.getExecution().getProcessBusinessKey())
                .filter(hearing -> hearing.getHeldOn() != null);
        Map<String, Object> shown = new HashMap<>();
        shown.put("hearingShown", held.map(this::held).orElse(null));
        shown.put("hearingRecordShown", held.filter(hearing -> Boolean.TRUE.equals(hearing.getPartyAttended()))
                .map(HearingFacts::getRecord).orElse(null));
        return shown;
    }

    private String held(HearingFacts hearing) {
        String when = hearing.getHeldOn().format(CHINESE_DATE);
        if (!Boolean.TRUE.equals(hearing.getPartyAttended())) {
            return when + "，当事人无正当理由未到场，视为放弃听证权利（行政处罚法第六十四条第八项）";
        }
        return when + (hearing.getPlace() == null ? "" : "在" + hearing.getPlace()) + "举行听证，主持人 "
                + officers.name(hearing.getPresider());
    }
}
