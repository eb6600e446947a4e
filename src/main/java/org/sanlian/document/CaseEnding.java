package org.sanlian.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a filed case ended (domain.md §2.4, §2.14), and which documents its file must then hold before it may be
 * closed and archived. A requirement is either a document of a kind, or the 送达回证 of one (the document was
 * served). Steps taken only in some cases (legal review, hearing, collective discussion, reminder) are required
 * when the case went through them.
 */
public enum CaseEnding {
    PENALTY("作出行政处罚决定"),
    NO_PENALTY("不予行政处罚"),
    CRIME_TRANSFER("涉嫌犯罪移送司法机关");

    /** One thing the file must hold: the document of {@code kind}, or the service receipt of {@code served}. */
    public record Requirement(DocumentKind kind, DocumentKind served) {

        static Requirement document(DocumentKind kind) {
            return new Requirement(kind, null);
        }

        static Requirement serviceOf(DocumentKind served) {
            return new Requirement(DocumentKind.SERVICE_RECEIPT, served);
        }

        public String name() {
            return served == null ? kind.title() : served.title() + "的送达回证（送达记录）";
        }
    }

    private final String chineseName;

    CaseEnding(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /**
     * The ending the case's proposed outcome leads to (Art. 57: penalty, no penalty, not established, crime), or none
     * when the variables hold no outcome or one this enum does not know: the file of such a case cannot be judged
     * (it was taken for a 不予处罚 one, and a case whose outcome was lost would have been closed as one).
     */
    public static Optional<CaseEnding> of(Map<String, Object> variables) {
        Object outcome = variables.get("proposedOutcome");
        if (!(outcome instanceof String value)) {
            return Optional.empty();
        }
        return switch (value) {
            case "penalty" -> Optional.of(PENALTY);
            case "noPenalty", "notEstablished" -> Optional.of(NO_PENALTY);
            case "crimeTransfer" -> Optional.of(CRIME_TRANSFER);
            default -> Optional.empty();
        };
    }

    /** What the file of a case that ended this way must hold, in the order of the file. */
    public List<Requirement> requirements(Map<String, Object> variables, boolean withClosureReport) {
        List<Requirement> required = new ArrayList<>();
        required.add(Requirement.document(DocumentKind.FILING_FORM));
        required.add(Requirement.document(DocumentKind.INVESTIGATION_REPORT));
        if (Boolean.TRUE.equals(variables.get("legalReviewRequired"))) {
            required.add(Requirement.document(DocumentKind.LEGAL_REVIEW_OPINION));
        }
        switch (this) {
            case PENALTY -> {
                required.add(Requirement.document(DocumentKind.PRE_PENALTY_NOTICE));
                // the notice was served before the decision (行政处罚法 Arts. 44, 62): its 送达回证 is in the file
                required.add(Requirement.serviceOf(DocumentKind.PRE_PENALTY_NOTICE));
                if (Boolean.TRUE.equals(variables.get("hearingRequested"))) {
                    required.add(Requirement.document(DocumentKind.HEARING_NOTICE));
                    // served 7 working days before the hearing (行政处罚法 Art. 64(2)): the file shows when and to whom
                    required.add(Requirement.serviceOf(DocumentKind.HEARING_NOTICE));
                }
                if (Boolean.TRUE.equals(variables.get("partyAttended"))) {
                    required.add(Requirement.document(DocumentKind.HEARING_RECORD));
                }
                if (Boolean.TRUE.equals(variables.get("collectiveDiscussionRequired"))) {
                    required.add(Requirement.document(DocumentKind.COLLECTIVE_DISCUSSION));
                }
                required.add(Requirement.document(DocumentKind.PENALTY_DECISION));
                required.add(Requirement.serviceOf(DocumentKind.PENALTY_DECISION));
                if (variables.get("reminderServedOn") != null) {
                    required.add(Requirement.document(DocumentKind.REMINDER));
                }
            }
            case NO_PENALTY -> {
                required.add(Requirement.document(DocumentKind.NO_PENALTY_DECISION));
                required.add(Requirement.serviceOf(DocumentKind.NO_PENALTY_DECISION));
            }
            case CRIME_TRANSFER -> required.add(Requirement.document(DocumentKind.CRIME_TRANSFER_LETTER));
        }
        if (withClosureReport && this != CRIME_TRANSFER) {
            required.add(Requirement.document(DocumentKind.CLOSURE_REPORT));
        }
        return required;
    }
}
