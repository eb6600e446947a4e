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
 * One background thread per node that renders the documents steps asked for: woken by each commit that asked for
 * one, and every {@code sanlian.documents.render-poll-interval} anyway (jobs of another node, retries that came
 * due). Off in the test suite, which renders right after each commit and drains retries itself.
 */
@Component
@ConditionalOnProperty(name = "sanlian.documents.render-worker-enabled", havingValue = "true", matchIfMissing = true)
class DocumentRenderWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DocumentRenderWorker.class);

    private final DocumentRenderQueue queue;
    private final Duration pollInterval;
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread thread;

    DocumentRenderWorker(DocumentRenderQueue queue, DocumentSettings settings) {
        this.queue = queue;
        this.pollInterval = settings.renderPollInterval();
    }

    @Override
    public void start() {
        queue.onEnqueued(caseNumber -> wake.release());
        thread = new Thread(this::run, "document-render");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (thread == Thread.currentThread()) {
            try {
                wake.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
                queue.renderDue();
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
        Thread running = thread;
        thread = null;
        if (running != null) {
            running.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }
}
