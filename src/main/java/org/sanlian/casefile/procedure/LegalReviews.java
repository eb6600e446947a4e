package org.sanlian.casefile.procedure;

import java.util.List;
import java.util.Optional;
import org.sanlian.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case's 法制审核 as the domain records them (行政处罚法 Art. 58): what the rule table legalReviewRequired decided,
 * what the reviewer concluded, and the rule that follows from it — no decision without a passed review where one is
 * required ("未经法制审核或者审核未通过的，不得作出决定").
 */
@Service
@Transactional
public class LegalReviews {

    /** The stage a review that did not pass sends the case back to (the reviewer names it). */
    public enum ReturnStage {
        investigate("调查取证"), investigationReport("案件调查报告");

        private final String chineseName;

        ReturnStage(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }

        static List<String> names() {
            return java.util.Arrays.stream(values()).map(Enum::name).toList();
        }
    }

    private final LegalReviewRepository reviews;
    private final ProcedureFacts facts;

    LegalReviews(LegalReviewRepository reviews, ProcedureFacts facts) {
        this.reviews = reviews;
        this.facts = facts;
    }

    /** The table legalReviewRequired decided whether this review is required; kept with the case. */
    public void requirementDecided(String caseNumber, LegalReview.Kind kind, boolean required) {
        reviews.save(new LegalReview(caseNumber, kind, required, facts.now()));
    }

    /** The reviewer's outcome, on the review the table asked for (or a new one when the step ran without it). */
    LegalReview reviewed(String caseNumber, LegalReview.Kind kind, LegalReview.Outcome outcome, String opinion,
            ReturnStage returnStage, String actor) {
        LegalReview review = latest(caseNumber)
                .filter(r -> r.getKind() == kind && r.getOutcome() == null)
                .orElseGet(() -> reviews.save(new LegalReview(caseNumber, kind, true, facts.now())));
        review.reviewed(outcome, opinion, returnStage == null ? null : returnStage.name(), actor, facts.now());
        return review;
    }

    @Transactional(readOnly = true)
    public Optional<LegalReview> latest(String caseNumber) {
        return reviews.findByCaseNumberOrderByIdDesc(caseNumber).stream().findFirst();
    }

    /**
     * The review that sent the case back (退回补充调查, or after a hearing 审核不通过), while it is the case's last
     * concluded review: what the officers must answer in 调查取证 and 案件调查报告, and what the reviewer reads again
     * in the next 法制审核. Empty once a later review has passed the case, or when none sent it back.
     */
    @Transactional(readOnly = true)
    public Optional<LegalReview> unansweredSendBack(String caseNumber) {
        return reviews.findByCaseNumberOrderByIdDesc(caseNumber).stream().filter(r -> r.getOutcome() != null)
                .findFirst().filter(r -> r.getOutcome() != LegalReview.Outcome.PASSED);
    }

    /** Art. 58: the head decides only when the case's latest review, if required, passed. */
    @Transactional(readOnly = true)
    public void requirePassedBeforeDecision(String caseNumber, String field) {
        latest(caseNumber).filter(review -> !review.allowsDecision()).ifPresent(review -> {
            throw new InvalidInputException(field, review.getOutcome() == null
                    ? "本案须经法制审核，审核尚未完成，不得作出决定（行政处罚法第五十八条）"
                    : "本案法制审核结论为“" + review.getOutcome().chineseName() + "”"
                            + (review.getOpinion() == null ? "" : "（" + review.getOpinion() + "）")
                            + "，审核未通过的，不得作出决定（行政处罚法第五十八条）");
        });
    }
}
