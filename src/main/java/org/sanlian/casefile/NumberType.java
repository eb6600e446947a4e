package org.sanlian.casefile;

/** The number series an organisation keeps (domain.md §3.3): one sequence per organisation, year and type. */
public enum NumberType {
    FILING("立"),
    PENALTY_DECISION("罚"),
    ON_THE_SPOT_DECISION("简"),
    NO_PENALTY_DECISION("不罚"),
    SERVICE("送"),
    // the documents of 先行登记保存 and 扣押, each of which quotes the case number (domain.md §3.3): their
    // characters are a local choice, as the type characters above are
    EVIDENCE_PRESERVATION_LIST("保存"),
    PRESERVATION_RELEASE("解保"),
    COERCIVE_MEASURE_DECISION("强制"),
    COERCIVE_MEASURE_EXTENSION("延期"),
    COERCIVE_MEASURE_RELEASE("解强");

    private final String character;

    NumberType(String character) {
        this.character = character;
    }

    /** The type character in the number, e.g. 立 in 庆交执西立〔2026〕15号. */
    public String character() {
        return character;
    }
}
