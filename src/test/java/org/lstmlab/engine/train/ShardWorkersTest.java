package org.lstmlab.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

/**
 * The trainer's hand-off: every round runs each shard exactly once, on the caller and the helpers, with the
 * spin-then-park wait and with parking alone; the caller sees the helpers' writes; failures reach the caller.
 */
class ShardWorkersTest {
    /**
     * Rounds of `shards` tasks taken from a counter, as the trainer takes its shards. The caller runs the work
     * every round; whether it wins the race for a shard is up to the scheduler (in CI runs on a loaded 2-core
     * machine the helpers took every shard of 200 rounds of one, and of 1000 rounds of four).
     */
    private static void runRounds(int helpers, long spinNanos, int shards, int rounds) {
        AtomicInteger next = new AtomicInteger();
        int[] plain = new int[shards];  // written by whichever thread runs the shard, read by the caller after
        AtomicIntegerArray runs = new AtomicIntegerArray(shards);
        ConcurrentHashMap<String, Boolean> threads = new ConcurrentHashMap<>();
        Runnable work = () -> {
            threads.put(Thread.currentThread().getName(), true);
            for (int s = next.getAndIncrement(); s < shards; s = next.getAndIncrement()) {
                runs.incrementAndGet(s);
                plain[s]++;
            }
        };
        try (ShardWorkers w = new ShardWorkers(helpers, spinNanos, "test-helper-", work)) {
            for (int r = 1; r <= rounds; r++) {
                next.set(0);
                w.runAll();
                for (int s = 0; s < shards; s++) {
                    assertEquals(r, runs.get(s), "shard " + s + " after round " + r);
                    assertEquals(r, plain[s], "the caller sees shard " + s + "'s plain write of round " + r);
                }
            }
        }
        assertTrue(threads.containsKey(Thread.currentThread().getName()), "the caller runs the work too");
    }

    @Test
    void everyShardRunsOnceARoundWithSpinningAndWithParking() {
        runRounds(1, Trainer.SPIN_NANOS, 2, 3000);
        runRounds(1, 0, 2, 3000);
        runRounds(3, Trainer.SPIN_NANOS, 4, 1000);
        runRounds(3, 0, 4, 1000);
        runRounds(3, 0, 1, 200);   // fewer shards than threads: idle helpers find none left
    }

    @Test
    void aShardsFailureReachesTheCallerAndTheNextRoundRunsCleanly() {
        AtomicInteger round = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        IllegalArgumentException boom = new IllegalArgumentException("shard 1 failed");
        Runnable work = () -> {
            for (int s = next.getAndIncrement(); s < 2; s = next.getAndIncrement()) {
                if (round.get() == 1 && s == 1) {
                    throw boom;
                }
            }
        };
        try (ShardWorkers w = new ShardWorkers(1, 0, "test-helper-", work)) {
            for (int r = 0; r < 3; r++) {
                round.set(r);
                next.set(0);
                if (r == 1) {
                    assertSame(boom, assertThrows(IllegalArgumentException.class, w::runAll));
                } else {
                    w.runAll();
                }
            }
        }
    }

    @Test
    void closedWorkersRefuseWorkAndTheirThreadsEnd() throws InterruptedException {
        ShardWorkers w = new ShardWorkers(2, Trainer.SPIN_NANOS, "test-closing-", () -> { });
        w.runAll();
        w.close();
        assertThrows(IllegalStateException.class, w::runAll);
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("test-closing-")) {
                t.join();  // ends: the test would time out (surefire) rather than pass with a live helper
            }
        }
    }

    @Test
    void theSpinShrinksAfterWaitsItDidNotCoverAndRecoversAfterOneItDid() {
        ShardWorkers.Spin spin = new ShardWorkers.Spin(64_000);
        assertTrue(spin.spinWhile(() -> false), "nothing to wait for");
        assertEquals(64_000, spin.budget());
        long[] halves = {32_000, 16_000, 8_000, 4_000, 2_000, 1_000, 0};
        for (long expected : halves) {
            assertFalse(spin.spinWhile(() -> true));
            assertEquals(expected, spin.budget());
        }
        AtomicInteger checks = new AtomicInteger();
        for (int w = 1; w <= 15; w++) {  // budget 0: the condition is checked once, no spin
            checks.set(0);
            assertFalse(spin.spinWhile(() -> checks.incrementAndGet() < 1_000_000));
            assertEquals(1, checks.get(), "wait " + w);
        }
        checks.set(0);  // the 16th wait spins with the full budget again, and this time the wait ends within it
        assertTrue(spin.spinWhile(() -> checks.incrementAndGet() < 2));
        assertEquals(2, checks.get());
        assertEquals(64_000, spin.budget());
    }
}
