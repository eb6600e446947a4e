package org.sanlian.review;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sanlian.review.*} in application.yaml: the 案卷评查 sample size and scoring sheet. The criteria are
 * configuration (domain.md §6 names what supervision checks; the points are a local choice).
 */
@ConfigurationProperties("sanlian.review")
record ReviewSettings(
        @DefaultValue("10") int samplePercent,
        @DefaultValue("3") int minimumSample,
        @DefaultValue("10") int rectificationWorkingDays,
        @DefaultValue("5") int verificationWorkingDays,
        List<Criterion> criteria) {

    /**
     * One line of the scoring sheet, scored 0 to {@code points}. With {@code documentCompleteness} the sheet shows
     * the documents {@code CaseArchives} finds missing for the way the case ended (一案一卷, 行政处罚法 Art. 47).
     */
    public record Criterion(String code, String name, int points, String basis, boolean documentCompleteness) {
    }

    public ReviewSettings {
        criteria = criteria == null ? List.of() : List.copyOf(criteria);
    }

    public int maximumScore() {
        return criteria.stream().mapToInt(Criterion::points).sum();
    }
}
