package org.sanlian.lead;

/** The states of a lead in leadIntake. */
public enum LeadStatus {
    REGISTERED("已登记"),
    VERIFIED("已核查"),
    FILED("已立案"),
    NOT_FILED("不予立案"),
    TRANSFERRED("已移送管辖"),
    CRIME_TRANSFERRED("涉嫌犯罪移送"),
    /** An event, not a state: another body registered the same act; its registration was merged into this lead. */
    MERGED("重复登记已并入"),
    /** An event, not a state: a step of a jurisdiction matter (refusal, designation) concerning the lead. */
    JURISDICTION("管辖事项");

    private final String chineseName;

    LeadStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
