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
}
