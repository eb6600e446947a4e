package org.sanlian.inspection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sanlian.platform.DrawRandom;

/**
 * The double-random draw (双随机, 国办发〔2015〕58号, domain.md §5), version {@value #ALGORITHM_VERSION}. A pure
 * function of its input, so the stored record re-runs to exactly the same result.
 *
 * <ol>
 * <li>Eligible targets: enterprises of the plan's market segments (only key-supervision ones if the plan says
 * so) whose last inspection is not within the recent window before the draw date. Sorted by their unified
 * social credit code.</li>
 * <li>Strata by risk grade (HIGH, MEDIUM, LOW). Quota per stratum: ceil(size × percent / 100) with a ratio;
 * with a count, the count split over the strata in proportion to their size (largest remainder, ties to
 * the higher risk grade).</li>
 * <li>Each stratum is shuffled (Fisher–Yates, i from n−1 down to 1 swapping i with {@link DrawRandom#nextInt}
 * (i+1), {@link DrawRandom#shuffle}) with the stream {@code targets/<GRADE>}; targets are taken in that order until the quota is met,
 * skipping a target that cannot be staffed (recorded with the reason). Every staffable target of a stratum
 * thus has the same chance.</li>
 * <li>Inspectors of a target: certified pool members of the bodies involved who cover the target's area and
 * have no recorded conflict with it, sorted by user id and shuffled with the stream
 * {@code inspectors/<USCC>}; first the first one of each body (in the order the bodies are listed), then
 * the next ones in shuffled order, until the plan's number per target (never below two) is reached.</li>
 * </ol>
 */
public final class DoubleRandomDraw {

    public static final String ALGORITHM_VERSION = "sanlian-draw/1";
    public static final int MINIMUM_INSPECTORS = 2;

    private DoubleRandomDraw() {
    }

    /** What the plan asks for. Exactly one of samplingPercent and sampleCount is set. */
    public record Criteria(List<String> marketSegments, boolean keySupervisionOnly, int recentWindowDays,
            Integer samplingPercent, Integer sampleCount, int inspectorsPerTarget, List<String> bodies) {
    }

    /** One enterprise of the 检查对象名录库 as it stood at the draw. */
    public record Target(String uscc, String name, String areaCode, String marketSegment,
            boolean keyPassengerDangerous, boolean keyCruisingTaxi, boolean keyEnterprise, RiskGrade riskGrade,
            LocalDate lastInspectedOn) {

        boolean keySupervision() {
            return keyPassengerDangerous || keyCruisingTaxi || keyEnterprise;
        }
    }

    /** One member of the 执法检查人员名录库 as it stood at the draw. */
    public record Inspector(String userId, String displayName, String organisationCode, String certificateNumber,
            List<String> areaCodes) {

        boolean certified() {
            return certificateNumber != null && !certificateNumber.isBlank();
        }

        boolean covers(String areaCode) {
            String cityCode = areaCode.substring(0, 4) + "00";
            return areaCodes.contains(areaCode) || areaCodes.contains(cityCode);
        }
    }

    public record Conflict(String userId, String uscc) {
    }

    /** The inspector pool with the recorded conflicts. */
    public record InspectorPool(List<Inspector> inspectors, List<Conflict> conflicts) {
    }

    public record Input(String seed, LocalDate drawnOn, Criteria criteria, List<Target> targets,
            InspectorPool inspectorPool) {
    }

    public record DrawnTarget(String uscc, String name, RiskGrade riskGrade, List<String> inspectors) {
    }

    public record SkippedTarget(String uscc, String reason) {
    }

    public record Stratum(RiskGrade riskGrade, int eligible, int quota, int drawn) {
    }

    public record Result(String algorithmVersion, List<Stratum> strata, List<DrawnTarget> targets,
            List<SkippedTarget> skipped) {
    }

