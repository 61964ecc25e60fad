package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lstmlab.ui.common.Settings;

/** The welcome's logic without the toolkit: what each action does, and when it shows at start. */
class WelcomeTest {
    /** The host's calls, by name. */
    private final List<String> calls = new ArrayList<>();
    private final Welcome.Host host = new Welcome.Host() {
        @Override
        public void openFirstLesson() {
            calls.add("lesson");
        }

        @Override
        public void showDebugger() {
            calls.add("debugger");
        }

        @Override
        public void showTrain() {
            calls.add("train");
        }

        @Override
        public void present() {
            calls.add("present");
        }
    };

    @Test
    void eachActionClosesTheWelcomeAndDoesItsOneThing() {
        Welcome w = new Welcome(Settings.inMemory(), host);
        List<String> expected = List.of("lesson", "debugger", "train", "present");
        for (int k = 0; k < Welcome.actions().size(); k++) {
            w.open();
            assertTrue(w.shownProperty().get());
            calls.clear();
            w.run(Welcome.actions().get(k));
            assertFalse(w.shownProperty().get(), Welcome.actions().get(k) + " closes the welcome");
            assertEquals(List.of(expected.get(k)), calls);
        }
    }

    @Test
    void showsAtTheFirstStartAndWhileTheBoxStaysTicked() {
        Settings settings = Settings.inMemory();
        Welcome first = new Welcome(settings, host);
        assertTrue(first.atStart(), "a fresh store: the first start");
        first.open();
        assertTrue(first.showAtStartProperty().get(), "the box is ticked at the first start");
        first.close();
        assertTrue(new Welcome(settings, host).atStart(), "closed with the box ticked: it shows again");

        Welcome second = new Welcome(settings, host);
        second.open();
        second.showAtStartProperty().set(false);
        second.run(Welcome.Action.TRAIN);
        Welcome third = new Welcome(settings, host);
        assertFalse(third.atStart(), "unticked: not at the next start");
        third.open();   // Help > Welcome
        assertFalse(third.showAtStartProperty().get(), "the box says what the settings say");
        third.showAtStartProperty().set(true);
        assertTrue(new Welcome(settings, host).atStart(), "ticked again: back at the next start");
    }

    @Test
    void everyActionHasItsOwnWords() {
        assertEquals(4, Welcome.actions().stream().map(Welcome.Action::labelKey).distinct().count());
        assertEquals(4, Welcome.actions().stream().map(Welcome.Action::detailKey).distinct().count());
        var en = java.util.ResourceBundle.getBundle("org.lstmlab.i18n.messages", java.util.Locale.ENGLISH);
        for (Welcome.Action a : Welcome.actions()) {
            assertFalse(en.getString(a.labelKey()).isBlank());
            assertFalse(en.getString(a.detailKey()).isBlank());
        }
    }
}
