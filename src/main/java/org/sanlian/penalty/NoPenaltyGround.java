package org.sanlian.penalty;

/**
 * Why no penalty is imposed (行政处罚法 Art. 33, Art. 57 ¶1 (2)(3); domain.md §2.13), as the 不予行政处罚决定书 states
 * it: the sentence after "本机关认为，" and the articles it rests on. The table noPenalty gives the ground of a
 * proposal it allows; a proposal the table would punish has a ground only when the head approves its written reason.
 */
public enum NoPenaltyGround {
    /** Art. 33 ¶2. */
    NO_FAULT("当事人有证据足以证明没有主观过错", "《中华人民共和国行政处罚法》第三十三条第二款", true),
    /** Art. 33 ¶1, first sentence: must not be punished. */
    NO_HARM("当事人违法行为轻微并及时改正，没有造成危害后果",
            "《中华人民共和国行政处罚法》第三十三条第一款、第五十七条第一款第二项", true),
    /** Art. 33 ¶1, second sentence (首违不罚): may be left unpunished. */
    FIRST_SLIGHT_HARM("当事人系初次违法，且危害后果轻微并及时改正",
            "《中华人民共和国行政处罚法》第三十三条第一款、第五十七条第一款第二项", true),
    /** The table would punish; the head approved the handler's written reason (偏离裁量基准审批). */
    APPROVED_REASON("经本机关负责人批准", "《中华人民共和国行政处罚法》第五十七条第一款第二项", true),
    /** Art. 57 ¶1 (3): there is no violation to educate about. */
    NOT_ESTABLISHED("违法事实不能成立", "《中华人民共和国行政处罚法》第五十七条第一款第三项", false);

    private final String sentence;
    private final String articles;
    private final boolean educationRequired;

    NoPenaltyGround(String sentence, String articles, boolean educationRequired) {
        this.sentence = sentence;
        this.articles = articles;
        this.educationRequired = educationRequired;
    }

    /** The ground as the decision states it; an approved reason is quoted. */
    public String sentence(String approvedReason) {
        return this == APPROVED_REASON ? approvedReason + "（" + sentence + "）" : sentence;
    }

    public String articles() {
        return articles;
    }

    /** Art. 33 ¶3: whoever is not punished under the law is educated. */
    public boolean educationRequired() {
        return educationRequired;
    }
}
