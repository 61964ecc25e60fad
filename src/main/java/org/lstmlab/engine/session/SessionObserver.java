package org.lstmlab.engine.session;

import org.lstmlab.engine.train.StepResult;

/** What {@link TrainingSession#run} reports as it goes, on the thread that runs it. */
public interface SessionObserver {
    /** Nothing. */
    SessionObserver NONE = new SessionObserver() {
    };

    /** After every optimizer step. */
    default void onStep(TrainingSession session, StepResult step) {
    }

    /** After every epoch, its validation and the task's verdict. */
    default void onEpoch(TrainingSession session, EpochReport report) {
    }
}
