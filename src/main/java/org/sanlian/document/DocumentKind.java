package org.sanlian.document;

import org.sanlian.casefile.NumberType;

/**
 * The enforcement documents Sanlian produces (domain.md §3.1: the MOT annex to 9号令, template number given;
 * §3.2: documents used in practice, no number), where each goes in the case file (正卷 / 副卷, §2.14) and in
 * what order. The order follows §2.14: 正卷 = filing form, decision, other documents to the party, service
 * receipts, hearing and inquiry records, evidence; 副卷 = investigation report and approvals, review opinions,
 * collective discussion, closure report.
 */
public enum DocumentKind {
    FILING_FORM("立案登记表", 1, Volume.MAIN, 10),
    PENALTY_DECISION("行政处罚决定书", 15, Volume.MAIN, 20),
    ON_THE_SPOT_DECISION("当场行政处罚决定书", 14, Volume.MAIN, 19),
    NO_PENALTY_DECISION("不予行政处罚决定书", null, Volume.MAIN, 21),
    CRIME_TRANSFER_LETTER("涉嫌犯罪案件移送书", null, Volume.MAIN, 22),
    PRE_PENALTY_NOTICE("违法行为通知书", 11, Volume.MAIN, 30),
    HEARING_NOTICE("听证通知书", 12, Volume.MAIN, 31),
    INSTALMENT_NOTICE("分期（延期）缴纳罚款通知书", 17, Volume.MAIN, 32),
    REMINDER("催告书", 19, Volume.MAIN, 33),
    EVIDENCE_PRESERVATION_LIST("证据登记保存清单", 6, Volume.MAIN, 34),
    PRESERVATION_RELEASE("解除证据登记保存决定书", 7, Volume.MAIN, 35),
    COERCIVE_MEASURE_DECISION("行政强制措施决定书", 8, Volume.MAIN, 36),
    COERCIVE_MEASURE_EXTENSION("延长行政强制措施期限通知书", 9, Volume.MAIN, 37),
    COERCIVE_MEASURE_RELEASE("解除行政强制措施决定书", 10, Volume.MAIN, 38),
    SERVICE_RECEIPT("送达回证", 23, Volume.MAIN, 40),
    HEARING_RECORD("听证笔录", 13, Volume.MAIN, 50),
    INVESTIGATION_REPORT("案件调查报告", null, Volume.SUB, 70),
    LEGAL_REVIEW_OPINION("法制审核意见书", null, Volume.SUB, 71),
    COLLECTIVE_DISCUSSION("重大案件集体讨论记录", null, Volume.SUB, 72),
    CLOSURE_REPORT("结案报告", 24, Volume.SUB, 90);

    /** 正卷 holds what was decided and served; 副卷 the internal deliberation (domain.md §2.14). */
    public enum Volume {
        MAIN("正卷"), SUB("副卷");

        private final String chineseName;

        Volume(String chineseName) {
            this.chineseName = chineseName;
        }

        public String chineseName() {
            return chineseName;
        }
    }

    private final String title;
    private final Integer motTemplate;
    private final Volume volume;
    private final int order;

    DocumentKind(String title, Integer motTemplate, Volume volume, int order) {
        this.title = title;
        this.motTemplate = motTemplate;
        this.volume = volume;
        this.order = order;
    }

    public String title() {
        return title;
    }

    /** The number of the template in the 9号令 annex, or null for a §3.2 document. */
    public Integer motTemplate() {
        return motTemplate;
    }

    public Volume volume() {
        return volume;
    }

    /** Position in the case file: 正卷 before 副卷, then this order. */
    public int order() {
        return order;
    }

    /**
     * Whether the document is served on the party (送达, 行政处罚法 Art. 61 and the decisions and notices it names):
     * the 送达回证 itself, the 移送书 (delivered to the police with their receipt, 移送规定 Art. 8) and the internal
     * records are not. The documents of a preservation or a seizure are handed to the party too (行政处罚法 Art. 56;
     * 行政强制法 Arts. 24, 25, 28).
     */
    public boolean servedOnParty() {
        return switch (this) {
            case PENALTY_DECISION, NO_PENALTY_DECISION, PRE_PENALTY_NOTICE, HEARING_NOTICE, INSTALMENT_NOTICE,
                    REMINDER, EVIDENCE_PRESERVATION_LIST, PRESERVATION_RELEASE, COERCIVE_MEASURE_DECISION,
                    COERCIVE_MEASURE_EXTENSION, COERCIVE_MEASURE_RELEASE -> true;
            default -> false;
        };
    }

