package org.sanlian.review;

import java.util.ArrayList;
import java.util.List;
import org.sanlian.platform.DrawRandom;

/**
 * The 案卷评查 sample, version {@value #ALGORITHM_VERSION}: a pure function of its input, so the stored record
 * re-runs to exactly the same cases.
 *
 * <ol>
 * <li>The population is the body's cases closed in the period, sorted by case number.</li>
 * <li>It is shuffled (Fisher–Yates, {@link DrawRandom#shuffle}) with the seed and the stream
 * {@code cases/<organisation code>}: the same auditable SHA-256 counter-mode source as the double-random
 * inspection draw.</li>
 * <li>The first {@code size} cases of that order are the sample (all of them when the population is smaller).</li>
 * </ol>
 */
final class CaseSample {

    public static final String ALGORITHM_VERSION = "sanlian-review-sample/1";

    private CaseSample() {
    }

    public static List<String> draw(String seed, String organisationCode, List<String> population, int size) {
        List<String> order = new ArrayList<>(population.stream().sorted().toList());
        new DrawRandom(seed, "cases/" + organisationCode).shuffle(order);
        return List.copyOf(order.subList(0, Math.min(size, order.size())));
    }

    /** ceil(population × percent / 100), at least {@code minimum}, never more than the population. */
    public static int sizeFor(int population, int percent, int minimum) {
        int byPercent = (int) (((long) population * percent + 99) / 100);
        return Math.min(population, Math.max(minimum, byPercent));
    }
}
