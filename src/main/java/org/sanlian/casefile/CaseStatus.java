package org.sanlian.casefile;

/** Where a filed case stands. */
public enum CaseStatus {
    FILED("已立案"),
    DECIDED("已作出决定"),
    CRIME_TRANSFERRED("已移送司法机关"),
    TRANSFERRED("已移送管辖"),
    CLOSED("已结案"),
    ARCHIVED("已归档");

    private final String chineseName;

    CaseStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /**
     * Whether the case is still being handled, so its file may still grow (evidence, services): a closed, archived or
     * transferred file does not change (一案一卷, 行政处罚法 Art. 47).
     */
    public boolean fileOpen() {
        return this == FILED || this == DECIDED;
    }
}
