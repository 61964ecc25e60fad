package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lstmlab.testing.Await;

/** Jobs run on the worker thread; their results reach the caller only when it drains them, never on their own. */
class DebuggerWorkerTest {

    @Test
    void resultsWaitForDrainAndArriveOnTheDrainingThread() throws Exception {
        try (DebuggerWorker w = DebuggerWorker.background()) {
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> seen = new ArrayList<>();
            w.submit(p -> {
                p.accept(0.5);
                started.countDown();
                try {
                    release.await(Await.LIMIT_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return Thread.currentThread().getName();
            }, name -> seen.add(name + " -> " + Thread.currentThread().getName()), e -> { });
            Await.until("the job to start", () -> started.getCount() == 0);
            assertEquals(0.5, w.progress());
            assertTrue(w.busy());
            assertFalse(w.drain(), "nothing is delivered while the job runs");
            release.countDown();
            Await.until("the job to finish", () -> !w.busy());
            assertTrue(seen.isEmpty(), "the result waits for drain()");
            assertTrue(w.drain());
            assertEquals(List.of("lstmlab-debugger -> " + Thread.currentThread().getName()), seen);
        }
    }

    @Test
    void theWorkerIsIdleOnlyWhenEveryResultHasBeenCollected() {
        DebuggerWorker w = DebuggerWorker.direct();
        List<String> woken = new ArrayList<>();
        w.setOnSubmit(() -> woken.add("wake"));
        assertTrue(w.idle());
        w.submit(p -> 1, r -> { }, e -> { });
        assertEquals(List.of("wake"), woken);
        assertFalse(w.idle(), "a result waits to be drained");
        w.drain();
        assertTrue(w.idle());
    }

    @Test
    void aFailingJobReportsItsError() {
        DebuggerWorker w = DebuggerWorker.direct();
        List<String> errors = new ArrayList<>();
        w.submit(p -> {
            throw new IllegalStateException("boom");
        }, r -> { }, e -> errors.add(e.getMessage()));
        w.drain();
        assertEquals(List.of("boom"), errors);
    }
}
