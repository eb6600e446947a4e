package org.sanlian.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.sanlian.network.LeadPoolTest;
import org.sanlian.support.SanlianSpringTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The shared lead pool (三联: one pool for the city and its counties) opens one lead per act: registrations naming the
 * same plate or party ID for the same day land on one lead. Issue 16: they wait only for registrations that share a
 * key — the rows of {@code lead_pool_lock} their keys fall on — not for every registration in the city. Each test holds
 * one registration's transaction open and registers another meanwhile; on H2 and on MariaDB (CI runs both).
 */
@DisplayName("Issue 16: the lead pool makes a registration wait only for registrations of the same act")
class LeadPoolLockTest extends SanlianSpringTest {

    @Autowired
    LeadService leads;

    @Autowired
    PlatformTransactionManager transactionManager;

    private static LeadService.Registration registration(String plate, String date, String organisation,
            String registrant) {
        return new LeadService.Registration("INSPECTION", "号池并发测试当事人", null, plate, date, null, null,
                "号池并发测试：同一时刻登记", organisation, registrant, null);
    }

    /** A plate whose rows of the lock differ from those of {@code other}'s on {@code date}. */
    private static String plateOnOtherRows(String other, String date) {
        LocalDate day = LocalDate.parse(date);
        for (int attempt = 0; attempt < 1000; attempt++) {
            String plate = LeadPoolTest.freshPlate();
            if (LeadService.lockStripes(LeadIdentityKey.of(null, plate, day)).stream()
                    .noneMatch(LeadService.lockStripes(LeadIdentityKey.of(null, other, day))::contains)) {
                return plate;
            }
        }
        throw new IllegalStateException("no plate on other rows");
    }

    /**
     * Registers {@code first} in a transaction kept open until {@code second}, registered in another thread, is done or
     * {@code windowMillis} have passed; then lets the first commit. Returns what the second registration gave if it was
     * done while the first was open, else null (it waited; it completes after the first commits).
     */
    private LeadService.Registered secondWhileFirstIsOpen(LeadService.Registration first,
            LeadService.Registration second, long windowMillis) throws Exception {
        CountDownLatch secondDone = new CountDownLatch(1);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        CountDownLatch firstRegistered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<LeadService.Registered> opened = threads.submit(() -> transaction.execute(status -> {
                LeadService.Registered registered = leads.registerInPool(first);
                firstRegistered.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return registered;
            }));
            assertThat(firstRegistered.await(30, TimeUnit.SECONDS)).as("the first registration ran").isTrue();
            Future<LeadService.Registered> meanwhile = threads.submit(() -> {
                try {
                    return transaction.execute(status -> leads.registerInPool(second));
                } finally {
                    secondDone.countDown();
                }
            });
            boolean doneWhileOpen = secondDone.await(windowMillis, TimeUnit.MILLISECONDS);
            release.countDown();
            assertThat(opened.get(30, TimeUnit.SECONDS).merged()).isFalse();
            LeadService.Registered result = meanwhile.get(30, TimeUnit.SECONDS);
            return doneWhileOpen ? result : null;
        } finally {
            release.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    @DisplayName("another act (another plate) is registered while a registration is still open: it does not wait for it")
    void anotherActDoesNotWait() throws Exception {
        String date = LeadPoolTest.yesterday();
        String plate = LeadPoolTest.freshPlate();
        String other = plateOnOtherRows(plate, date);
        // as long as a loaded machine may need for one registration: it returns as soon as the second is done
        LeadService.Registered second = secondWhileFirstIsOpen(registration(plate, date, "xifeng", "xfhandler1"),
                registration(other, date, "qingcheng", "qchandler1"), 20_000);
        assertThat(second).as("registered while the first registration's transaction was open").isNotNull();
        assertThat(second.merged()).isFalse();
    }

    @Test
    @DisplayName("the same act (same plate, same day) by another body waits for the open registration, then lands on its lead")
    void sameActWaitsAndMerges() throws Exception {
        String date = LeadPoolTest.yesterday();
        String plate = LeadPoolTest.freshPlate();
        // blocked on the lock it cannot finish while the first is open, however long the window; kept below H2's
        // lock timeout so that it is still waiting, not failed, when the first commits
        LeadService.Registered second = secondWhileFirstIsOpen(registration(plate, date, "xifeng", "xfhandler1"),
                registration(plate, date, "qingcheng", "qchandler1"), 500);
        assertThat(second).as("it waited for the first registration's commit").isNull();
        List<Lead> pool = leads.inPool(null, plate, LocalDate.parse(date));
        assertThat(pool).hasSize(1);
        assertThat(leads.registrationsOf(pool.get(0))).extracting(LeadRegistration::isMerged)
                .containsExactlyInAnyOrder(false, true);
    }

    @Test
    @DisplayName("a registration's lock rows: one per key, 1–64, in ascending order, the same for the same key")
    void lockRows() {
        List<String> keys = LeadIdentityKey.of("91621000MA00000001", "甘M12345", LocalDate.of(2026, 12, 1));
        assertThat(keys).hasSize(2);
        List<Integer> rows = List.copyOf(LeadService.lockStripes(keys));
        assertThat(rows).isNotEmpty().hasSizeLessThanOrEqualTo(2).isSorted()
                .allSatisfy(row -> assertThat(row).isBetween(1, LeadService.LOCK_STRIPES));
        assertThat(List.copyOf(LeadService.lockStripes(List.of(keys.get(1), keys.get(0))))).isEqualTo(rows);
        assertThat(LeadService.lockStripes(List.of())).isEmpty();
    }
}
