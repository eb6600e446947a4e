package org.sanlian.penalty;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * No penalty under the law (行政处罚法 Art. 33, Art. 57 ¶1 (2)(3); domain.md §2.13, §2.9). The table noPenalty is
 * held against every proposed outcome, not only a penalty: no penalty where the table says a penalty is due is
 * refused unless the handler writes a reason, which the head must approve (偏离裁量基准审批, the same approval
 * Art. 34 asks for a deviation from the benchmark) before the decision. The ground is kept as a fact — no harm
 * (Art. 33 ¶1 first sentence), a first violation with slight harm (¶1 second sentence, 首违不罚), no fault (¶2),
 * an approved reason, or facts not established (Art. 57 ¶1 (3)) — and a no-penalty decision on any ground but the
 * last records the education given (Art. 33 ¶3).
 */
@Service
@Transactional
public class NoPenaltyGrounds {

    private static final Map<String, String> TIERS = Map.of("minor", "轻微", "general", "一般", "serious", "严重");
    private static final Map<String, String> HARMS = Map.of("none", "无", "slight", "轻微", "serious", "严重");

    private final NoPenaltyFactsRepository facts;

    NoPenaltyGrounds(NoPenaltyFactsRepository facts) {
        this.facts = facts;
    }

    public Optional<NoPenaltyFacts> of(String caseNumber) {
        return facts.findById(caseNumber);
    }

    /**
     * The stored proposal ({@code proposedOutcome}) and the report's facts for the tables ({@code input}) held
     * against the result of the table noPenalty. Returns whether the head must approve a reason
     * ({@code deviationRequired}) and the ground as the forms show it; what the full-process record must keep
     * (Art. 47) goes to {@code record}.
     */
    public Map<String, Object> proposed(String caseNumber, Function<String, Object> input, Map<String, Object> table,
            Instant now, BiConsumer<String, String> record) {
        String outcome = (String) input.apply("proposedOutcome");
        String verdict = table == null ? null : (String) table.get("noPenalty");
        String basis = table == null ? null : (String) table.get("noPenaltyBasis");
        String tier = (String) input.apply("circumstanceTier");
        Integer repeatCount = input.apply("repeatCount") == null ? null
                : Integer.valueOf(String.valueOf(input.apply("repeatCount")));
        String harm = (String) input.apply("harm");
        boolean corrected = Boolean.TRUE.equals(input.apply("correctedPromptly"));
        boolean noFault = Boolean.TRUE.equals(input.apply("noSubjectiveFault"));
        String reason = Optional.ofNullable(input.apply("deviationReason")).map(String::valueOf).map(String::strip)
                .filter(s -> !s.isEmpty()).orElse(null);
        NoPenaltyGround ground = null;
        boolean deviationRequired = false;
        if ("notEstablished".equals(outcome)) {
            ground = NoPenaltyGround.NOT_ESTABLISHED;
        } else if ("noPenalty".equals(outcome)) {
            if (verdict == null) {
                throw new IllegalStateException("不予处罚规则表 noPenalty 没有结果：案件 " + caseNumber);
            }
            if (!"punish".equals(verdict)) {
                ground = NoPenaltyGround.valueOf(String.valueOf(table.get("noPenaltyGround")));
            } else if (reason == null) {
                throw new InvalidInputException(List.of(
                        new FieldViolation("proposedOutcome", "依照不予处罚规则表，本案应当给予行政处罚（" + basis + "；"
                                + facts(tier, repeatCount, harm, corrected) + "），不符合行政处罚法第三十三条不予处罚的情形"),
                        new FieldViolation("deviationReason", "确需不予处罚的，须写明理由，并经执法部门负责人批准")));
            } else {
                ground = NoPenaltyGround.APPROVED_REASON;
                deviationRequired = true;
                record.accept("deviationRequested", "不予处罚规则表认为应当处罚（" + facts(tier, repeatCount, harm, corrected)
                        + "），仍拟不予处罚，报负责人审批。理由：" + reason);
            }
        }
        NoPenaltyFacts stored = facts.findById(caseNumber).orElseGet(() -> new NoPenaltyFacts(caseNumber));
        stored.proposed(outcome, verdict, basis, tier, repeatCount, harm, corrected, noFault, ground,
                ground == NoPenaltyGround.APPROVED_REASON ? reason : null, now);
        facts.save(stored);
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("deviationRequired", deviationRequired);
        produced.put("noPenaltyGround", ground == null ? null : ground.name());
        produced.put("noPenaltyGroundText", ground == null ? null : ground.sentence(reason));
        return produced;
    }

