package org.sanlian.casefile.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A vehicle involved in a case, by its plate. */
@Entity
@Table(name = "case_vehicle")
public class CaseVehicle {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Column(name = "plate_number", nullable = false)
    private String plateNumber;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CaseVehicle() {
    }

    CaseVehicle(String caseNumber, String plateNumber, String recordedBy, Instant recordedAt) {
        this.caseNumber = caseNumber;
        this.plateNumber = plateNumber;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getPlateNumber() {
        return plateNumber;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
