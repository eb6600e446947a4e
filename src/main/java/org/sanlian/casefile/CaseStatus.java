package org.sanlian.casefile;

/** Where a filed case stands. */
public enum CaseStatus {
    FILED("已立案"),
    INVESTIGATING("调查取证"),
    CLOSED("已结案"),
    ARCHIVED("已归档");

    private final String chineseName;

    CaseStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
