package org.lstmlab.ui.learn;

import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * The Learn tab's engine work: each piece runs on the worker (one at a time, in order) and its result, or its
 * failure, reaches the FX thread. Busy while the piece submitted last is under way; a piece submitted since, or
 * {@link #forget}, leaves the busy flag to the newer one.
 */
final class LessonWork {
    /** What a failed piece does on the FX thread; {@code last} says whether it was the piece submitted last. */
    interface Failure {
        void failed(RuntimeException e, boolean last);
    }

    private final Executor worker;
    private final Executor fx;
    private final Failure failure;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private long generation;

    LessonWork(Executor worker, Executor fx, Failure failure) {
        this.worker = worker;
        this.fx = fx;
        this.failure = failure;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The pieces under way no longer count as the last one (the lesson was closed). */
    void forget() {
        generation++;
    }

    /** Runs {@code work} on the worker and hands its result to {@code done} on the FX thread. */
    <T> void submit(Supplier<T> work, Consumer<T> done) {
        long gen = ++generation;
        busy.set(true);
        worker.execute(() -> {
            T result;
            try {
                result = work.get();
            } catch (RuntimeException e) {
                fx.execute(() -> {
                    if (gen == generation) {
                        busy.set(false);
                    }
                    failure.failed(e, gen == generation);
                });
                return;
            }
            fx.execute(() -> {
                if (gen == generation) {
                    busy.set(false);
                }
                done.accept(result);
            });
        });
    }
}
