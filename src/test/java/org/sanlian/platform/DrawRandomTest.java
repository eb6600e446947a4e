package org.sanlian.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DrawRandom — the auditable random source of the double-random draw and the 案卷评查 sample")
class DrawRandomTest {

    @Test
    @DisplayName("the generator is SHA-256 in counter mode: uniform below any bound and documented block by block")
    void generatorIsTheDocumentedOne() {
        DrawRandom random = new DrawRandom("abc", "targets/HIGH");
        String block0 = DrawRandom.sha256Hex("abc|targets/HIGH|0");
        long firstWord = Long.parseUnsignedLong(block0.substring(0, 16), 16) & Long.MAX_VALUE;
        assertThat(random.nextInt(1000)).isEqualTo((int) (firstWord % 1000));
    }

    @Test
    @DisplayName("a shuffle is Fisher–Yates on the documented numbers: the same seed and stream give the same order")
    void shuffleIsFisherYatesOnTheDocumentedNumbers() {
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, 20).boxed().toList());
        new DrawRandom("seed-1", "cases/xifeng").shuffle(shuffled);

        List<Integer> byHand = new ArrayList<>(IntStream.range(0, 20).boxed().toList());
        DrawRandom numbers = new DrawRandom("seed-1", "cases/xifeng");
        for (int i = byHand.size() - 1; i > 0; i--) {
            int j = numbers.nextInt(i + 1);
            Integer swap = byHand.get(i);
            byHand.set(i, byHand.get(j));
            byHand.set(j, swap);
        }
        assertThat(shuffled).isEqualTo(byHand).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).boxed().toList());

        List<Integer> otherSeed = new ArrayList<>(IntStream.range(0, 20).boxed().toList());
        new DrawRandom("seed-2", "cases/xifeng").shuffle(otherSeed);
        assertThat(otherSeed).isNotEqualTo(shuffled);
    }
}
