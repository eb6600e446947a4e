package org.sanlian.inspection;

/** The outcome of one checklist item. */
enum ItemResult {
    PASS("合格"),
    FAIL("不合格"),
    NOT_APPLICABLE("不适用");

    private final String chineseName;

    ItemResult(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
