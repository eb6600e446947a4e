package org.sanlian.review;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The record of one 案卷评查 draw: body, period, seed, algorithm version, the population as it stood and the
 * SHA-256 of the sample — all an auditor needs to re-run it.
 */
@Entity
@Table(name = "case_review")
public class CaseReview {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "review_number", unique = true)
    private String reviewNumber;

    @Column(name = "organisation_code", nullable = false)
    private String organisationCode;

    @Column(name = "period_start", nullable = false)
    private LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    private LocalDate periodEnd;

    @Column(name = "algorithm_version", nullable = false)
    private String algorithmVersion;

    @Column(nullable = false)
    private String seed;

    @Column(name = "sample_size", nullable = false)
    private int sampleSize;

    @Column(name = "result_sha256", nullable = false)
    private String resultSha256;

    @Column(name = "drawn_by")
    private String drawnBy;

    @Column(name = "drawn_at", nullable = false)
    private Instant drawnAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "case_review_population", joinColumns = @JoinColumn(name = "review_id"))
    @OrderColumn(name = "position")
    @Column(name = "case_number", nullable = false)
    private List<String> population = new ArrayList<>();

    protected CaseReview() {
    }

    CaseReview(String organisationCode, LocalDate periodStart, LocalDate periodEnd, String algorithmVersion,
            String seed, int sampleSize, List<String> population, String resultSha256, String drawnBy,
            Instant drawnAt) {
        this.organisationCode = organisationCode;
        this.periodStart = periodStart;
        this.periodEnd = periodEnd;
        this.algorithmVersion = algorithmVersion;
        this.seed = seed;
        this.sampleSize = sampleSize;
        this.population = new ArrayList<>(population);
        this.resultSha256 = resultSha256;
        this.drawnBy = drawnBy;
        this.drawnAt = drawnAt;
    }

    void assignNumber(String reviewNumber) {
        this.reviewNumber = reviewNumber;
    }

    public Long getId() {
        return id;
    }

    public String getReviewNumber() {
        return reviewNumber;
    }

    public String getOrganisationCode() {
        return organisationCode;
    }

    public LocalDate getPeriodStart() {
        return periodStart;
    }

    public LocalDate getPeriodEnd() {
        return periodEnd;
    }

    public String getAlgorithmVersion() {
        return algorithmVersion;
    }

    public String getSeed() {
        return seed;
    }

    public int getSampleSize() {
        return sampleSize;
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

    public List<String> getPopulation() {
        return List.copyOf(population);
    }
}
