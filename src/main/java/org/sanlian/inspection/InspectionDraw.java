package org.sanlian.inspection;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import org.sanlian.platform.DrawRandom;

/**
 * The stored record of a draw: seed, draw date, criteria and both pools as JSON snapshots, the algorithm
 * version, and the result with its SHA-256 — all an auditor needs to re-run it.
 */
@Entity
@Table(name = "inspection_draw")
public class InspectionDraw {

    /** Large enough that MariaDB maps the snapshots to LONGTEXT (V21 for MariaDB), like H2's CLOB. */
    private static final int SNAPSHOT_LENGTH = 64 * 1024 * 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "plan_id", nullable = false, unique = true)
    private Long planId;

    @Column(name = "algorithm_version", nullable = false)
    private String algorithmVersion;

    @Column(nullable = false)
    private String seed;

    @Column(name = "drawn_on", nullable = false)
    private LocalDate drawnOn;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "criteria_json", nullable = false, length = SNAPSHOT_LENGTH)
    private String criteriaJson;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "target_pool_json", nullable = false, length = SNAPSHOT_LENGTH)
    private String targetPoolJson;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "inspector_pool_json", nullable = false, length = SNAPSHOT_LENGTH)
    private String inspectorPoolJson;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "result_json", nullable = false, length = SNAPSHOT_LENGTH)
    private String resultJson;

    @Column(name = "result_sha256", nullable = false)
    private String resultSha256;

    @Column(name = "drawn_by")
    private String drawnBy;

    @Column(name = "drawn_at", nullable = false)
    private Instant drawnAt;

    protected InspectionDraw() {
    }

    InspectionDraw(Long planId, String algorithmVersion, String seed, LocalDate drawnOn, String criteriaJson,
            String targetPoolJson, String inspectorPoolJson, String resultJson, String drawnBy, Instant drawnAt) {
        this.planId = planId;
        this.algorithmVersion = algorithmVersion;
        this.seed = seed;
        this.drawnOn = drawnOn;
        this.criteriaJson = criteriaJson;
        this.targetPoolJson = targetPoolJson;
        this.inspectorPoolJson = inspectorPoolJson;
        this.resultJson = resultJson;
        this.resultSha256 = DrawRandom.sha256Hex(resultJson);
        this.drawnBy = drawnBy;
        this.drawnAt = drawnAt;
    }

    public Long getId() {
        return id;
    }

    public Long getPlanId() {
        return planId;
    }

    public String getAlgorithmVersion() {
        return algorithmVersion;
    }

    public String getSeed() {
        return seed;
    }

    public LocalDate getDrawnOn() {
        return drawnOn;
    }

    public String getCriteriaJson() {
        return criteriaJson;
    }

    public String getTargetPoolJson() {
        return targetPoolJson;
    }

    public String getInspectorPoolJson() {
        return inspectorPoolJson;
    }

    public String getResultJson() {
        return resultJson;
    }

    public String getResultSha256() {
        return resultSha256;
    }

    public String getDrawnBy() {
        return drawnBy;
    }

    public Instant getDrawnAt() {
        return drawnAt;
    }
}
