package org.sanlian.inspection;

/** Risk grade of a regulated enterprise: the strata of the target draw (国办发〔2015〕58号, domain.md §5). */
public enum RiskGrade {
    HIGH("高风险"),
    MEDIUM("中风险"),
    LOW("低风险");

    private final String chineseName;

    RiskGrade(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
