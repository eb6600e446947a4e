package org.sanlian.penalty;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** One provision of the violation catalogue (domain.md §4.2) with its statutory fine range. */
@Entity
@Table(name = "violation")
public class Violation {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String sector;

    @Column(name = "violated_clause", nullable = false)
    private String violatedClause;

    @Column(name = "penalty_clause", nullable = false)
    private String penaltyClause;

    /** Lowest fine in yuan; null when the law sets only a maximum ("up to"). */
    @Column(name = "min_fine")
    private BigDecimal minFine;

    /** Highest fine in yuan; null when the range is not a fixed amount (multiples, percentages). */
    @Column(name = "max_fine")
    private BigDecimal maxFine;

    @Column(name = "penalty_kinds", nullable = false)
    private String penaltyKinds;

    @Column(name = "range_note")
    private String rangeNote;

    @Column(nullable = false)
    private String confidence;

    /** Amounts that are illustrative, not law (domain.md §4.2). */
    @Column(nullable = false)
    private boolean illustrative;

    /** First day the provision read so (施行之日); null: in force before any act on record. */
    @Column(name = "valid_from")
    private LocalDate validFrom;

    /** Last day the provision read so (修改或废止前一日); null: still in force. */
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected Violation() {
    }

    /** The provision applies to an act of this date (行政处罚法 Art. 37: the law at the time of the act). */
    public boolean isValidOn(LocalDate date) {
        return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
    }

    /** The period the row is valid, as officers read it: "2019-06-01 至今", "自始至 2022-04-30". */
    public String validityText() {
        return (validFrom == null ? "自始" : validFrom.toString()) + " 至 " + (validTo == null ? "今" : validTo.toString());
    }

    void update(String name, String penaltyClause, BigDecimal minFine, BigDecimal maxFine, String penaltyKinds,
            String rangeNote, boolean illustrative) {
        this.name = name;
        this.penaltyClause = penaltyClause;
        this.minFine = minFine;
        this.maxFine = maxFine;
        this.penaltyKinds = penaltyKinds;
        this.rangeNote = rangeNote;
        this.illustrative = illustrative;
    }

    /** The statutory range as officers read it, e.g. "10000–100000 元（道路运输条例第六十三条第（二）项）". */
    public String rangeWithBasis() {
        // a row with only a minimum is refused on update, but one stored before that check must still read
        String range;
        if (minFine == null) {
            range = maxFine == null ? "不以固定金额计" : "不超过 " + Yuan.text(maxFine) + " 元";
        } else {
            range = maxFine == null ? "不低于 " + Yuan.text(minFine) + " 元" : Yuan.text(minFine) + "–" + Yuan.text(maxFine) + " 元";
        }
        return range + "（" + penaltyClause + "）";
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getSector() {
        return sector;
    }

    public String getViolatedClause() {
        return violatedClause;
    }

    public String getPenaltyClause() {
        return penaltyClause;
    }

    public BigDecimal getMinFine() {
        return minFine;
    }

    public BigDecimal getMaxFine() {
        return maxFine;
    }

    public String getPenaltyKinds() {
        return penaltyKinds;
    }

    public String getRangeNote() {
        return rangeNote;
    }

    public String getConfidence() {
        return confidence;
    }

    public LocalDate getValidFrom() {
        return validFrom;
    }

    public LocalDate getValidTo() {
        return validTo;
    }

    public boolean isIllustrative() {
        return illustrative;
    }
}
