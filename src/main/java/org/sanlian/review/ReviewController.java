package org.sanlian.review;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.sanlian.security.Visibility;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * 案卷评查 in the domain API. The legal supervisor (and the administrator) draws samples and scores them; heads
 * read the results, which are the supervision's verdict on their files — their own body's, never another's (a review
 * they may not read is answered as if it did not exist).
 */
@RestController
@RequestMapping("/api/reviews")
@Tag(name = "review", description = "案卷评查（随机抽取已结案卷、评查表、整改、各部门结果）")
class ReviewController {

    private static final String SUPERVISOR = "hasAnyAuthority('GROUP_legalSupervisor', 'GROUP_camunda-admin')";
    private static final String READER = "hasAnyAuthority('GROUP_legalSupervisor', 'GROUP_camunda-admin', 'GROUP_head')";

    private final CaseReviews reviews;
    private final ReviewSettings settings;

    public ReviewController(CaseReviews reviews, ReviewSettings settings) {
        this.reviews = reviews;
        this.settings = settings;
    }

    public record CaseView(int position, String caseNumber, Integer totalScore, Integer maximumScore,
            String findings, String rectification, LocalDate rectificationDue, String rectificationReport) {
    }

    public record ReviewView(String reviewNumber, String organisationCode, LocalDate periodStart, LocalDate periodEnd,
            String algorithmVersion, String seed, int populationSize, List<String> population, int sampleSize,
            String resultSha256, String drawnBy, Instant drawnAt, List<CaseView> cases) {
    }

    @GetMapping("/criteria")
    @PreAuthorize(READER)
    @Operation(summary = "评查表的评分项（可配置：sanlian.review.criteria）")
    public List<ReviewSettings.Criterion> criteria() {
        return settings.criteria();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "随机抽取一个部门在一个期间内已结案的案卷（种子可自定，留空则随机生成）")
    public ReviewView draw(@RequestBody CaseReviews.DrawRequest request, Authentication user) {
        if (request != null && request.organisationCode() != null && !reads(user, request.organisationCode().strip())) {
            throw new InvalidInputException("organisationCode", "只能评查本市执法网络中的部门");
        }
        return view(reviews.draw(request, user.getName()));
    }

    @GetMapping
    @PreAuthorize(READER)
    @Operation(summary = "全部评查")
    public List<ReviewView> all(Authentication user) {
        return reviews.all().stream().filter(review -> reads(user, review.getOrganisationCode())).map(this::view)
                .toList();
    }

    @GetMapping("/{reviewNumber}")
    @PreAuthorize(READER)
    @Operation(summary = "一次评查：抽取记录、抽中的案卷及其得分")
    public ReviewView one(@PathVariable String reviewNumber, Authentication user) {
        return view(readable(reviewNumber, user));
    }

    @GetMapping("/{reviewNumber}/verification")
    @PreAuthorize(READER)
    @Operation(summary = "复核抽取：以存储的种子和案卷总体重新抽取，结果应完全一致")
    public CaseReviews.Verification verify(@PathVariable String reviewNumber, Authentication user) {
        return reviews.verify(readable(reviewNumber, user).getReviewNumber());
    }

    @GetMapping("/{reviewNumber}/cases/{caseNumber}/sheet")
    @PreAuthorize(READER)
    @Operation(summary = "一份案卷的评查表（案卷完整性一项列出缺少的文书）")
    public CaseReviews.Sheet sheet(@PathVariable String reviewNumber, @PathVariable String caseNumber,
            Authentication user) {
        return reviews.sheet(readable(reviewNumber, user).getReviewNumber(), caseNumber);
    }

    @PostMapping("/{reviewNumber}/cases/{caseNumber}/score")
    @PreAuthorize(SUPERVISOR)
    @Operation(summary = "评分；有扣分的，评查发现交回执法部门整改（流程 caseFileRectification）")
    public CaseReviews.Sheet score(@PathVariable String reviewNumber, @PathVariable String caseNumber,
            @RequestBody CaseReviews.Scoring scoring, Authentication user) {
        reviews.score(readable(reviewNumber, user).getReviewNumber(), caseNumber, scoring, user.getName());
        return reviews.sheet(reviewNumber, caseNumber);
    }

    @GetMapping("/results")
    @PreAuthorize(READER)
    @Operation(summary = "各部门的评查结果：抽查、得分率、发现问题、整改（未完成、超期、完成）")
    public List<CaseReviews.BodyResult> results(Authentication user) {
        return reviews.results().stream().filter(result -> reads(user, result.organisationCode())).toList();
    }

    /**
     * The administrators read every body's reviews, the legal supervisors those of their own city's bodies, a head
     * those of the body he heads.
     */
    private static boolean reads(Authentication user, String organisationCode) {
        return Visibility.of(user).sees(organisationCode);
    }

    private CaseReview readable(String reviewNumber, Authentication user) {
        CaseReview review = reviews.review(reviewNumber);
        if (!reads(user, review.getOrganisationCode())) {
            throw new NotFoundException("评查", reviewNumber);
        }
        return review;
    }

    private ReviewView view(CaseReview review) {
        List<CaseView> cases = reviews.casesOf(review.getReviewNumber()).stream()
                .map(c -> new CaseView(c.getPosition(), c.getCaseNumber(), c.getTotalScore(), c.getMaximumScore(),
                        c.getFindings(), c.getRectification().chineseName(), c.getRectificationDue(),
                        c.getRectificationReport()))
                .toList();
        return new ReviewView(review.getReviewNumber(), review.getOrganisationCode(), review.getPeriodStart(),
                review.getPeriodEnd(), review.getAlgorithmVersion(), review.getSeed(), review.getPopulation().size(),
                review.getPopulation(), review.getSampleSize(), review.getResultSha256(), review.getDrawnBy(),
                review.getDrawnAt(), cases);
    }
}