    /**
     * Which document of its kind a step's document is — a new version of the same one, or another one beside it. The
     * 听证后法制审核 writes a 法制审核意见书 of its own (行政处罚法 Arts. 58, 65): filed as a new version of the first
     * review's, it left the first out of the archived volume, which keeps the newest version of each (found in
     * Chromium). The documents of 先行登记保存 and of 扣押 belong to their measure, known by the day it was taken (the
     * step's {@code preservedOn}, {@code seizedOn}): a case may take a second one after the first was released, and
     * the second's list or decision is a document of its own, with its own 文号 (domain.md §3.3) — made as a new
     * version of the first, it took the first's number and left the first out of the archived volume. Every other
     * step's document is the one of its kind.
     */
    public static String subjectOf(DocumentKind kind, String step, java.util.Map<String, Object> variables) {
        return switch (kind) {
            case LEGAL_REVIEW_OPINION -> "hearingLegalReview".equals(step) ? "afterHearing" : "";
            case EVIDENCE_PRESERVATION_LIST, PRESERVATION_RELEASE -> measure("先行登记保存", variables.get("preservedOn"));
            case COERCIVE_MEASURE_DECISION, COERCIVE_MEASURE_EXTENSION, COERCIVE_MEASURE_RELEASE ->
                    measure("扣押", variables.get("seizedOn"));
            default -> "";
        };
    }

    private static String measure(String name, Object takenOn) {
        return takenOn instanceof String day && !day.isBlank() ? name + " " + day.strip() : "";
    }

    /**
     * Whether the document belongs to an on-the-spot case (简易程序), which has no case file: it is kept and found
     * under the lead number, the on-the-spot case's reference (as its full-process record is), and read with the
     * lead's access rule. The 当场行政处罚决定书 is handed to the party in its step (行政处罚法 Art. 52), not served.
     */
    public boolean keyedByLead() {
        return this == ON_THE_SPOT_DECISION;
    }

    /**
     * Whether each version of the document is an act of its own that the archived file keeps: every 法制审核 writes its
     * opinion, and one that sent the case back for more investigation (行政处罚法 Art. 58; 9号令 on the file's
     * contents) is part of the record as much as the one that passed it. A newer version of any other document
     * replaces the older (the same notice or decision made again).
     */
    public boolean eachVersionFiled() {
        return this == LEGAL_REVIEW_OPINION;
    }

    /**
     * The variable that dates a notice issued before its step was recorded — written out on paper on the spot and
     * served, the step filled in later: the copy in the file bears the day the party was given (违法行为通知书, 听证通知书;
     * 行政处罚法 Arts. 44, 64(2); set by the step's rule from its form's 通知书落款日期). Empty for other documents, and
     * when it is not set the document is dated the day its step asked for it.
     */
    public java.util.Optional<String> issueDateField() {
        return switch (this) {
            case PRE_PENALTY_NOTICE -> java.util.Optional.of("noticeDatedOn");
            case HEARING_NOTICE -> java.util.Optional.of("hearingNoticeDatedOn");
            default -> java.util.Optional.empty();
        };
    }

    /**
     * The series a document of this kind takes its own 文号 from when it is made (domain.md §3.3: a separate sequence
     * for each document type that quotes the case number), or null: the documents of 先行登记保存 and 扣押 are numbered
     * here, the decisions by the rule that decides them (罚, 不罚, 简), the other documents go by the case number.
     */
    public NumberType ownSeries() {
        return switch (this) {
            case EVIDENCE_PRESERVATION_LIST -> NumberType.EVIDENCE_PRESERVATION_LIST;
            case PRESERVATION_RELEASE -> NumberType.PRESERVATION_RELEASE;
            case COERCIVE_MEASURE_DECISION -> NumberType.COERCIVE_MEASURE_DECISION;
            case COERCIVE_MEASURE_EXTENSION -> NumberType.COERCIVE_MEASURE_EXTENSION;
            case COERCIVE_MEASURE_RELEASE -> NumberType.COERCIVE_MEASURE_RELEASE;
            default -> null;
        };
    }

    /** The template file, e.g. penalty-decision.html. */
    public String templateName() {
        return name().toLowerCase().replace('_', '-') + ".html";
    }
}
