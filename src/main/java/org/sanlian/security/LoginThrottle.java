package org.sanlian.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing without locking the real user out. Failures are counted per source address (all
 * accounts) and per account; past a few free failures each further one holds back, with a doubling delay:
 * <ul>
 * <li>the source address, up to {@code address-max-delay} (15 minutes): an attacker's address is held back,
 *     whatever account it tries;</li>
 * <li>the account, but only up to {@code account-max-delay} (3 seconds) and never for an address the account has
 *     logged in from before: an attack from elsewhere keeps the user out of a new address for a few seconds at
 *     most, and not at all from the user's own.</li>
 * </ul>
 * A held-back attempt is not checked and not counted. A success clears its address's count and remembers the
 * address for the account. State is in memory and per node: a restart forgives, which is acceptable for a delay
 * whose job is to make guessing slow, not to keep a record (the audit table does that).
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;
    private static final Duration QUIET = Duration.ofMinutes(15);

    private final Clock clock;
    private final int freeFailures;
    private final Duration addressMaxDelay;
    private final Duration accountMaxDelay;
    private final Map<String, Backoff> addresses = new ConcurrentHashMap<>();
    private final Map<String, Backoff> accounts = new ConcurrentHashMap<>();
    private final Map<String, Instant> knownSources = new ConcurrentHashMap<>();

    @Autowired
    public LoginThrottle(LoginThrottleSettings settings) {
        this(Clock.systemUTC(), settings.freeFailures(), settings.addressMaxDelay(), settings.accountMaxDelay());
    }

    LoginThrottle(Clock clock, int freeFailures, Duration addressMaxDelay, Duration accountMaxDelay) {
        this.clock = clock;
        this.freeFailures = freeFailures;
        this.addressMaxDelay = addressMaxDelay;
        this.accountMaxDelay = accountMaxDelay;
    }

    /** How long a login of {@code account} from {@code address} must wait; zero when it may be checked now. */
    public Duration waitBefore(String account, String address) {
        Instant now = clock.instant();
        Duration wait = remaining(addresses.get(address), now);
        if (!knownSources.containsKey(key(account, address))) {
            Duration accountWait = remaining(accounts.get(account), now);
            if (accountWait.compareTo(wait) > 0) {
                wait = accountWait;
            }
        }
        return wait;
    }

    /** Counts a refused password; answers how long its source address is now held back. */
    public Duration failed(String account, String address) {
        Instant now = clock.instant();
        forgetIfFull();
        Backoff byAddress = addresses.compute(address, (k, b) -> Backoff.next(b, now, freeFailures, addressMaxDelay));
        accounts.compute(account, (k, b) -> Backoff.next(b, now, freeFailures, accountMaxDelay));
        return remaining(byAddress, now);
    }

    public void succeeded(String account, String address) {
        addresses.remove(address);
        knownSources.put(key(account, address), clock.instant());
    }

    /** Forgets everything (tests, and an administrator's restart). */
    public void clear() {
        addresses.clear();
        accounts.clear();
        knownSources.clear();
    }

    private void forgetIfFull() {
        // a flood of made-up account names must not exhaust memory: start afresh rather than grow without bound
        if (addresses.size() > MAX_TRACKED || accounts.size() > MAX_TRACKED || knownSources.size() > MAX_TRACKED) {
            clear();
        }
    }

    private static Duration remaining(Backoff backoff, Instant now) {
        if (backoff == null || backoff.blockedUntil() == null || !backoff.blockedUntil().isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, backoff.blockedUntil());
    }

    private static String key(String account, String address) {
        return account + "\u0000" + address;
    }

    /** Failures counted so far (forgotten after {@link #QUIET} without one) and the end of the current hold. */
    private record Backoff(int failures, Instant lastFailure, Instant blockedUntil) {

        static Backoff next(Backoff previous, Instant now, int freeFailures, Duration maxDelay) {
            boolean fresh = previous == null || previous.lastFailure().plus(QUIET).isBefore(now);
            int failures = fresh ? 1 : previous.failures() + 1;
            if (failures <= freeFailures) {
                return new Backoff(failures, now, null);
            }
            int doublings = Math.min(failures - freeFailures - 1, 30);
            Duration delay = Duration.ofSeconds(1L << doublings);
            return new Backoff(failures, now, now.plus(delay.compareTo(maxDelay) > 0 ? maxDelay : delay));
        }
    }
}