    public static Result run(Input input) {
        Criteria criteria = input.criteria();
        int perTarget = Math.max(MINIMUM_INSPECTORS, criteria.inspectorsPerTarget());
        Map<RiskGrade, List<Target>> strata = new EnumMap<>(RiskGrade.class);
        for (RiskGrade grade : RiskGrade.values()) {
            strata.put(grade, new ArrayList<>());
        }
        input.targets().stream()
                .filter(t -> eligible(t, criteria, input.drawnOn()))
                .sorted(Comparator.comparing(Target::uscc))
                .forEach(t -> strata.get(t.riskGrade()).add(t));
        Map<RiskGrade, Integer> quotas = quotas(strata, criteria);
        Set<Conflict> conflicts = new HashSet<>(input.inspectorPool().conflicts());

        List<Stratum> summary = new ArrayList<>();
        List<DrawnTarget> drawn = new ArrayList<>();
        List<SkippedTarget> skipped = new ArrayList<>();
        for (RiskGrade grade : RiskGrade.values()) {
            List<Target> stratum = new ArrayList<>(strata.get(grade));
            new DrawRandom(input.seed(), "targets/" + grade.name()).shuffle(stratum);
            int quota = quotas.get(grade);
            int taken = 0;
            for (Target target : stratum) {
                if (taken == quota) {
                    break;
                }
                List<String> team = inspectorsFor(target, input, conflicts, perTarget);
                if (team.size() < perTarget) {
                    skipped.add(new SkippedTarget(target.uscc(),
                            "无利害关系且持证的检查人员不足 " + perTarget + " 名（仅 " + team.size() + " 名）"));
                    continue;
                }
                drawn.add(new DrawnTarget(target.uscc(), target.name(), grade, team));
                taken++;
            }
            summary.add(new Stratum(grade, stratum.size(), quota, taken));
        }
        return new Result(ALGORITHM_VERSION, summary, drawn, skipped);
    }

    static boolean eligible(Target target, Criteria criteria, LocalDate drawnOn) {
        if (!criteria.marketSegments().contains(target.marketSegment())) {
            return false;
        }
        if (criteria.keySupervisionOnly() && !target.keySupervision()) {
            return false;
        }
        LocalDate last = target.lastInspectedOn();
        return last == null || !last.isAfter(drawnOn.minusDays(criteria.recentWindowDays()));
    }

    private static Map<RiskGrade, Integer> quotas(Map<RiskGrade, List<Target>> strata, Criteria criteria) {
        Map<RiskGrade, Integer> quotas = new EnumMap<>(RiskGrade.class);
        if (criteria.samplingPercent() != null) {
            strata.forEach((grade, targets) -> quotas.put(grade,
                    (int) Math.min(targets.size(), ((long) targets.size() * criteria.samplingPercent() + 99) / 100)));
            return quotas;
        }
        int total = strata.values().stream().mapToInt(List::size).sum();
        int count = Math.min(criteria.sampleCount(), total);
        if (total == 0) {
            strata.keySet().forEach(grade -> quotas.put(grade, 0));
            return quotas;
        }
        int assigned = 0;
        long[] remainders = new long[RiskGrade.values().length];
        for (RiskGrade grade : RiskGrade.values()) {
            long share = (long) count * strata.get(grade).size();
            quotas.put(grade, (int) (share / total));
            remainders[grade.ordinal()] = share % total;
            assigned += quotas.get(grade);
        }
        while (assigned < count) {
            RiskGrade best = null;
            for (RiskGrade grade : RiskGrade.values()) {
                boolean room = quotas.get(grade) < strata.get(grade).size();
                if (room && (best == null || remainders[grade.ordinal()] > remainders[best.ordinal()])) {
                    best = grade;
                }
            }
            quotas.merge(best, 1, Integer::sum);
            remainders[best.ordinal()] = -1;
            assigned++;
        }
        return quotas;
    }

    private static List<String> inspectorsFor(Target target, Input input, Set<Conflict> conflicts, int perTarget) {
        List<String> bodies = input.criteria().bodies();
        List<Inspector> candidates = new ArrayList<>(input.inspectorPool().inspectors().stream()
                .filter(Inspector::certified)
                .filter(i -> bodies.contains(i.organisationCode()))
                .filter(i -> i.covers(target.areaCode()))
                .filter(i -> !conflicts.contains(new Conflict(i.userId(), target.uscc())))
                .sorted(Comparator.comparing(Inspector::userId))
                .toList());
        new DrawRandom(input.seed(), "inspectors/" + target.uscc()).shuffle(candidates);
        Set<String> team = new LinkedHashSet<>();
        for (String body : bodies) {
            candidates.stream().filter(i -> i.organisationCode().equals(body)).findFirst()
                    .ifPresent(i -> team.add(i.userId()));
        }
        for (Inspector candidate : candidates) {
            if (team.size() >= perTarget) {
                break;
            }
            team.add(candidate.userId());
        }
        return team.stream().limit(perTarget).toList();
    }
}
