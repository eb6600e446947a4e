package org.sanlian.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The last value handed out of one series; its row is locked while a number is allocated. */
@Entity
@Table(name = "case_number_sequence")
class CaseNumberSequence {

    @Embeddable
    record Key(@Column(name = "organisation_code") String organisationCode,
            @Column(name = "number_year") int year,
            @Enumerated(EnumType.STRING) @Column(name = "number_type") NumberType type) implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "last_value", nullable = false)
    private long lastValue;

    protected CaseNumberSequence() {
    }

    long next() {
        return ++lastValue;
    }
}
