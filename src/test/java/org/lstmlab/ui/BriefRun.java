package org.lstmlab.ui;

import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.training.RunState;
import org.lstmlab.ui.training.TrainingViewModel;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A model of the Train tab trained for a few steps of the Keras example, then paused: unsaved, ready to save. The
 * run has many epochs so that the pause always lands before its end (with one epoch, on a loaded machine the worker
 * could finish the epoch before it saw the pause, and a test waiting for a paused run then waited for ever).
 */
final class BriefRun {
    private BriefRun() {
    }

    static TrainingViewModel trainAndPause(MainWindow window) throws Exception {
        TrainingViewModel train = window.trainingView().viewModel();
        WaitForAsyncUtils.asyncFx(() -> {
            train.chooseTask(Tasks.byName("keras-example"));
            train.form().epochsProperty().set(50);
            train.start();
        }).get();
        UiWait.until("a model trained for more than 3 steps", () -> train.snapshotProperty().get() != null
                && train.snapshotProperty().get().steps() > 3 && train.hasModelProperty().get());
        WaitForAsyncUtils.asyncFx(train::pause).get();
        UiWait.until("the run paused", () -> train.stateProperty().get() == RunState.PAUSED,
                () -> String.valueOf(train.stateProperty().get()));
        return train;
    }
}
