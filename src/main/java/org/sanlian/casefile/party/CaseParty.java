package org.sanlian.casefile.party;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The party of a case: a citizen (公民) or an organisation (法人或其他组织), named by a checked identifier. */
@Entity
@Table(name = "case_party")
public class CaseParty {

    public enum Kind { PERSON, ORGANISATION }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_number", nullable = false)
    private String caseNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(nullable = false)
    private String name;

    @Column(name = "id_number")
    private String idNumber;

    private String address;

    private String phone;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CaseParty() {
    }

    CaseParty(String caseNumber, String name) {
        this.caseNumber = caseNumber;
        this.name = name;
    }

    void describe(Kind kind, String idNumber, String address, String phone, String recordedBy, Instant recordedAt) {
        this.kind = kind;
        this.idNumber = idNumber;
        this.address = address;
        this.phone = phone;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public Kind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    public String getIdNumber() {
        return idNumber;
    }

    public String getAddress() {
        return address;
    }

    public String getPhone() {
        return phone;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
