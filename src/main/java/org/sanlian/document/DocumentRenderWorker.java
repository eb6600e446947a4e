package org.sanlian.document;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The background threads of a node that render the documents steps asked for ({@code sanlian.documents.render-threads},
 * each taking its own slice of the jobs): woken by each commit that asked for one, and every
 * {@code sanlian.documents.render-poll-interval} anyway (jobs of another node, retries that came due). Off in the test
 * suite, which renders right after each commit and drains retries itself.
 */
@Component
@ConditionalOnProperty(name = "sanlian.documents.render-worker-enabled", havingValue = "true", matchIfMissing = true)
class DocumentRenderWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DocumentRenderWorker.class);

    private final DocumentRenderQueue queue;
    private final Duration pollInterval;
    private final Semaphore[] wake;
    private volatile Thread[] threads;

    DocumentRenderWorker(DocumentRenderQueue queue, DocumentSettings settings) {
        this.queue = queue;
        this.pollInterval = settings.renderPollInterval();
        this.wake = new Semaphore[settings.renderThreads()];
        for (int i = 0; i < wake.length; i++) {
            wake[i] = new Semaphore(0);
        }
    }

    @Override
    public void start() {
        queue.onEnqueued(caseNumber -> {
            for (Semaphore each : wake) {
                each.release();
            }
        });
        Thread[] started = new Thread[wake.length];
        for (int i = 0; i < started.length; i++) {
            int slice = i;
            started[i] = new Thread(() -> run(slice), "document-render-" + (i + 1));
            started[i].setDaemon(true);
        }
        threads = started;
        for (Thread each : started) {
            each.start();
        }
    }

    private void run(int slice) {
        while (threads != null) {
            try {
                wake[slice].tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake[slice].drainPermits();
                queue.renderDue(slice, wake.length);
            } catch (InterruptedException stopped) {
                return;
            } catch (RuntimeException failure) {
                // e.g. the database away: the jobs stay pending and the next round tries again
                log.warn("document render round failed: {}", failure.toString());
            }
        }
    }

    @Override
    public void stop() {
        Thread[] running = threads;
        threads = null;
        if (running != null) {
            for (Thread each : running) {
                each.interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return threads != null;
    }
}
