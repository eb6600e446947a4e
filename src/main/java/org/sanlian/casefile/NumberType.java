package org.sanlian.casefile;

/** The number series an organisation keeps (domain.md §3.3): one sequence per organisation, year and type. */
public enum NumberType {
    FILING("立"),
    PENALTY_DECISION("罚"),
    ON_THE_SPOT_DECISION("简"),
    NO_PENALTY_DECISION("不罚"),
    SERVICE("送");

    private final String character;

    NumberType(String character) {
        this.character = character;
    }

    /** The type character in the number, e.g. 立 in 庆交执西立〔2026〕15号. */
    public String character() {
        return character;
    }
}
