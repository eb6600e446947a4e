package org.sanlian.penalty;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.Inputs;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The violation catalogue and the statutory-range check a proposed fine must pass. */
@Service
@Transactional
public class ViolationCatalogue {

    private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private final ViolationRepository violations;

    public ViolationCatalogue(ViolationRepository violations) {
        this.violations = violations;
    }

    @Transactional(readOnly = true)
    public List<Violation> all() {
        return violations.findAllByOrderByCode();
    }

    /**
     * The rows that apply to an act of this date (行政处罚法 Art. 37): those valid on it; every row while the act's
     * date is unknown.
     */
    @Transactional(readOnly = true)
    public List<Violation> validOn(LocalDate actDate) {
        return all().stream().filter(v -> actDate == null || v.isValidOn(actDate)).toList();
    }

    /**
     * 行政处罚法 Art. 37: an act is judged under the provision as it read when the act was done; a row not valid on
     * the act's date is refused, naming its validity and the rows that were valid then.
     */
    public void requireValidOn(String field, Violation violation, LocalDate actDate) {
        if (actDate == null || violation.isValidOn(actDate)) {
            return;
        }
        List<String> valid = validOn(actDate).stream()
                .filter(v -> v.getName().equals(violation.getName())
                        || v.getViolatedClause().equals(violation.getViolatedClause()))
                .map(v -> v.getCode() + "（" + v.rangeWithBasis() + "，" + v.validityText() + "）").toList();
        throw new InvalidInputException(field, violation.getName() + "（" + violation.getCode() + "，"
                + violation.getPenaltyClause() + "）的有效期间为 " + violation.validityText() + "，违法行为发生于 " + actDate
                + "，不适用：实施行政处罚，适用违法行为发生时的法律、法规、规章的规定（《行政处罚法》第三十七条）"
                + (valid.isEmpty() ? "" : "；该日有效的条目：" + String.join("、", valid)));
    }

    /** As {@link #requireValidOn(String, Violation, LocalDate)} for codes a form names; codes not in the catalogue are left to the caller. */
    @Transactional(readOnly = true)
    public void requireValidOn(String field, Collection<String> codes, LocalDate actDate) {
        for (String code : codes) {
            if (code != null) {
                violations.findById(code).ifPresent(v -> requireValidOn(field, v, actDate));
            }
        }
    }

    @Transactional(readOnly = true)
    public Violation byCode(String code) {
        return violations.findById(code).orElseThrow(() -> new NotFoundException("violation", code));
    }

    /**
     * A proposed fine outside the statutory range of the provision is refused, naming the range and its basis
     * (行政处罚法 Art. 5: penalties must match the law; domain.md §4.2).
     */
    @Transactional(readOnly = true)
    public Violation checkFine(String field, String code, BigDecimal fine) {
        return checkFine(field, code, fine, null);
    }

    /**
     * As {@link #checkFine(String, String, BigDecimal)}, under the row valid on the act's date (行政处罚法 Art. 37):
     * a row not valid then is refused before its range is held against the fine.
     */
    @Transactional(readOnly = true)
    public Violation checkFine(String field, String code, BigDecimal fine, LocalDate actDate) {
        Optional<Violation> found = code == null ? Optional.empty() : violations.findById(code);
        if (found.isEmpty()) {
            throw new InvalidInputException("violationCode", "须从违法行为目录中选择违法行为");
        }
        Violation violation = found.get();
        requireValidOn("violationCode", violation, actDate);
        if (fine != null && ((violation.getMinFine() != null && fine.compareTo(violation.getMinFine()) < 0)
                || (violation.getMaxFine() != null && fine.compareTo(violation.getMaxFine()) > 0))) {
            throw new InvalidInputException(field, "拟罚款 " + fine.toPlainString() + " 元超出法定幅度："
                    + violation.getName() + "，" + violation.rangeWithBasis());
        }
        return violation;
    }

    /**
     * An administrator's correction of one provision: texts within their columns, amounts in yuan with at most
     * two decimals, not negative, a minimum only together with a maximum (a lone maximum reads "up to"), and
     * the minimum not above the maximum. Every broken rule is named in one answer; nothing is saved then.
     */
    public Violation update(String code, String name, String penaltyClause, BigDecimal minFine, BigDecimal maxFine,
            String penaltyKinds, String rangeNote, boolean illustrative) {
        Violation violation = byCode(code);
        List<FieldViolation> problems = new ArrayList<>();
        String checkedName = Inputs.required("name", name, 255, problems);
        String checkedClause = Inputs.required("penaltyClause", penaltyClause, 255, problems);
        String checkedKinds = Inputs.optional("penaltyKinds", penaltyKinds, 255, problems);
        String checkedNote = Inputs.optional("rangeNote", rangeNote, 500, problems);
        checkAmount("minFine", minFine, problems);
        checkAmount("maxFine", maxFine, problems);
        if (minFine != null && maxFine == null) {
            problems.add(new FieldViolation("maxFine", "有最低罚款时须同时填写最高罚款"));
        }
        if (minFine != null && maxFine != null && minFine.compareTo(maxFine) > 0) {
            problems.add(new FieldViolation("minFine", "最低罚款不能高于最高罚款"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        violation.update(checkedName, checkedClause, minFine, maxFine, checkedKinds == null ? "" : checkedKinds,
                checkedNote, illustrative);
        return violation;
    }

    /** An amount the column DECIMAL(14,2) holds: not negative, at most 12 digits of yuan and 2 decimals. */
    private static void checkAmount(String field, BigDecimal amount, List<FieldViolation> problems) {
        if (amount == null) {
            return;
        }
        if (amount.signum() < 0) {
            problems.add(new FieldViolation(field, "金额不能为负数"));
        } else if (amount.stripTrailingZeros().scale() > 2) {
            problems.add(new FieldViolation(field, "金额最多保留两位小数（元）"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            problems.add(new FieldViolation(field, "金额超出允许范围"));
        }
    }
}
