package org.sanlian.penalty;

import org.sanlian.platform.Inputs;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.sanlian.platform.forms.FormValues;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A proposed penalty held against the law's tables (domain.md §4, §2.13): the facts the DMN tables discretion and
 * noPenalty read, one act breaking several norms fined once under the norm with the higher fine (行政处罚法
 * Art. 29), a penalty the law forbids (Art. 33) refused, and a fine or penalty kind outside the discretion
 * benchmark (Art. 34) refused with the range and its basis — unless the handler gives a written reason, which
 * the head must then approve. Every decision is recorded in the case's full-process record (Art. 47).
 */
@Service
@Transactional
public class PenaltyProposal {

    static final List<String> TIERS = List.of("minor", "general", "serious");
    static final List<String> HARMS = List.of("none", "slight", "serious");

    private final ViolationCatalogue catalogue;

    public PenaltyProposal(ViolationCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The inputs of the tables, checked, with the values a report that does not name them means: an ordinary
     * circumstance, no earlier violation, no harm. With several violation codes the fine must be proposed under
     * the one with the highest statutory maximum (Art. 29).
     */
    public Map<String, Object> facts(Function<String, Object> input) {
        List<FieldViolation> violations = new ArrayList<>();
        String tier = Optional.ofNullable(Inputs.stripped(input.apply("circumstanceTier"))).orElse("general");
        if (!TIERS.contains(tier)) {
            violations.add(new FieldViolation("circumstanceTier", "情节应为 minor（轻微）、general（一般）或 serious（严重）"));
        }
        String harm = Optional.ofNullable(Inputs.stripped(input.apply("harm"))).orElse("none");
        if (!HARMS.contains(harm)) {
            violations.add(new FieldViolation("harm", "危害后果应为 none（无）、slight（轻微）或 serious（严重）"));
        }
        int repeatCount = 0;
        String repeat = Inputs.stripped(input.apply("repeatCount"));
        if (repeat != null) {
            try {
                repeatCount = new BigDecimal(repeat).intValueExact();
                if (repeatCount < 0) {
                    violations.add(new FieldViolation("repeatCount", "次数不能为负"));
                }
            } catch (NumberFormatException | ArithmeticException e) {
                violations.add(new FieldViolation("repeatCount", "次数应为整数"));
            }
        }
        throwIfAny(violations);
        String violationCode = Inputs.stripped(input.apply("violationCode"));
        Set<String> others = new LinkedHashSet<>(FormValues.list(input.apply("otherViolationCodes")));
        others.remove(violationCode);
        if ("penalty".equals(Inputs.stripped(input.apply("proposedOutcome"))) && violationCode != null && !others.isEmpty()) {
            fineOnceUnderTheHigherNorm(violationCode, others);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("violationCode", violationCode);
        // kept apart from the form's own tag-list value, which the form must get back unchanged
        facts.put("otherViolationCodesText", String.join(",", others));
        facts.put("circumstanceTier", tier);
        facts.put("repeatCount", repeatCount);
        facts.put("harm", harm);
        facts.put("correctedPromptly", Boolean.TRUE.equals(input.apply("correctedPromptly")));
        facts.put("noSubjectiveFault", Boolean.TRUE.equals(input.apply("noSubjectiveFault")));
        return facts;
    }

    /** 行政处罚法 Art. 29: one act, several norms providing fines — fined once, under the norm with the higher fine. */
    private void fineOnceUnderTheHigherNorm(String violationCode, Set<String> others) {
        Violation chosen = catalogue.byCode(violationCode);
        for (String code : others) {
            Violation other;
            try {
                other = catalogue.byCode(code);
            } catch (NotFoundException e) {
                throw new InvalidInputException("otherViolationCodes", code + " 不在违法行为目录中");
            }
            if (other.getMaxFine() != null && (chosen.getMaxFine() == null
                    || other.getMaxFine().compareTo(chosen.getMaxFine()) > 0)) {
                throw new InvalidInputException("violationCode", "同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚"
                        + "（行政处罚法第二十九条）：应依 " + other.getName() + "（" + code + "，" + other.rangeWithBasis()
                        + "）处罚，而不是 " + chosen.getName() + "（" + chosen.rangeWithBasis() + "）");
            }
        }
    }

    /**
     * Holds the proposal against the results of the tables noPenalty and discretion (each a map of its outputs).
     * Returns whether the head must approve a deviation, and the range as the forms show it. What the case's
     * full-process record must keep (Art. 47: a deviation asked for, a penalty kept where none was possible) goes
     * to {@code record} as a step and its note.
     */
    public Map<String, Object> check(Function<String, Object> input, Map<String, Object> noPenalty,
            Map<String, Object> discretion, BiConsumer<String, String> record) {
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("deviationRequired", false);
        if (!"penalty".equals(Inputs.stripped(input.apply("proposedOutcome")))) {
            return produced;
        }
        if (noPenalty != null && "mustNot".equals(noPenalty.get("noPenalty"))) {
            throw new InvalidInputException("proposedOutcome", "依法应当不予行政处罚：" + noPenalty.get("noPenaltyBasis")
                    + "；请改为拟不予处罚，并对当事人进行教育");
        }
        BigDecimal fine = new BigDecimal(String.valueOf(input.apply("proposedFine")));
        String range = null;
        List<FieldViolation> outside = new ArrayList<>();
        if (discretion != null && discretion.get("maxFine") != null) {
            BigDecimal min = decimal(discretion.get("minFine"));
            BigDecimal max = decimal(discretion.get("maxFine"));
            // the table's note (an example tier, not law) is for the officer and the head; the basis stays a provision
            range = Yuan.text(min) + "–" + Yuan.text(max) + " 元（" + discretion.get("basis") + "）"
                    + (discretion.get("note") == null ? "" : "；说明：" + discretion.get("note"));
            String kinds = String.valueOf(discretion.get("penaltyKinds"));
            if (fine.compareTo(min) < 0 || fine.compareTo(max) > 0) {
                outside.add(new FieldViolation("proposedFine", "拟罚款 " + Yuan.text(fine) + " 元超出裁量基准：" + range));
            }
            if (Boolean.TRUE.equals(input.apply("revocation")) && !kinds.contains("吊销")) {
                outside.add(new FieldViolation("revocation", "裁量基准不允许吊销许可证件或降低资质等级：可选处罚种类为 " + kinds
                        + "（" + discretion.get("basis") + "）"));
            }
            if (Boolean.TRUE.equals(input.apply("suspension")) && !kinds.contains("停业")) {
                outside.add(new FieldViolation("suspension", "裁量基准不允许责令停产停业、关闭或限制从业：可选处罚种类为 " + kinds
                        + "（" + discretion.get("basis") + "）"));
            }
            produced.put("discretionRange", range);
            if (discretion.get("suggestedFine") != null) {
                produced.put("suggestedFine", Yuan.variable(decimal(discretion.get("suggestedFine"))));
            }
        }
        String reason = Inputs.stripped(input.apply("deviationReason"));
        if (!outside.isEmpty() && reason == null) {
            List<FieldViolation> refused = new ArrayList<>(outside);
            refused.add(new FieldViolation("deviationReason", "确需偏离裁量基准的，须写明理由，并经执法部门负责人批准"));
            throw new InvalidInputException(refused);
        }
        if (!outside.isEmpty()) {
            produced.put("deviationRequired", true);
            record.accept("deviationRequested", outside.stream().map(FieldViolation::message)
                    .reduce((a, b) -> a + "；" + b).orElseThrow() + "。偏离理由：" + reason);
        } else if (noPenalty != null && "may".equals(noPenalty.get("noPenalty"))) {
            record.accept("noPenaltyPossible", "可以不予处罚：" + noPenalty.get("noPenaltyBasis") + "；仍拟处罚");
        }
        return produced;
    }

    private static BigDecimal decimal(Object value) {
        return value == null ? BigDecimal.ZERO : new BigDecimal(String.valueOf(value));
    }

    private static void throwIfAny(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
    }
}
