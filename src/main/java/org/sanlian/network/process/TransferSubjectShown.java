package org.sanlian.network.process;

import static org.sanlian.platform.ProcessActors.text;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.sanlian.network.Transfers;
import org.sanlian.platform.forms.ShownOnForm;
import org.springframework.stereotype.Component;

/**
 * 移送接收审查 and 指定管辖 (行政处罚法 Art. 25) show what is decided on: the subject's party, vehicle, date, place and
 * facts ({@code transferSubjectText}), and the receiver's refusal and its reason ({@code transferRefusalText}), read
 * when the form is opened (not stored). Found in Chromium: the heads saw only a lead number and the sender's reason.
 */
@Component("transferSubjectShown")
class TransferSubjectShown implements ShownOnForm {

    private final Transfers transfers;

    TransferSubjectShown(Transfers transfers) {
        this.transfers = transfers;
    }

    @Override
    public Set<String> names() {
        return Set.of("transferSubjectText", "transferRefusalText");
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        return transfers.subjectFacts(text(task, "transferNumber"));
    }
}
