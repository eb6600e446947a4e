package org.sanlian.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A body of the pilot. Its code doubles as the id of its Camunda group, so it holds only letters and
 * digits (Camunda's id whitelist).
 */
@Entity
@Table(name = "organisation")
public class Organisation {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrganisationKind kind;

    /** Administrative division code (GB/T 2260) of the area the body is competent for. */
    @Column(name = "area_code", nullable = false)
    private String areaCode;

    @Column(name = "parent_code")
    private String parentCode;

    protected Organisation() {
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public OrganisationKind getKind() {
        return kind;
    }

    public String getAreaCode() {
        return areaCode;
    }

    public String getParentCode() {
        return parentCode;
    }

    public boolean isEnforcementBody() {
        return kind == OrganisationKind.ENFORCEMENT_CITY || kind == OrganisationKind.ENFORCEMENT_DISTRICT
                || kind == OrganisationKind.ENFORCEMENT_COUNTY;
    }
}
