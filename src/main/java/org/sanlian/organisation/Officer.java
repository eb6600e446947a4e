package org.sanlian.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person who works in Sanlian: the Camunda user plus what the law asks of an officer. */
@Entity
@Table(name = "officer")
public class Officer {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    /** Enforcement certificate (行政执法证件) number; only officers who hold one may investigate (行政处罚法 Art. 42). */
    @Column(name = "certificate_number")
    private String certificateNumber;

    protected Officer() {
    }

    public Officer(String userId, String displayName, String organisationCode, Role role, String certificateNumber) {
        this.userId = userId;
        this.displayName = displayName;
        this.organisationCode = organisationCode;
        this.role = role;
        this.certificateNumber = certificateNumber;
    }

    public String getUserId() {
        return userId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public Role getRole() {
        return role;
    }

    public String getCertificateNumber() {
        return certificateNumber;
    }
}
