package org.sanlian.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.inspection.DoubleRandomDraw.Conflict;
import org.sanlian.inspection.DoubleRandomDraw.Criteria;
import org.sanlian.inspection.DoubleRandomDraw.DrawnTarget;
import org.sanlian.inspection.DoubleRandomDraw.Input;
import org.sanlian.inspection.DoubleRandomDraw.Inspector;
import org.sanlian.inspection.DoubleRandomDraw.InspectorPool;
import org.sanlian.inspection.DoubleRandomDraw.Result;
import org.sanlian.inspection.DoubleRandomDraw.Target;

/** The draw on its own, without Spring: fairness, conflicts, team size and reproducibility (domain.md §5). */
@DisplayName("double-random draw (双随机, 国办发〔2015〕58号, domain.md §5)")
class DoubleRandomDrawTest {

    private static final LocalDate DRAW_DAY = LocalDate.of(2026, 6, 1);
    private static final int SIMULATIONS = 10_000;

    /** 6 HIGH, 10 MEDIUM, 14 LOW freight firms in Xifeng; one HIGH firm inspected last month. */
    private static List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        int[] sizes = {6, 10, 14};
        for (RiskGrade grade : RiskGrade.values()) {
            for (int i = 0; i < sizes[grade.ordinal()]; i++) {
                String uscc = String.format("91621002%s%08dX", grade.name().charAt(0), i);
                LocalDate last = grade == RiskGrade.HIGH && i == 0 ? DRAW_DAY.minusDays(30) : null;
                targets.add(new Target(uscc, grade + "-" + i, "621002", "FREIGHT", false, false, false, grade, last));
            }
        }
        targets.add(new Target("91621002T00000001X", "taxi", "621002", "TAXI", false, true, true, RiskGrade.HIGH, null));
        return targets;
    }

    private static InspectorPool pool(List<Conflict> conflicts) {
        return new InspectorPool(List.of(
                new Inspector("b1", "甲", "brigade", "C1", List.of("621002")),
                new Inspector("b2", "乙", "brigade", "C2", List.of("621002")),
                new Inspector("b3", "丙", "brigade", "C3", List.of("621002")),
                new Inspector("m1", "丁", "bureau", "C4", List.of("621002")),
                new Inspector("m2", "戊", "bureau", "C5", List.of("621002")),
                new Inspector("m3", "己", "bureau", null, List.of("621002")),
                new Inspector("c1", "庚", "city", "C7", List.of("621000")),
                new Inspector("x1", "辛", "brigade", "C8", List.of("621021"))), conflicts);
    }

    private static final List<Conflict> CONFLICTS = List.of(
            new Conflict("b1", "91621002M00000003X"),
            new Conflict("m1", "91621002M00000003X"),
            new Conflict("m2", "91621002L00000007X"),
            // nobody of brigade or bureau may visit HIGH-5: it cannot be staffed
            new Conflict("b1", "91621002H00000005X"), new Conflict("b2", "91621002H00000005X"),
            new Conflict("b3", "91621002H00000005X"), new Conflict("m1", "91621002H00000005X"),
            new Conflict("m2", "91621002H00000005X"));

    private static Criteria criteria(Integer percent, Integer count) {
        return new Criteria(List.of("FREIGHT"), false, 180, percent, count, 2, List.of("brigade", "bureau"));
    }

    private static Input input(String seed) {
        return new Input(seed, DRAW_DAY, criteria(30, null), targets(), pool(CONFLICTS));
    }

    @Test
    @DisplayName("§5 auditable draw: the same seed and pools give exactly the same result; a changed seed, target pool or inspector pool gives a different one")
    void reproducibleAndSensitive() {
        Result original = DoubleRandomDraw.run(input("seed-2026-06"));
        assertThat(DoubleRandomDraw.run(input("seed-2026-06"))).isEqualTo(original);
        assertThat(original.algorithmVersion()).isEqualTo(DoubleRandomDraw.ALGORITHM_VERSION);

        assertThat(DoubleRandomDraw.run(input("seed-2026-07"))).isNotEqualTo(original);

        List<Target> fewer = new ArrayList<>(targets());
        fewer.removeIf(t -> t.uscc().equals(original.targets().get(0).uscc()));
        assertThat(DoubleRandomDraw.run(new Input("seed-2026-06", DRAW_DAY, criteria(30, null), fewer, pool(CONFLICTS))))
                .isNotEqualTo(original);

        List<Inspector> moreInspectors = new ArrayList<>(pool(CONFLICTS).inspectors());
        moreInspectors.add(new Inspector("b4", "壬", "brigade", "C9", List.of("621002")));
        assertThat(DoubleRandomDraw.run(new Input("seed-2026-06", DRAW_DAY, criteria(30, null), targets(),
                new InspectorPool(moreInspectors, CONFLICTS)))).isNotEqualTo(original);
    }

    @Test
    @DisplayName("§5 stratified by risk grade: quota ceil(30 % × stratum) per grade; other market segments and targets inspected within the recent window never drawn")
    void strataAndExclusions() {
        Result result = DoubleRandomDraw.run(input("strata"));
        // HIGH: 6 freight firms minus the one inspected 30 days ago = 5 → 2; MEDIUM 10 → 3; LOW 14 → 5
        assertThat(result.strata()).extracting(DoubleRandomDraw.Stratum::eligible).containsExactly(5, 10, 14);
        assertThat(result.strata()).extracting(DoubleRandomDraw.Stratum::quota).containsExactly(2, 3, 5);
        assertThat(result.strata()).extracting(DoubleRandomDraw.Stratum::drawn).containsExactly(2, 3, 5);
        for (int i = 0; i < 200; i++) {
            assertThat(DoubleRandomDraw.run(input("x" + i)).targets()).extracting(DrawnTarget::uscc)
                    .doesNotContain("91621002H00000000X", "91621002T00000001X");
        }
    }

    @Test
    @DisplayName("§5 sample by count: 7 targets split over the strata in proportion to their size (largest remainder)")
    void sampleCountSplitsProportionally() {
        Result result = DoubleRandomDraw.run(new Input("count", DRAW_DAY, criteria(null, 7), targets(), pool(CONFLICTS)));
        // 7 × (5, 10, 14) / 29 = 1.21, 2.41, 3.38 → 1, 2, 3 and the one left goes to the largest remainder (MEDIUM)
        assertThat(result.strata()).extracting(DoubleRandomDraw.Stratum::quota).containsExactly(1, 3, 3);
        assertThat(result.targets()).hasSize(7);
    }

    @Test
    @DisplayName("§5 fairness: over 10,000 draws each eligible target of a stratum is drawn equally often (chi-square, p > 0.01); the unstaffable one never")
    void equalProbabilityWithinEachStratum() {
        Map<String, Integer> hits = new HashMap<>();
        for (int i = 0; i < SIMULATIONS; i++) {
            for (DrawnTarget drawn : DoubleRandomDraw.run(input("simulation-" + i)).targets()) {
                hits.merge(drawn.uscc(), 1, Integer::sum);
            }
        }
        assertThat(hits).doesNotContainKey("91621002H00000005X");
        Map<RiskGrade, List<String>> staffable = new HashMap<>();
        for (Target target : targets()) {
            boolean eligible = target.marketSegment().equals("FREIGHT") && target.lastInspectedOn() == null
                    && !target.uscc().equals("91621002H00000005X");
            if (eligible) {
                staffable.computeIfAbsent(target.riskGrade(), g -> new ArrayList<>()).add(target.uscc());
            }
        }
        int[] quotas = {2, 3, 5};
        for (RiskGrade grade : RiskGrade.values()) {
            List<String> stratum = staffable.get(grade);
            long[] observed = stratum.stream().mapToLong(u -> hits.getOrDefault(u, 0)).toArray();
            double expectedEach = (double) SIMULATIONS * quotas[grade.ordinal()] / stratum.size();
            double[] expected = new double[stratum.size()];
            java.util.Arrays.fill(expected, expectedEach);
            double statistic = 0;
            for (long o : observed) {
                statistic += (o - expectedEach) * (o - expectedEach) / expectedEach;
            }
            double critical = new ChiSquaredDistribution(stratum.size() - 1).inverseCumulativeProbability(0.99);
            assertThat(statistic).as("chi-square of %s (critical %.2f at p = 0.01)", grade, critical)
                    .isLessThan(critical);
            assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(0.01);
            assertThat(java.util.Arrays.stream(observed).sum())
                    .isEqualTo((long) SIMULATIONS * quotas[grade.ordinal()]);
        }
    }

    @Test
    @DisplayName("§5 recusal and two-person rule (道路运输条例 Art. 59): over 10,000 draws no inspector is drawn for an enterprise they are conflicted with, no target has fewer than two, uncertified or out-of-area officers never, each body represented")
    void conflictsCertificatesAndTeamSize() {
        for (int i = 0; i < SIMULATIONS; i++) {
            for (DrawnTarget drawn : DoubleRandomDraw.run(input("team-" + i)).targets()) {
                assertThat(drawn.inspectors()).hasSize(2).doesNotHaveDuplicates().doesNotContain("m3", "c1", "x1");
                for (String inspector : drawn.inspectors()) {
                    assertThat(CONFLICTS).doesNotContain(new Conflict(inspector, drawn.uscc()));
                }
                assertThat(drawn.inspectors()).anyMatch(id -> id.startsWith("b"));
                assertThat(drawn.inspectors()).anyMatch(id -> id.startsWith("m"));
            }
        }
    }

    @Test
    @DisplayName("§5: a target with fewer than two unconflicted certified inspectors is skipped with the reason, and another one of its stratum takes its place")
    void unstaffableTargetIsReplaced() {
        for (int i = 0; i < 50; i++) {
            Result result = DoubleRandomDraw.run(input("skip-" + i));
            assertThat(result.strata().get(0).drawn()).isEqualTo(2);
            result.skipped().forEach(skipped -> {
                assertThat(skipped.uscc()).isEqualTo("91621002H00000005X");
                assertThat(skipped.reason()).contains("不足 2 名");
            });
        }
    }
}
