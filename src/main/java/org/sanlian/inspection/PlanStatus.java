package org.sanlian.inspection;

/** Where a joint inspection plan stands. */
enum PlanStatus {
    DRAWN("已抽取，待审批"),
    REJECTED("未批准"),
    PUBLISHED("计划和抽取结果已公示"),
    INSPECTED("检查结束，待公示结果"),
    RESULTS_PUBLISHED("检查结果已公示");

    private final String chineseName;

    PlanStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
