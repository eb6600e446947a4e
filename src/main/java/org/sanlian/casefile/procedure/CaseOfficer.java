package org.sanlian.casefile.procedure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An officer of a case in a role: investigator (Art. 42) or the hearing's presider (Art. 64(4)). */
@Entity
@Table(name = "case_officer")
public class CaseOfficer {

    public enum Role { INVESTIGATOR, PRESIDER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_number", nullable = false)
    private String caseNumber;
    @Column(name = "user_id", nullable = false)
    private String userId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;
    @Column(name = "recusal_requested", nullable = false)
    private boolean recusalRequested;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected CaseOfficer() {
    }

    CaseOfficer(String caseNumber, String userId, Role role, boolean recusalRequested, String recordedBy,
            Instant recordedAt) {
        this.caseNumber = caseNumber;
        this.userId = userId;
        this.role = role;
        this.recusalRequested = recusalRequested;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public String getCaseNumber() {
        return caseNumber;
    }

    public String getUserId() {
        return userId;
    }

    public Role getRole() {
        return role;
    }

    public boolean isRecusalRequested() {
        return recusalRequested;
    }
}
