package org.sanlian.organisation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A body of the enforcement network, as configured (sanlian.organisation.bodies). Its code doubles as the id of its Camunda group, so it holds only letters and
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

    /** Abbreviation that opens the organisation's document numbers, e.g. 庆交执西. */
    @Column(name = "number_prefix")
    private String numberPrefix;

    /** Its number format; placeholders {prefix} {type} {year} {seq}; empty = {@link #DEFAULT_NUMBER_FORMAT}. */
    @Column(name = "number_format")
    private String numberFormat;

    /** domain.md §3.3: 庆交执罚〔2026〕15号 — year in 〔〕, sequence without leading zeros (GB/T 9704-2012). */
    public static final String DEFAULT_NUMBER_FORMAT = "{prefix}{type}〔{year}〕{seq}号";

    protected Organisation() {
    }

    /** A body as configured (sanlian.organisation.bodies); its numbering is the administrator's from then on. */
    Organisation(String code, String name, OrganisationKind kind, String areaCode, String parentCode,
            String numberPrefix) {
        this.code = code;
        configured(name, kind, areaCode, parentCode);
        this.numberPrefix = numberPrefix;
    }

    /** Takes what the configuration says of the body (its name, kind, area and place in the network). */
    void configured(String name, OrganisationKind kind, String areaCode, String parentCode) {
        this.name = name;
        this.kind = kind;
        this.areaCode = areaCode;
        this.parentCode = parentCode;
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

    public String getNumberPrefix() {
        return numberPrefix == null ? code : numberPrefix;
    }

    public String getNumberFormat() {
        return numberFormat == null || numberFormat.isBlank() ? DEFAULT_NUMBER_FORMAT : numberFormat;
    }

    public boolean isEnforcementBody() {
        return kind.isEnforcement();
    }

    /** The administrator sets the number prefix and format (domain.md §3.3); numbers already given keep theirs. */
    void numbering(String prefix, String format) {
        this.numberPrefix = prefix;
        this.numberFormat = format;
    }
}
