package org.sanlian.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Each test uses its own organisation/year/type series, so the suite's other numbers do not interfere. */
@DisplayName("domain.md §3.3: 案号 per organisation, year and type — gap-free, no duplicates, never reused")
class CaseNumbersTest extends SanlianSpringTest {

    @Autowired
    CaseNumbers caseNumbers;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    @DisplayName("the default format: 庆交执西立〔2031〕1号, then 2号")
    void format() {
        assertThat(caseNumbers.allocate("xifeng", NumberType.FILING, 2031, "test", "xfhead").getFormatted())
                .isEqualTo("庆交执西立〔2031〕1号");
        assertThat(caseNumbers.allocate("xifeng", NumberType.FILING, 2031, "test", "xfhead").getFormatted())
                .isEqualTo("庆交执西立〔2031〕2号");
    }

    @Test
    @DisplayName("8 threads × 500 allocations for one organisation, year and type give 4,000 consecutive numbers: no gap, no duplicate")
    void concurrentAllocationIsGapFree() throws Exception {
        int threads = 8;
        int perThread = 500;
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    mine.add(transaction.execute(status -> caseNumbers
                            .allocate("zhenyuan", NumberType.PENALTY_DECISION, 2032, null, "load").getSequenceValue()));
                }
                return mine;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> result : results) {
            all.addAll(result.get());
        }
        pool.shutdown();
        assertThat(all).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(all.stream().sorted().toList())
                .isEqualTo(LongStream.rangeClosed(1, threads * perThread).boxed().toList());
        assertThat(caseNumbers.series("zhenyuan", 2032, NumberType.PENALTY_DECISION))
                .extracting(CaseNumber::getFormatted).doesNotHaveDuplicates().hasSize(threads * perThread);
    }

    @Test
    @DisplayName("a transaction that rolls back gives its number back: the next allocation takes the same value")
    void rollbackLeavesNoGap() {
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        long first = caseNumbers.allocate("heshui", NumberType.FILING, 2033, null, "t").getSequenceValue();
        transaction.executeWithoutResult(status -> {
            caseNumbers.allocate("heshui", NumberType.FILING, 2033, null, "t");
            status.setRollbackOnly();
        });
        assertThat(caseNumbers.allocate("heshui", NumberType.FILING, 2033, null, "t").getSequenceValue())
                .isEqualTo(first + 1);
    }

    @Test
    @DisplayName("a voided number keeps its row and its reason and is never handed out again")
    void voidedNumberIsNotReused() {
        CaseNumber number = caseNumbers.allocate("ningxian", NumberType.FILING, 2034, null, "t");
        caseNumbers.voidNumber(number.getFormatted(), "录入错误，当事人搞错");
        CaseNumber next = caseNumbers.allocate("ningxian", NumberType.FILING, 2034, null, "t");
        assertThat(next.getSequenceValue()).isEqualTo(number.getSequenceValue() + 1);
        assertThat(caseNumbers.series("ningxian", 2034, NumberType.FILING)).first()
                .satisfies(voided -> {
                    assertThat(voided.isVoided()).isTrue();
                    assertThat(voided.getVoidReason()).isEqualTo("录入错误，当事人搞错");
                });
    }
}
