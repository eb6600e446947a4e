package org.sanlian.linkage;

/**
 * What a hand-over or a joint-operation finding is about. The DMN {@code competentBody} routes each to the
 * body that decides it (domain.md §1, "who decides what in a joint patrol").
 */
public enum Matter {
    illegalOperation("非法营运（未取得道路运输经营许可）"),
    passengerTransport("旅客运输违规"),
    dangerousGoods("危险货物运输违规"),
    taxi("巡游出租汽车或网约车违规"),
    overLimit("超限运输"),
    ratedLoadOverload("超载（超过核定载客或载质量）"),
    suspectedCrime("涉嫌犯罪"),
    other("其他");

    private final String chineseName;

    Matter(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }
}
