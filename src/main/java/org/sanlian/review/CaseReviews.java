package org.sanlian.review;

import org.sanlian.platform.Json;
import org.sanlian.platform.ChinaTime;
import org.sanlian.platform.ProcessActors;
import org.sanlian.platform.Inputs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.sanlian.calendar.WorkingDayCalendar;
import org.sanlian.document.CaseArchives;
import org.sanlian.organisation.EnforcementNetworks;
import org.sanlian.organisation.Officers;
import org.sanlian.platform.DrawRandom;
import org.sanlian.platform.FieldViolation;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.NotFoundException;
import org.sanlian.deadline.WorkingDayDeadlines;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 案卷评查 (domain.md §6): draws a reproducible random sample of a body's closed cases, keeps the scoring sheet of
 * each sampled case, sends findings back to the body as a rectification (process caseFileRectification) and sums
 * the results per body.
 */
@Service
@Transactional
public class CaseReviews {

    static final String RECTIFICATION_PROCESS = "caseFileRectification";
    private static final String CASE_PROCEDURE = "generalProcedure";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CaseReviewRepository reviews;
    private final ReviewedCaseRepository cases;
    private final ClosedCases closedCases;
    private final ReviewSettings settings;
    private final CaseArchives archives;
    private final WorkingDayCalendar calendar;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final IdentityService identityService;
    private final EnforcementNetworks networks;
    private final Officers officers;
    private final Clock clock;

    CaseReviews(CaseReviewRepository reviews, ReviewedCaseRepository cases, ClosedCases closedCases,
            ReviewSettings settings, CaseArchives archives, WorkingDayCalendar calendar, RuntimeService runtimeService,
            HistoryService historyService, IdentityService identityService, EnforcementNetworks networks,
            Officers officers, Optional<Clock> clock) {
        this.networks = networks;
        this.officers = officers;
        this.reviews = reviews;
        this.cases = cases;
        this.closedCases = closedCases;
        this.settings = settings;
        this.archives = archives;
        this.calendar = calendar;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.identityService = identityService;
        this.clock = clock.orElse(Clock.system(ChinaTime.CHINA));
    }

    /** What a supervisor asks for; seed and size are optional (a fresh random seed; the configured share). */
    public record DrawRequest(String organisationCode, LocalDate periodStart, LocalDate periodEnd, String seed,
            Integer sampleSize) {
    }

    /** The auditor's re-run of a stored draw. */
    public record Verification(String reviewNumber, String algorithmVersion, String seed, int populationSize,
            boolean reproduced, List<String> stored, List<String> recomputed, String storedSha256,
            String recomputedSha256) {
    }

    public record SheetLine(String code, String name, int points, String basis, Integer awarded,
            List<String> missingDocuments) {
    }

    public record Sheet(String reviewNumber, String caseNumber, int maximumScore, List<SheetLine> lines,
            Integer totalScore, String findings, String rectification, LocalDate rectificationDue) {
    }

    /** Scores per criterion code, and the findings (required for every criterion scored below its maximum). */
    public record Scoring(Map<String, Integer> scores, Map<String, String> findings) {
    }

    public record BodyResult(String organisationCode, int reviews, int casesSampled, int casesScored,
            Double averagePercent, int casesWithFindings, int rectificationsOpen, int rectificationsOverdue,
            int rectificationsDone) {
    }

