package org.lstmlab.engine.train;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The trainer's helper threads and the hand-off of each step to them: {@link #runAll()} wakes every helper, runs
 * the work on the calling thread too, and returns when all have finished it. The work (the trainer's
 * {@code runShards}) takes shards from a shared counter, so a helper that finds none left simply returns.
 *
 * <p>A thread that waits (a helper for the next step, the caller for the helpers) first spins for up to
 * {@code spinNanos} ({@link Spin}: less after waits the spin did not cover) and then parks. With as many threads
 * as cores the spin catches what W1 needs: its step is 0.3–0.6 ms, and a park and wake-up through the kernel (a
 * futex) costs tens of microseconds each way on a virtual machine. With more threads than cores the trainer
 * passes 0: a spinning thread would take the core of the one it waits for.
 */
final class ShardWorkers implements AutoCloseable {
    private final Runnable work;
    private final long spinNanos;
    private final Spin callerSpin;
    private final Helper[] helpers;
    private final AtomicInteger pending = new AtomicInteger();
    private final BooleanSupplier helpersBusy = () -> pending.get() > 0;
    private volatile int generation;          // one more per step: a helper runs the work when it changes
    private volatile boolean callerSleeping;
    private volatile Thread caller;
    private volatile Throwable failure;
    private volatile boolean closed;

    /** Starts {@code helperCount} daemon threads named {@code namePrefix1, namePrefix2, ...}. */
    ShardWorkers(int helperCount, long spinNanos, String namePrefix, Runnable work) {
        this.work = work;
        this.spinNanos = spinNanos;
        this.callerSpin = new Spin(spinNanos);
        this.helpers = new Helper[helperCount];
        for (int h = 0; h < helperCount; h++) {
            helpers[h] = new Helper();
            helpers[h].thread = new Thread(helpers[h]::loop, namePrefix + (h + 1));
            helpers[h].thread.setDaemon(true);
        }
        for (Helper h : helpers) {
            h.thread.start();
        }
    }

    private final class Helper {
        Thread thread;
        volatile boolean sleeping;  // parked, or about to park (see waitForStep)
        final Spin spin = new Spin(spinNanos);
        int awaited;
        final BooleanSupplier noStep = () -> generation == awaited && !closed;

        void loop() {
            int seen = 0;
            while (true) {
                seen = waitForStep(seen);
                if (closed) {
                    return;
                }
                try {
                    work.run();
                } catch (RuntimeException | Error e) {
                    record(e);
                }
                if (pending.decrementAndGet() == 0 && callerSleeping) {
                    LockSupport.unpark(caller);
                }
            }
        }

        /** Waits until the generation differs from {@code seen} (or the workers close), and returns it. */
        private int waitForStep(int seen) {
            awaited = seen;
            spin.spinWhile(noStep);
            if (generation == seen && !closed) {
                sleeping = true;  // then check again: runAll reads the flag after advancing the generation
                while (generation == seen && !closed) {
                    LockSupport.park(this);
                }
                sleeping = false;
            }
            return generation;
        }
    }

    /**
     * Runs the work on every helper and on this thread, and returns when all are done. Rethrows the first failure
     * (a RuntimeException or Error as it was; anything else wrapped).
     */
    void runAll() {
        if (closed) {
            throw new IllegalStateException("the trainer's threads are closed");
        }
        failure = null;
        caller = Thread.currentThread();
        pending.set(helpers.length);
        generation++;  // single writer (the caller): publishes the step's setup to the helpers
        for (Helper h : helpers) {
            if (h.sleeping) {
                LockSupport.unpark(h.thread);
            }
        }
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            record(e);
        }
        waitForHelpers();
        Throwable f = failure;
        if (f != null) {
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(f);
        }
    }

    private void waitForHelpers() {
        callerSpin.spinWhile(helpersBusy);
        if (pending.get() == 0) {
            return;
        }
        callerSleeping = true;  // then check again: a helper that finishes now sees the flag and unparks us
        while (pending.get() > 0) {
            LockSupport.park(this);
        }
        callerSleeping = false;
    }

    /**
     * One waiting thread's spin: up to its budget, yielding now and then so that on a busy machine the thread it
     * waits for can have the core. A wait the spin did not cover halves the budget (below a microsecond it is 0:
     * park at once, trying the full spin again every 16th wait); a wait it covered restores the full budget. So on
     * an idle machine the hand-off stays in user space, and under load the threads park as an executor's would.
     */
    static final class Spin {
        private static final long MIN_NANOS = 1_000;
        private final long max;
        private long budget;
        private int waits;

        Spin(long max) {
            this.max = max;
            this.budget = max;
        }

        long budget() {
            return budget;
        }

        /** Spins while {@code waiting} holds and the budget lasts; true when the wait ended during the spin. */
        boolean spinWhile(BooleanSupplier waiting) {
            long b = budget == 0 && ++waits % 16 == 0 ? max : budget;
            long deadline = System.nanoTime() + b;
            int n = 0;
            while (waiting.getAsBoolean()) {
                if (b == 0 || System.nanoTime() - deadline >= 0) {
                    if (b > 0 && !waiting.getAsBoolean()) {
                        break;   // one more look at the deadline: a thread descheduled past it finds the wait over
                    }
                    budget = budget / 2 < MIN_NANOS ? 0 : budget / 2;
                    return false;
                }
                if ((++n & 15) == 0) {
                    Thread.yield();
                } else {
                    Thread.onSpinWait();
                }
            }
            budget = max;
            return true;
        }
    }

    private synchronized void record(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    /** Stops the helpers (they finish the step they are in); later calls of {@link #runAll} fail. */
    @Override
    public void close() {
        closed = true;
        for (Helper h : helpers) {
            LockSupport.unpark(h.thread);
        }
    }
}
