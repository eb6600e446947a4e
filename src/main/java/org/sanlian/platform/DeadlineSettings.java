package org.sanlian.platform;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sanlian.deadlines.*} in application.yaml: the legal and local deadlines of the procedures (domain.md §2).
 * A number named {@code -working-days} counts on the working-day calendar (/api/calendar, 法定节假日 and 调休);
 * every other period is an ISO-8601 period in calendar days or months (P90D, P6M) or a duration in clock hours
 * (PT24H). No defaults here: application.yaml holds every value, and a missing one stops the start.
 */
@Validated
@ConfigurationProperties("sanlian.deadlines")
public record DeadlineSettings(
        @NotNull @PositiveOrZero Integer leadVerificationWorkingDays,
        @NotNull @PositiveOrZero Integer assistanceWorkingDays,
        @NotNull @PositiveOrZero Integer statementWorkingDays,
        @NotNull @PositiveOrZero Integer hearingRequestWorkingDays,
        @NotNull @PositiveOrZero Integer hearingNoticeWorkingDays,
        @NotNull @PositiveOrZero Integer serviceWorkingDays,
        @NotNull @PositiveOrZero Integer preservationWorkingDays,
        @NotNull @PositiveOrZero Integer reminderWorkingDays,
        @NotNull @PositiveOrZero Integer legalReviewWorkingDays,
        @NotNull @PositiveOrZero Integer closureWorkingDays,
        @NotNull @PositiveOrZero Integer closureApprovalWorkingDays,
        @NotNull @PositiveOrZero Integer onTheSpotCopyWorkingDays,
        @NotNull @PositiveOrZero Integer cashHandOverWorkingDays,
        @NotNull @PositiveOrZero Integer deferralApprovalWorkingDays,
        @NotNull @PositiveOrZero Integer jurisdictionWorkingDays,
        @NotNull Period decision,
        @NotNull Period decisionWarning,
        @NotNull Period decisionExtension,
        @NotNull Period seizure,
        @NotNull Period payment,
        @NotNull Period deferralLongest,
        @NotNull Period publicNotice,
        @NotNull Period litigation,
        @NotNull Period reconsideration,
        @NotNull Period courtApplication,
        @NotNull Duration crimeTransferSend,
        @NotNull Period policeFilingReview,
        @NotNull Period policeReconsiderationRequest,
        @NotNull Period policeReconsiderationAnswer,
        @NotNull Period seizedItemsHandOver,
        @NotNull Period limitation,
        @NotNull Period limitationHarm,
        @NotNull Period limitationWarning) {
}
