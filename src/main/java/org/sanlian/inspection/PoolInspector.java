package org.sanlian.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Arrays;
import java.util.List;

/** A member of the 执法检查人员名录库: an officer admitted to the draw, with certificate and areas. */
@Entity
@Table(name = "inspection_inspector")
public class PoolInspector {

    @Id
    @Column(name = "user_id")
    private String userId;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    /** Enforcement certificate; without one the officer is never drawn (行政处罚法 Art. 42, 道路运输条例 Art. 59). */
    @Column(name = "certificate_number")
    private String certificateNumber;

    /** GB/T 2260 codes, comma-separated; a code ending in 00 covers the whole city. */
    @Column(name = "area_codes", nullable = false)
    private String areaCodes;

    @Column(nullable = false)
    private boolean demo;

    protected PoolInspector() {
    }

    public List<String> areaCodeList() {
        return Arrays.stream(areaCodes.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    DoubleRandomDraw.Inspector asPoolEntry() {
        return new DoubleRandomDraw.Inspector(userId, displayName, organisationCode, certificateNumber, areaCodeList());
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

    public String getCertificateNumber() {
        return certificateNumber;
    }

    public boolean isDemo() {
        return demo;
    }
}
