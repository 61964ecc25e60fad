package org.lstmlab.ui.training;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * Stands in for the FX thread in view-model tests: work handed to it waits in a queue until the test thread
 * runs it, so every property is touched by one thread, as in the app.
 */
final class FakeFx implements Executor {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable r) {
        queue.add(r);
    }

    void drain() {
        for (Runnable r = queue.poll(); r != null; r = queue.poll()) {
            r.run();
        }
    }

    /** Pulses the view model (as the AnimationTimer does) and runs queued work until the condition holds. */
    void until(TrainingViewModel vm, BooleanSupplier condition) {
        org.lstmlab.testing.Await.until("the view model's condition", () -> {
            drain();
            vm.pulse();
            return condition.getAsBoolean();
        }, () -> "state " + vm.stateProperty().get() + ", message '" + vm.messageProperty().get() + "'");
    }
}
