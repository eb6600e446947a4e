package org.sanlian.inspection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A recorded conflict of interest between an inspector and an enterprise (回避, domain.md §5). */
@Entity
@Table(name = "inspection_conflict")
public class InspectorConflict {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "user_id", nullable = false)
    private String userId;

    @Column(name = "enterprise_uscc", nullable = false)
    private String enterpriseUscc;

    @Column(nullable = false)
    private String reason;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected InspectorConflict() {
    }

    InspectorConflict(String userId, String enterpriseUscc, String reason, String recordedBy, Instant recordedAt) {
        this.userId = userId;
        this.enterpriseUscc = enterpriseUscc;
        this.reason = reason;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getEnterpriseUscc() {
        return enterpriseUscc;
    }

    public String getReason() {
        return reason;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
