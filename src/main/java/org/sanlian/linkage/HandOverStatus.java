package org.sanlian.linkage;

/** Where a hand-over (移交) stands; every change is kept in its record. */
enum HandOverStatus {
    HANDED_OVER("已移交"),
    ACCEPTED("已接收"),
    RETURNED("已退回"),
    WITHDRAWN("已撤回"),
    CONCLUDED("已反馈处理结果");

    private final String chineseName;

    HandOverStatus(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
