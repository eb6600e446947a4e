package org.sanlian.document;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
    private final int nice;
    private final Duration pollInterval;
    private final Semaphore[] wake;
    private volatile Thread[] threads;

    DocumentRenderWorker(DocumentRenderQueue queue, DocumentSettings settings) {
        this.queue = queue;
        this.nice = settings.renderNice();
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
        lowerPriority(Thread.currentThread(), nice);
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

    /**
     * Issue 16: on a node whose cores are busy, an officer's step need not wait for a PDF. With {@code nice} above 0
     * the render thread lowers its own Linux scheduling priority ({@code renice}, which any user may do to a thread
     * of its own; the JVM ignores {@link Thread#setPriority} on Linux), and a document waits for a free moment of the
     * CPU instead; 0 leaves the thread as it is. Where renice is not possible the thread keeps the normal priority.
     * Whether the system lowered it.
     */
    static boolean lowerPriority(Thread self, int nice) {
        if (nice <= 0) {
            return false;
        }
        self.setPriority(Thread.MIN_PRIORITY);
        try {
            String thread = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", thread)
                    .redirectErrorStream(true).start();
            String said = new String(renice.getInputStream().readAllBytes()).strip();
            if (renice.waitFor(10, TimeUnit.SECONDS) && renice.exitValue() == 0) {
                return true;
            }
            log.info("{} keeps the normal priority: renice said {}", self.getName(), said);
        } catch (IOException | UnsupportedOperationException notLinux) {
            log.info("{} keeps the normal priority ({})", self.getName(), notLinux.toString());
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        return false;
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
