package org.sanlian.casefile.evidence;

/** The kinds of evidence of 行政处罚法 Art. 46. */
public enum EvidenceType {
    DOCUMENTARY("书证"),
    PHYSICAL("物证"),
    AUDIOVISUAL("视听资料"),
    ELECTRONIC_DATA("电子数据"),
    WITNESS_TESTIMONY("证人证言"),
    PARTY_STATEMENT("当事人的陈述"),
    EXPERT_OPINION("鉴定意见"),
    INSPECTION_RECORD("勘验笔录、现场笔录");

    private final String chineseName;

    EvidenceType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
