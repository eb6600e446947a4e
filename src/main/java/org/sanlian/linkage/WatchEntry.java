package org.sanlian.linkage;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A plate or party seen in illegal operation (非法营运), listed by transport or the traffic police. */
@Entity
@Table(name = "linkage_watch")
public class WatchEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plate_number")
    private String plateNumber;

    @Column(name = "party_name", nullable = false)
    private String partyName;

    @Column(nullable = false)
    private String reason;

    private String reference;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "listed_by")
    private String listedBy;

    @Column(name = "listed_at", nullable = false)
    private Instant listedAt;

    protected WatchEntry() {
    }

    WatchEntry(String plateNumber, String partyName, String reason, String reference, String organisationCode,
            String listedBy, Instant listedAt) {
        this.plateNumber = plateNumber;
        this.partyName = partyName;
        this.reason = reason;
        this.reference = reference;
        this.organisationCode = organisationCode;
        this.listedBy = listedBy;
        this.listedAt = listedAt;
    }

    public String getPlateNumber() {
        return plateNumber;
    }

    public String getPartyName() {
        return partyName;
    }

    public String getReason() {
        return reason;
    }

    public String getReference() {
        return reference;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public String getListedBy() {
        return listedBy;
    }

    public Instant getListedAt() {
        return listedAt;
    }
}
