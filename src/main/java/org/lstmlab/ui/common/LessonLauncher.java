package org.lstmlab.ui.common;

/**
 * Opens a built-in lesson from another tab (the Train tab's checkup names the lesson that explains a warning sign):
 * MainWindow implements it with the Learn tab, so the tabs do not depend on each other. Called on the FX thread.
 */
public interface LessonLauncher {
    /** The lesson's title in the app's language, or null when there is no lesson with this id. */
    String title(String id);

    /** Opens the lesson beside the debugger, as the Learn tab's Open button does. */
    void open(String id);
}
