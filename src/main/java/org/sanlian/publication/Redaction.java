package org.sanlian.publication;

/**
 * What of a party a published decision shows (行政处罚法 Art. 48: publication must not disclose personal
 * information beyond what the law requires; 个人信息保护法 Art. 28 treats the ID number as sensitive). A natural
 * person appears by surname only, the rest of the name masked; the ID number and the address are never published.
 * An organisation keeps its name and its unified social credit code, which are public register data.
 */
final class Redaction {

    private Redaction() {
    }

    public enum PartyKind { PERSON, ORGANISATION }

    public record PublishedParty(PartyKind kind, String name, String creditCode) {
    }

    public static PublishedParty of(PartyKind kind, String name, String idNumber) {
        if (kind == PartyKind.ORGANISATION) {
            return new PublishedParty(kind, name, idNumber);
        }
        return new PublishedParty(PartyKind.PERSON, maskPersonName(name), null);
    }

    /** 张三丰 → 张**: the first character (the surname, or the first of a compound surname) and one * per other. */
    static String maskPersonName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            return "*";
        }
        int first = trimmed.offsetByCodePoints(0, 1);
        int rest = trimmed.codePointCount(first, trimmed.length());
        return trimmed.substring(0, first) + "*".repeat(Math.max(1, rest));
    }
}