    public CaseReview draw(DrawRequest request, String actor) {
        List<FieldViolation> violations = new ArrayList<>();
        String body = Inputs.stripped(request.organisationCode());
        if (body == null) {
            violations.add(new FieldViolation("organisationCode", "须选择被评查的执法部门"));
        } else if (!closedCases.bodyExists(body)) {
            violations.add(new FieldViolation("organisationCode", "没有这个执法部门：" + body));
        }
        if (request.periodStart() == null) {
            violations.add(new FieldViolation("periodStart", "须填写评查期间的开始日期"));
        } else if (outOfRange(request.periodStart())) {
            violations.add(new FieldViolation("periodStart", "日期应在 1900–2100 年之间"));
        }
        if (request.periodEnd() == null) {
            violations.add(new FieldViolation("periodEnd", "须填写评查期间的结束日期"));
        } else if (outOfRange(request.periodEnd())) {
            violations.add(new FieldViolation("periodEnd", "日期应在 1900–2100 年之间"));
        } else if (request.periodStart() != null && request.periodEnd().isBefore(request.periodStart())) {
            violations.add(new FieldViolation("periodEnd", "结束日期不能早于开始日期"));
        }
        String seed = Inputs.stripped(request.seed()) == null ? DrawRandom.newSeed() : Inputs.stripped(request.seed());
        if (seed.length() > 128) {
            violations.add(new FieldViolation("seed", "随机种子不超过 128 个字符"));
        }
        if (request.sampleSize() != null && request.sampleSize() < 1) {
            violations.add(new FieldViolation("sampleSize", "抽取数量至少为 1"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        List<String> population = closedCases.closedIn(body, request.periodStart(), request.periodEnd());
        if (population.isEmpty()) {
            throw new InvalidInputException("periodStart", "该部门在此期间没有已结案的案件，无可抽取的案卷");
        }
        int size = request.sampleSize() != null ? Math.min(request.sampleSize(), population.size())
                : CaseSample.sizeFor(population.size(), settings.samplePercent(), settings.minimumSample());
        List<String> sample = CaseSample.draw(seed, body, population, size);
        CaseReview review = reviews.save(new CaseReview(body, request.periodStart(), request.periodEnd(),
                CaseSample.ALGORITHM_VERSION, seed, size, population, DrawRandom.sha256Hex(String.join("\n", sample)),
                actor, clock.instant()));
        review.assignNumber(String.format("PC%d%06d", LocalDate.now(clock).getYear(), review.getId()));
        for (int i = 0; i < sample.size(); i++) {
            cases.save(new ReviewedCase(review.getId(), i + 1, sample.get(i)));
        }
        return review;
    }

    private static boolean outOfRange(LocalDate date) {
        return date.getYear() < 1900 || date.getYear() > 2100;
    }

    /** Re-runs the stored draw: stored seed and population through the stored algorithm version. */
    @Transactional(readOnly = true)
    public Verification verify(String reviewNumber) {
        CaseReview review = review(reviewNumber);
        if (!CaseSample.ALGORITHM_VERSION.equals(review.getAlgorithmVersion())) {
            throw new InvalidInputException("algorithmVersion", "本系统只能重演 " + CaseSample.ALGORITHM_VERSION
                    + " 的抽取，记录为 " + review.getAlgorithmVersion());
        }
        List<String> recomputed = CaseSample.draw(review.getSeed(), review.getOrganisationCode(),
                review.getPopulation(), review.getSampleSize());
        List<String> stored = sample(review);
        String recomputedSha256 = DrawRandom.sha256Hex(String.join("\n", recomputed));
        return new Verification(reviewNumber, review.getAlgorithmVersion(), review.getSeed(),
                review.getPopulation().size(), recomputed.equals(stored)
                        && recomputedSha256.equals(review.getResultSha256()),
                stored, recomputed, review.getResultSha256(), recomputedSha256);
    }

    @Transactional(readOnly = true)
    public CaseReview review(String reviewNumber) {
        return reviews.findByReviewNumber(reviewNumber)
                .orElseThrow(() -> new NotFoundException("评查", reviewNumber));
    }

    @Transactional(readOnly = true)
    public List<CaseReview> all() {
        return reviews.findAllByOrderByIdDesc();
    }

    @Transactional(readOnly = true)
    public List<String> sample(CaseReview review) {
        return cases.findByReviewIdOrderByPosition(review.getId()).stream().map(ReviewedCase::getCaseNumber).toList();
    }

    @Transactional(readOnly = true)
    public List<ReviewedCase> casesOf(String reviewNumber) {
        return cases.findByReviewIdOrderByPosition(review(reviewNumber).getId());
    }

    /** The scoring sheet of one sampled case: the configured criteria, with what the file already shows. */
    @Transactional(readOnly = true)
    public Sheet sheet(String reviewNumber, String caseNumber) {
        ReviewedCase reviewed = reviewedCase(reviewNumber, caseNumber);
        Map<String, Integer> awarded = readScores(reviewed.getScores());
        List<SheetLine> lines = new ArrayList<>();
        for (ReviewSettings.Criterion criterion : settings.criteria()) {
            lines.add(new SheetLine(criterion.code(), criterion.name(), criterion.points(), criterion.basis(),
                    awarded.get(criterion.code()),
                    criterion.documentCompleteness() ? missingDocuments(caseNumber) : List.of()));
        }
        return new Sheet(reviewNumber, caseNumber, settings.maximumScore(), lines, reviewed.getTotalScore(),
                reviewed.getFindings(), reviewed.getRectification().chineseName(), reviewed.getRectificationDue());
    }

    /**
     * Records the scores; findings go back to the body as a rectification due in the configured working days,
     * worked by the body's head and checked by the legal supervisor.
     */
    public ReviewedCase score(String reviewNumber, String caseNumber, Scoring scoring, String actor) {
        CaseReview review = review(reviewNumber);
        ReviewedCase reviewed = reviewedCase(reviewNumber, caseNumber);
        if (reviewed.getRectification() != ReviewedCase.Rectification.NOT_SCORED) {
            throw new InvalidInputException("scores", "该案卷已评分（" + reviewed.getRectification().chineseName() + "），不能重复评分");
        }
        Map<String, Integer> scores = scoring.scores() == null ? Map.of() : scoring.scores();
        Map<String, String> findingsIn = scoring.findings() == null ? Map.of() : scoring.findings();
        List<FieldViolation> violations = new ArrayList<>();
        Map<String, Integer> accepted = new LinkedHashMap<>();
        Map<String, String> findings = new LinkedHashMap<>();
        int total = 0;
        for (ReviewSettings.Criterion criterion : settings.criteria()) {
            Integer points = scores.get(criterion.code());
            String field = "scores." + criterion.code();
            if (points == null) {
                violations.add(new FieldViolation(field, "须为「" + criterion.name() + "」评分"));
                continue;
            }
            if (points < 0 || points > criterion.points()) {
                violations.add(new FieldViolation(field, "「" + criterion.name() + "」的得分须在 0 到 "
                        + criterion.points() + " 分之间"));
                continue;
            }
            String finding = Inputs.stripped(findingsIn.get(criterion.code()));
            if (points < criterion.points() && finding == null) {
                violations.add(new FieldViolation("findings." + criterion.code(),
                        "「" + criterion.name() + "」扣分的，须写明评查发现的问题"));
            } else if (finding != null && finding.length() > 500) {
                violations.add(new FieldViolation("findings." + criterion.code(), "不能超过 500 字"));
            }
            accepted.put(criterion.code(), points);
            if (finding != null) {
                findings.put(criterion.code(), finding);
            }
            total += points;
        }
        for (String code : scores.keySet()) {
            if (settings.criteria().stream().noneMatch(c -> c.code().equals(code))) {
                violations.add(new FieldViolation("scores." + code, "评查表没有这一项"));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        LocalDate due = findings.isEmpty() ? null
                : calendar.addWorkingDays(LocalDate.now(clock), settings.rectificationWorkingDays()).date();
        reviewed.score(Json.write(JSON, accepted), total, settings.maximumScore(), findingsText(findings), actor, clock.instant(),
                due);
        if (due != null) {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("reviewNumber", reviewNumber);
            variables.put("caseNumber", caseNumber);
            variables.put("organisationCode", review.getOrganisationCode());
            variables.put("reviewFindings", reviewed.getFindings());
            variables.put("reviewScore", total + " / " + settings.maximumScore());
            variables.put("rectificationDue", WorkingDayDeadlines.endOfDay(due));
            // 整改复核 by the legal supervision of the reviewed body's city (sanlian.organisation.cities)
            variables.put("supervisorGroup", networks.supervisorGroupOf(review.getOrganisationCode()));
            reviewed.rectificationStarted(startRectification(reviewNumber + "/" + caseNumber, variables));
        }
        return reviewed;
    }

    /**
     * The review's own action, not the supervisor's: supervisors start no process in Camunda (they read, docs/operators.md
     * "who may do what"), so the rectification starts without the caller's engine authorizations.
     */
    private String startRectification(String businessKey, Map<String, Object> variables) {
        return ProcessActors.withoutCaller(identityService,
                () -> runtimeService.startProcessInstanceByKey(RECTIFICATION_PROCESS, businessKey, variables).getId());
    }

    /** 案卷整改: the body reports what it corrected; the supervisor's check is due in the configured working days. */
    public LocalDate rectified(String reviewNumber, String caseNumber, String report, String actor) {
        String text = Inputs.stripped(report);
        if (text == null) {
            throw new InvalidInputException("rectificationReport", "须写明整改情况");
        }
        if (text.length() > 2000) {
            throw new InvalidInputException("rectificationReport", "不能超过 2000 字");
        }
        reviewedCase(reviewNumber, caseNumber).rectified(text, actor, clock.instant());
        return calendar.addWorkingDays(LocalDate.now(clock), settings.verificationWorkingDays()).date();
    }

    /**
     * What 整改复核 decided: accepted ends the rectification; sent back, the body has a new rectification period from
     * the day it was sent back (the first period has usually run out by then).
     */
    public record RectificationChecked(boolean accepted, LocalDate rectificationDue) {
    }

    /** 整改复核: accepted ends the rectification; not accepted sends it back to the body with the reason and a new period. */
    public RectificationChecked verified(String reviewNumber, String caseNumber, Object decision, String note, String actor) {
        if (!"accept".equals(decision) && !"reject".equals(decision)) {
            throw new InvalidInputException("verificationDecision", "须选择：整改合格或退回重新整改");
        }
        boolean accepted = "accept".equals(decision);
        String reason = Inputs.stripped(note);
        if (!accepted && reason == null) {
            throw new InvalidInputException("verificationNote", "退回重新整改的，须写明理由");
        }
        if (reason != null && reason.length() > 1000) {
            throw new InvalidInputException("verificationNote", "不能超过 1000 字");
        }
        LocalDate due = accepted ? null
                : calendar.addWorkingDays(LocalDate.now(clock), settings.rectificationWorkingDays()).date();
        reviewedCase(reviewNumber, caseNumber).verified(accepted, reason, actor, clock.instant(), due);
        return new RectificationChecked(accepted, due);
    }

    /**
     * Why the supervisor's last 整改复核 sent the rectification back, as stored: the reason and who wrote it; empty
     * while the rectification has not been sent back (the first round, or once it was accepted).
     */
    @Transactional(readOnly = true)
    public Optional<String> sendBackReason(String reviewNumber, String caseNumber) {
        ReviewedCase reviewed = reviewedCase(reviewNumber, caseNumber);
        if (reviewed.getRectification() != ReviewedCase.Rectification.OPEN || reviewed.getVerificationNote() == null) {
            return Optional.empty();
        }
        String by = reviewed.getVerifiedBy() == null ? "" : "（" + officers.name(reviewed.getVerifiedBy()) + "）";
        return Optional.of(reviewed.getVerificationNote() + by);
    }

    /** Results per body: cases sampled and scored, average score as a percentage, and the rectifications. */
    @Transactional(readOnly = true)
    public List<BodyResult> results() {
        Map<String, List<CaseReview>> byBody = new TreeMap<>();
        reviews.findAll().forEach(r -> byBody.computeIfAbsent(r.getOrganisationCode(), k -> new ArrayList<>()).add(r));
        LocalDate today = LocalDate.now(clock);
        List<BodyResult> results = new ArrayList<>();
        byBody.forEach((body, bodyReviews) -> {
            List<ReviewedCase> sampled = bodyReviews.stream()
                    .flatMap(r -> cases.findByReviewIdOrderByPosition(r.getId()).stream()).toList();
            List<ReviewedCase> scored = sampled.stream().filter(c -> c.getTotalScore() != null).toList();
            Double average = scored.isEmpty() ? null : Math.round(scored.stream()
                    .mapToDouble(c -> 100.0 * c.getTotalScore() / c.getMaximumScore()).average().orElse(0) * 10) / 10.0;
            List<ReviewedCase> open = sampled.stream().filter(c -> c.getRectification() == ReviewedCase.Rectification.OPEN
                    || c.getRectification() == ReviewedCase.Rectification.SUBMITTED).toList();
            results.add(new BodyResult(body, bodyReviews.size(), sampled.size(), scored.size(), average,
                    (int) scored.stream().filter(c -> c.getFindings() != null).count(), open.size(),
                    (int) open.stream().filter(c -> c.getRectificationDue().isBefore(today)).count(),
                    (int) sampled.stream().filter(c -> c.getRectification() == ReviewedCase.Rectification.DONE).count()));
        });
        return results;
    }

    private ReviewedCase reviewedCase(String reviewNumber, String caseNumber) {
        return cases.findByReviewIdAndCaseNumber(review(reviewNumber).getId(), caseNumber)
                .orElseThrow(() -> new NotFoundException("评查 " + reviewNumber + " 抽中的案卷", caseNumber));
    }

    /**
     * What {@link CaseArchives} finds missing for the way the case ended, judged on the case procedure's variables
     * (its outcome, and the steps it went through) — not those of the leadIntake instance the case record names,
     * which hold no outcome, so that every case was taken for a 不予处罚 one. Read without the caller: the
     * supervisor's right to read the sheet was checked by the controller.
     */
    private List<String> missingDocuments(String caseNumber) {
        Map<String, Object> variables = ProcessActors.withoutCaller(identityService, () -> procedureVariables(caseNumber));
        if (variables.isEmpty()) {
            return List.of();
        }
        return archives.missing(caseNumber, variables, true);
    }

    /**
     * The variables of the case's general procedure, found by its case number (a case received by transfer is read
     * in its own procedure); none for a case without one, whose ending the sheet cannot tell.
     */
    private Map<String, Object> procedureVariables(String caseNumber) {
        List<HistoricProcessInstance> procedures = historyService.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CASE_PROCEDURE).processInstanceBusinessKey(caseNumber)
                .orderByProcessInstanceStartTime().desc().list();
        Map<String, Object> variables = new LinkedHashMap<>();
        if (procedures.isEmpty()) {
            return variables;
        }
        for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(procedures.get(0).getId()).list()) {
            variables.put(variable.getName(), variable.getValue());
        }
        return variables;
    }

    private String findingsText(Map<String, String> findings) {
        if (findings.isEmpty()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        for (ReviewSettings.Criterion criterion : settings.criteria()) {
            String finding = findings.get(criterion.code());
            if (finding != null) {
                lines.add(criterion.name() + "：" + finding);
            }
        }
        return String.join("\n", lines);
    }

    private static Map<String, Integer> readScores(String stored) {
        if (stored == null) {
            return Map.of();
        }
        try {
            Map<String, Integer> scores = new LinkedHashMap<>();
            JSON.readTree(stored).fields().forEachRemaining(e -> scores.put(e.getKey(), e.getValue().asInt()));
            return scores;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scores cannot be read: " + stored, e);
        }
    }
}
