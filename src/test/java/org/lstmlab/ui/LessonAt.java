package org.lstmlab.ui;

import org.testfx.api.FxRobot;

/**
 * The UI tests' way to reach one step of a lesson, docked beside the debugger: opened from the Learn tab, then Next
 * or Back until the step shows (a lesson resumes where an earlier test left it: the tests' progress is kept in one
 * folder for the whole run).
 */
final class LessonAt {
    private LessonAt() {
    }

    /** Opens lesson {@code id} at step {@code index} (from 0) and waits until it shows, nothing being worked on. */
    static void open(FxRobot robot, MainWindow window, String id, int index) {
        var learn = window.learnView().viewModel();
        robot.interact(() -> window.selectTab("learn"));
        robot.interact(() -> learn.open(id));
        UiWait.until(id + " open", () -> learn.lessonProperty().get() != null
                && learn.lessonProperty().get().id().equals(id) && learn.stepProperty().get() >= 0
                && !learn.busyProperty().get());
        while (learn.stepProperty().get() != index) {
            int next = learn.stepProperty().get() + (learn.stepProperty().get() < index ? 1 : -1);
            robot.interact(next > learn.stepProperty().get() ? learn::next : learn::back);
            UiWait.until(id + ", step " + (next + 1), () -> learn.stepProperty().get() == next
                    && !learn.busyProperty().get());
        }
    }
}
