package org.lstmlab.ui;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.lstmlab.ui.common.Settings;

/**
 * The welcome's logic, without the toolkit: whether it shows when the app starts, what each of its four actions does,
 * and its "Show at start" box. Like most desktop apps it shows at the first start and then at every start while the
 * box stays ticked; unticking it is remembered at once, and Help ▸ Welcome opens it at any time.
 */
final class Welcome {
    /** The four large buttons, in the order the panel lays them out (and Tab reaches them). */
    enum Action {
        /** The Learn tab's first lesson, docked beside the debugger. */
        LESSON("welcome.lesson", "welcome.lesson.detail"),
        /** The Debugger tab, its Step Into button ready for Enter. */
        DEBUGGER("welcome.debugger", "welcome.debugger.detail"),
        /** The Train tab. */
        TRAIN("welcome.train", "welcome.train.detail"),
        /** Presenter mode, for a projector. */
        PRESENT("welcome.present", "welcome.present.detail");

        private final String labelKey;
        private final String detailKey;

        Action(String labelKey, String detailKey) {
            this.labelKey = labelKey;
            this.detailKey = detailKey;
        }

        /** The bundle key of the button's words. */
        String labelKey() {
            return labelKey;
        }

        /** The bundle key of the line under them. */
        String detailKey() {
            return detailKey;
        }
    }

    /** What the actions do in the main window. */
    interface Host {
        void openFirstLesson();

        void showDebugger();

        void showTrain();

        void present();
    }

    private final Settings settings;
    private final Host host;
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private final BooleanProperty showAtStart = new SimpleBooleanProperty();

    Welcome(Settings settings, Host host) {
        this.settings = settings;
        this.host = host;
        showAtStart.set(settings.welcomeAtStart());
        showAtStart.addListener((o, was, now) -> settings.setWelcomeAtStart(now));
    }

    /** The buttons, in order. */
    static List<Action> actions() {
        return List.of(Action.values());
    }

    /** Whether the welcome shows now that the app starts (not in scripted runs, which never ask). */
    boolean atStart() {
        return settings.welcomeAtStart();
    }

    /** The "Show at start" box: ticked while the welcome is to show at the next start. */
    BooleanProperty showAtStartProperty() {
        return showAtStart;
    }

    /** Whether the panel is open. */
    ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Opens the panel (at start, or Help ▸ Welcome); the box says what the settings say now. */
    void open() {
        showAtStart.set(settings.welcomeAtStart());
        shown.set(true);
    }

    /** Closes the panel (its Close button, Esc, or an action). */
    void close() {
        shown.set(false);
    }

    /** Closes the panel and does {@code action}. */
    void run(Action action) {
        close();
        switch (action) {
            case LESSON -> host.openFirstLesson();
            case DEBUGGER -> host.showDebugger();
            case TRAIN -> host.showTrain();
            case PRESENT -> host.present();
        }
    }
}
