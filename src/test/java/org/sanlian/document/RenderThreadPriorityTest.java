package org.sanlian.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("issue 16: a render thread gives way to the officers' requests (Linux nice), and only itself")
class RenderThreadPriorityTest {

    @Test
    @DisplayName("the thread that lowers its priority runs at the configured nice; the thread that started it keeps its own")
    void renderThreadRunsAtItsNice() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only: elsewhere the thread keeps its priority");
        AtomicReference<Integer> niceSeen = new AtomicReference<>();
        AtomicReference<Boolean> lowered = new AtomicReference<>();
        Thread render = new Thread(() -> {
            lowered.set(DocumentRenderWorker.lowerPriority(Thread.currentThread(), 10));
            niceSeen.set(niceOfThisThread());
        }, "document-render-test");
        int before = niceOfThisThread();
        render.start();
        render.join();

        assertThat(lowered.get()).isTrue();
        // renice -n is an increment in newer util-linux, the value itself in older: at nice 0 both give 10
        assertThat(niceSeen.get()).isIn(10, Math.min(19, before + 10));
        assertThat(niceOfThisThread()).isEqualTo(before);
    }

    /** Field 19 of /proc/thread-self/stat (after the command name in parentheses, field 17 counted from 3). */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
