package org.lstmlab.ui.training;

import java.util.Locale;

import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/**
 * Trains tasks through the Train tab's own code path (its view model, form defaults and TrainingRun) and prints
 * the last epoch of each, for the results note: {@code java -cp ... org.lstmlab.ui.training.UiDefaultsCheck
 * adding reber temporal-order keras-example}. Not a unit test: it takes minutes.
 */
public final class UiDefaultsCheck {
    private UiDefaultsCheck() {
    }

    public static void main(String[] args) throws Exception {
        for (String name : args) {
            FakeFx fx = new FakeFx();
            TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
            vm.chooseTask(Tasks.byName(name));
            long start = System.nanoTime();
            vm.start();
            while (vm.stateProperty().get() == null || !vm.stateProperty().get().isOver()) {
                fx.drain();
                vm.pulse();
                Thread.sleep(20);
            }
            org.lstmlab.engine.session.EpochReport last = vm.snapshotProperty().get().lastEpoch();
            System.out.printf(Locale.ROOT, "%s (UI, threads %d): state %s, epoch %d, val_loss %.6f, val_accuracy %.4f,"
                    + " solved %s, %.1f s%n", name, vm.form().threadsProperty().get(), vm.stateProperty().get(),
                    last.epoch(), last.valLoss(), last.valAccuracy(), last.solved(), (System.nanoTime() - start) / 1e9);
        }
    }
}
