package org.lstmlab.ui.learn;

import org.lstmlab.engine.lessons.LessonRun;

/**
 * What the Learn tab needs from the rest of the window: a way to repeat a lesson's actions on the debugger ("show
 * me") and to bring the debugger to the front. MainWindow wires it to the debugger, so that this package depends on
 * no other tab.
 */
public interface LessonHost {
    /** Repeats one performed action on the debugger; {@code run} holds the lesson's training runs. Call on FX. */
    void apply(LessonRun.Applied action, LessonRun run);

    /** Shows the debugger beside the lesson. */
    void showDebugger();

    /** Points the debugger at a step's equation row, diagram part or heatmap row (null: at nothing). */
    default void highlight(org.lstmlab.engine.lessons.Highlight highlight) {
    }

    /** A host that does nothing (before the window wires a real one). */
    LessonHost NONE = new LessonHost() {
        @Override
        public void apply(LessonRun.Applied action, LessonRun run) {
        }

        @Override
        public void showDebugger() {
        }
    };
}
