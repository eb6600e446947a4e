package org.sanlian.organisation;

/** Kinds of body in the pilot (domain.md §9). */
public enum OrganisationKind {
    ENFORCEMENT_CITY("市级综合执法队伍"),
    LEGAL_OFFICE("法制机构"),
    ENFORCEMENT_DISTRICT("区级执法大队"),
    ENFORCEMENT_COUNTY("县级综合执法队伍"),
    INDUSTRY_MANAGEMENT("行业管理部门"),
    PUBLIC_SECURITY("公安交通管理部门");

    private final String chineseName;

    OrganisationKind(String chineseName) {
        this.chineseName = chineseName;
    }

    public String chineseName() {
        return chineseName;
    }

    /** 综合执法队伍: the kinds that decide penalties and hold cases (the city team and its brigades). */
    public boolean isEnforcement() {
        return this == ENFORCEMENT_CITY || this == ENFORCEMENT_DISTRICT || this == ENFORCEMENT_COUNTY;
    }
}
