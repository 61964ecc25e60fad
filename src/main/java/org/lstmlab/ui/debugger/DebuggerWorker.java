package org.lstmlab.ui.debugger;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import java.util.function.Function;

/**
 * The debugger's one background thread. Jobs run there and hand their results to a queue; the FX thread collects
 * them once per frame with {@link #drain()} (from an AnimationTimer), so there is no {@code Platform.runLater}
 * per result and the FX thread never waits for the worker. Tests use {@link #direct()}, which runs jobs at once.
 */
public final class DebuggerWorker implements AutoCloseable {
    private final ExecutorService executor;
    private final Queue<Runnable> finished = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicLong progressBits = new AtomicLong(Double.doubleToLongBits(1.0));
    private Runnable onSubmit = () -> { };

    private DebuggerWorker(ExecutorService executor) {
        this.executor = executor;
    }

    /** A worker on a daemon thread called {@code lstmlab-debugger}. */
    public static DebuggerWorker background() {
        return new DebuggerWorker(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "lstmlab-debugger");
            t.setDaemon(true);
            return t;
        }));
    }

    /** A worker that runs each job on the calling thread; results still wait for {@link #drain()}. */
    public static DebuggerWorker direct() {
        return new DebuggerWorker(null);
    }

    /**
     * Runs {@code job} on the worker; {@code onDone} (or {@code onError}) runs on the thread that next calls
     * {@link #drain()}. The job reports its progress, 0 to 1, to the consumer it is given.
     */
    public <T> void submit(Function<DoubleConsumer, T> job, Consumer<T> onDone, Consumer<RuntimeException> onError) {
        pending.incrementAndGet();
        onSubmit.run();
        setProgress(0);
        Runnable run = () -> {
            try {
                T result = job.apply(this::setProgress);
                finished.add(() -> onDone.accept(result));
            } catch (RuntimeException e) {
                finished.add(() -> onError.accept(e));
            } finally {
                pending.decrementAndGet();
            }
        };
        if (executor == null) {
            run.run();
        } else {
            executor.execute(run);
        }
    }

    /** Runs the completions that are ready; returns true if there were any. Call on the FX thread. */
    public boolean drain() {
        boolean any = false;
        Runnable r;
        while ((r = finished.poll()) != null) {
            r.run();
            any = true;
        }
        return any;
    }

    /** Runs on the submitting thread each time a job is submitted: the view starts its frame timer there. */
    public void setOnSubmit(Runnable r) {
        onSubmit = r;
    }

    /** True when no job is queued or running and no result waits for {@link #drain()}. */
    public boolean idle() {
        return pending.get() == 0 && finished.isEmpty();  // a job adds its result before it stops counting as pending
    }

    /** True while a job is queued or running. */
    public boolean busy() {
        return pending.get() > 0;
    }

    /** Progress of the current job, 0 to 1. */
    public double progress() {
        return Double.longBitsToDouble(progressBits.get());
    }

    private void setProgress(double p) {
        progressBits.set(Double.doubleToLongBits(p));
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
