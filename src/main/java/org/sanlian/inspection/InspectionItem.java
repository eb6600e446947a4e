package org.sanlian.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One item of a department's 抽查事项清单, with its legal basis (国办发〔2015〕58号: no check without one). */
@Entity
@Table(name = "inspection_item")
public class InspectionItem {

    @Id
    private String code;

    @Column(name = "department_code", nullable = false)
    private String departmentCode;

    @Column(nullable = false)
    private String name;

    @Column(name = "legal_basis", nullable = false)
    private String legalBasis;

    /** The body a failed item goes to as a lead (the one holding the penalty power). */
    @Column(name = "competent_organisation_code", nullable = false)
    private String competentOrganisationCode;

    @Column(nullable = false)
    private boolean demo;

    protected InspectionItem() {
    }

    public String getCode() {
        return code;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public String getName() {
        return name;
    }

    public String getLegalBasis() {
        return legalBasis;
    }

    public String getCompetentOrganisationCode() {
        return competentOrganisationCode;
    }

    public boolean isDemo() {
        return demo;
    }
}