    private static String facts(String tier, Integer repeatCount, String harm, boolean corrected) {
        return "情节" + TIERS.getOrDefault(tier, String.valueOf(tier)) + "，12个月内此前同类违法 "
                + Optional.ofNullable(repeatCount).orElse(0) + " 次，危害后果" + HARMS.getOrDefault(harm, String.valueOf(harm))
                + "，" + (corrected ? "已及时改正" : "未及时改正");
    }

    /** The education given (Art. 33 ¶3): its form, its date and the certified officer who gave it. */
    public record Education(EducationForm form, LocalDate on, String officer) {
    }

    /**
     * The head's no-penalty decision on the stored ground: refused when the table said a penalty is due and the
     * head did not approve the written reason ({@code reasonApproved}, stored with the case's penalty), and when
     * the ground calls for education (Art. 33 ¶3) and none is given. Returns the ground and the education as the
     * 不予行政处罚决定书 states them.
     */
    public Map<String, Object> decided(String caseNumber, Education education, boolean reasonApproved, Instant now) {
        NoPenaltyFacts stored = facts.findById(caseNumber).orElseThrow(() -> new InvalidInputException("headDecision",
                "本案没有不予处罚规则表的审查结论，请重新提交案件调查报告（行政处罚法第三十三条）"));
        NoPenaltyGround ground = stored.getGround();
        if (ground == null) {
            throw new InvalidInputException("headDecision", "案件调查报告的拟处理意见不是不予处罚，不能作出不予处罚决定");
        }
        if (ground == NoPenaltyGround.APPROVED_REASON && !reasonApproved) {
            throw new InvalidInputException("headDecision", "依照不予处罚规则表，本案应当给予行政处罚（" + stored.getVerdictBasis()
                    + "）；不予处罚的书面理由未经负责人批准（偏离裁量基准审批），不能作出不予处罚决定");
        }
        if (ground.educationRequired()) {
            List<FieldViolation> missing = new ArrayList<>();
            String article = "（行政处罚法第三十三条第三款：依法不予行政处罚的，应当对当事人进行教育）";
            if (education == null || education.form() == null) {
                missing.add(new FieldViolation("educationForm", "须记录对当事人进行教育的方式" + article));
            }
            if (education == null || education.on() == null) {
                missing.add(new FieldViolation("educatedOn", "须记录进行教育的日期" + article));
            }
            if (education == null || education.officer() == null) {
                missing.add(new FieldViolation("educatedBy", "须选择进行教育的执法人员" + article));
            }
            if (!missing.isEmpty()) {
                throw new InvalidInputException(missing);
            }
            stored.educated(education.form(), education.on(), education.officer(), now);
        }
        Map<String, Object> produced = new LinkedHashMap<>();
        produced.put("noPenaltyGround", ground.name());
        produced.put("noPenaltyGroundText", ground.sentence(stored.getDeviationReason()));
        produced.put("noPenaltyArticles", ground.articles());
        // written even when empty: the copies the decision shows are the stored ones, never a submitted value
        boolean educated = ground.educationRequired();
        produced.put("educationFormText", educated ? education.form().chineseName() : null);
        produced.put("educatedOn", educated ? education.on().toString() : null);
        produced.put("educatedBy", educated ? education.officer() : null);
        return produced;
    }
}
