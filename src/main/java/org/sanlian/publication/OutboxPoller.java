package org.sanlian.publication;

import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the outbox delivery every {@code sanlian.publication.poll-interval} (off in the test suite, which drives it). */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "sanlian.publication.poller-enabled", havingValue = "true", matchIfMissing = true)
class OutboxPoller {

    private final OutboxDelivery delivery;
    private final Clock clock;

    OutboxPoller(OutboxDelivery delivery, Optional<Clock> clock) {
        this.delivery = delivery;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @Scheduled(fixedDelayString = "${sanlian.publication.poll-interval:PT30S}",
            initialDelayString = "${sanlian.publication.poll-interval:PT30S}")
    void deliver() {
        delivery.deliverDue(clock.instant());
    }
}
