package org.sanlian.penalty.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import java.util.Set;
import org.sanlian.platform.forms.ShownOnForm;
import org.camunda.spin.plugin.variable.SpinValues;
import org.sanlian.casefile.CaseActDates;
import org.sanlian.penalty.Violation;
import org.sanlian.penalty.ViolationCatalogue;
import org.springframework.stereotype.Component;

/**
 * A rule known in the form (issue 13, build 1): 案件调查报告's form is given the statutory fine range of every
 * provision of the violation catalogue when it is opened (issue 16: not stored in the task), so that the form shows the range of the chosen
 * violation before submit (行政处罚法 Art. 5; domain.md §4.2). {@value #BY_CODE} is a JSON object code → range
 * with its basis, read by the form's FEEL text; {@value #LIST} is the same as plain text lines. The server still
 * checks the fine at submit (ViolationCatalogue.checkFine): the form only says so earlier. Only the rows valid on
 * the act's date are offered (行政处罚法 Art. 37).
 */
@Component("fineRangesOffered")
class FineRangesOffered implements ShownOnForm {

    static final String BY_CODE = "fineRangeByCode";
    static final String LIST = "fineRanges";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ViolationCatalogue catalogue;
    private final CaseActDates actDates;

    FineRangesOffered(ViolationCatalogue catalogue, CaseActDates actDates) {
        this.catalogue = catalogue;
        this.actDates = actDates;
    }

    @Override
    public Set<String> names() {
        return Set.of(BY_CODE, LIST);
    }

    @Override
    public Map<String, Object> shown(DelegateTask task) {
        Map<String, String> byCode = new LinkedHashMap<>();
        // 行政处罚法 Art. 37: only the rows valid on the act's date, so the ranges are the law of that date
        for (Violation violation : catalogue.validOn(actDates.of(task.getExecution().getProcessBusinessKey()).orElse(null))) {
            byCode.put(violation.getCode(), violation.getName() + "：" + violation.rangeWithBasis());
        }
        try {
            return Map.of(BY_CODE, SpinValues.jsonValue(JSON.writeValueAsString(byCode)).create(),
                    LIST, byCode.entrySet().stream()
                            .map(entry -> "- " + entry.getKey() + " " + entry.getValue())
                            .collect(Collectors.joining("\n")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
