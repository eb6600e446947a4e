package org.sanlian.linkage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.platform.ChinaTime;
import org.sanlian.platform.ConflictException;
import org.sanlian.platform.InvalidInputException;
import org.sanlian.platform.identifiers.ChineseIdentifiers;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 行政处罚法 Art. 29 at the fine register itself: what the same act is (day, violation, party by ID number or
 * credit code, plate or name), and that two fines for one act decided at the same moment never both enter.
 */
@DisplayName("行政处罚法 Art. 29 — the fine register (一事不再罚)")
class FineRegisterTest extends SanlianSpringTest {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final LocalDate DAY = LocalDate.now(ChinaTime.CHINA).minusDays(3);

    @Autowired
    FineRegister register;

    private static String residentId() {
        String base = String.format("62010219770707%03d", SERIAL.incrementAndGet());
        return "0123456789X".chars().mapToObj(c -> base + (char) c).filter(ChineseIdentifiers::isResidentId)
                .findFirst().orElseThrow();
    }

    private static String decisionNumber() {
        return "测试决字〔" + DAY.getYear() + "〕" + SERIAL.incrementAndGet() + "号";
    }

    private static FineRegister.Decision fine(String organisation, String party, String partyId, String plate,
            String violation, LocalDate actDate) {
        return new FineRegister.Decision(organisation, decisionNumber(), party, partyId, plate, violation, actDate,
                new BigDecimal("200.00"), "测试", "xfhandler1");
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: the same party by ID number (lower case, spaced, other plate, other name) and the same violation on the same day is refused with 409 naming the first decision; another day or another violation is entered")
    void art29_sameActByIdNumber_isRefused_otherActsAllowed() {
        String id = residentId();
        FineRecord first = register.record(fine("xifeng", "甲某", id, "甘MB1001", "LZ-CX", DAY), "headDecision");

        assertThatThrownBy(() -> register.record(fine("qingcheng", "甲某某", " " + id.toLowerCase() + " ", "甘MB1002",
                "LZ-CX", DAY), "decisionHandedOver"))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.violations().get(0).field()).isEqualTo("decisionHandedOver");
                    assertThat(e.conflictsWith()).containsEntry("decisionNumber", first.getDecisionNumber());
                    assertThat(e.getMessage()).contains("第二十九条");
                });

        assertThat(register.record(fine("xifeng", "甲某", id, null, "LZ-CX", DAY.minusDays(1)), "headDecision"))
                .isNotNull();
        assertThat(register.record(fine("xifeng", "甲某", id, null, "LZ-PS", DAY), "headDecision")).isNotNull();
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: a police fine reported back names no violation: it is the same act as any fine of the same party's credit code that day; two people of one name with different ID numbers are not the same party; the same plate is, as before")
    void art29_policeFineWithoutViolation_plate_andNamesakes() {
        String creditCode = "91620100MA71234567";
        String code = "0123456789ABCDEFGHJKLMNPQRTUWXY".chars().mapToObj(c -> creditCode.substring(0, 17) + (char) c)
                .filter(ChineseIdentifiers::isCreditCode).findFirst().orElseThrow();
        LocalDate day = DAY.minusDays(10);
        FineRecord police = register.record(fine("xfpolice", "某运输公司", code, null, null, day), "policeFine");
        assertThatThrownBy(() -> register.record(fine("xifeng", "某运输有限公司", code, "甘MB2001", "YZ-JSY", day),
                "headDecision")).isInstanceOfSatisfying(ConflictException.class,
                        e -> assertThat(e.conflictsWith()).containsEntry("decisionNumber", police.getDecisionNumber()));

        register.record(fine("xifeng", "同名丙", residentId(), "甘MB2002", "LZ-CX", day), "headDecision");
        assertThat(register.record(fine("xifeng", "同名丙", residentId(), null, "LZ-CX", day), "headDecision"))
                .as("a namesake with another ID number").isNotNull();
        assertThatThrownBy(() -> register.record(fine("xfpolice", "他人", null, "甘MB2002", null, day), "policeFine"))
                .as("the same plate the same day").isInstanceOf(ConflictException.class);
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: a fine without the act's date cannot be checked and is refused with 400 naming occurredOn")
    void art29_fineWithoutActDate_isRefused() {
        assertThatThrownBy(() -> register.record(fine("xifeng", "无日期某", residentId(), null, "LZ-CX", null),
                "headDecision")).isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.violations().get(0).field()).isEqualTo("occurredOn"));
    }

    @Test
    @DisplayName("行政处罚法 Art. 29: two fines for the same act decided at the same moment (two bodies, one party by ID number) — exactly one enters the register, the other is refused with 409; repeated for several acts")
    void art29_twoFinesForTheSameActAtOnce_onlyOneEnters() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                String id = residentId();
                LocalDate day = DAY.minusDays(20 + round);
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<FineRecord>> attempts = new ArrayList<>();
                for (String organisation : List.of("xifeng", "qingcheng")) {
                    FineRegister.Decision decision = fine(organisation, "并发丁", id, null, "LZ-CX", day);
                    Callable<FineRecord> attempt = () -> {
                        together.await();
                        return register.record(decision, "headDecision");
                    };
                    attempts.add(pool.submit(attempt));
                }
                int entered = 0;
                int refused = 0;
                for (Future<FineRecord> attempt : attempts) {
                    try {
                        attempt.get();
                        entered++;
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).isInstanceOf(ConflictException.class);
                        refused++;
                    }
                }
                assertThat(entered).as("round " + round).isEqualTo(1);
                assertThat(refused).as("round " + round).isEqualTo(1);
                assertThat(register.all().stream().filter(f -> id.equals(f.getPartyId()))).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
