package org.sanlian.publication;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the due outbox messages, at least once: each message is first taken with a lease (so two nodes never
 * deliver it at the same time), then delivered outside any transaction, then its outcome recorded. A failure is
 * retried after an exponential backoff until the maximum of attempts, and then stays visible as failed.
 */
@Service
class OutboxDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxDelivery.class);

    private final OutboxMessageRepository outbox;
    private final Publications publications;
    private final CreditSender creditSender;
    private final PublicationSettings settings;
    private final TransactionTemplate transaction;

    OutboxDelivery(OutboxMessageRepository outbox, Publications publications, CreditSender creditSender,
            PublicationSettings settings, PlatformTransactionManager transactionManager) {
        this.outbox = outbox;
        this.publications = publications;
        this.creditSender = creditSender;
        this.settings = settings;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Delivers every message due at {@code now}; returns how many were attempted. */
    public int deliverDue(Instant now) {
        int attempted = 0;
        for (Long id : outbox.dueIds(now)) {
            Boolean claimed = transaction.execute(s -> outbox.claim(id, now, now.plus(settings.getLease())) == 1);
            if (Boolean.TRUE.equals(claimed)) {
                deliver(id, now);
                attempted++;
            }
        }
        return attempted;
    }

    private void deliver(Long id, Instant now) {
        OutboxMessage message = outbox.findById(id).orElseThrow();
        String error = null;
        try {
            switch (message.getKind()) {
                case PUBLISH -> transaction.executeWithoutResult(s -> publications.publish(message.getDecisionNumber(), now));
                case CREDIT_PUSH -> creditSender.send(message.getDecisionNumber(), message.getPayload());
            }
        } catch (Exception e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            LOG.warn("outbox message {} ({} {}) not delivered: {}", id, message.getKind(), message.getDecisionNumber(),
                    error);
        }
        String failure = error;
        transaction.executeWithoutResult(s -> {
            OutboxMessage current = outbox.findById(id).orElseThrow();
            if (failure == null) {
                current.sent(now);
            } else {
                current.failed(failure, now, publications.backoffAfter(current.getAttempts() + 1));
            }
        });
    }
}
