package org.lstmlab.ui.compare;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/** The FX thread's stand-in for the Compare tab's view model tests: work waits until the test thread runs it. */
final class CompareFx implements Executor {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();

    @Override
    public void execute(Runnable r) {
        queue.add(r);
    }

    /** Runs what was handed over and reads the sweep's latest snapshot until {@code condition} holds. */
    void until(CompareViewModel vm, BooleanSupplier condition) {
        org.lstmlab.testing.Await.until("the Compare tab's condition", () -> {
            for (Runnable r = queue.poll(); r != null; r = queue.poll()) {
                r.run();
            }
            vm.pulse();
            return condition.getAsBoolean();
        }, () -> "status '" + vm.statusProperty().get() + "', message '" + vm.data().messageProperty().get()
                + "'");
    }
}
