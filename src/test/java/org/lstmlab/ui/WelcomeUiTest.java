package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.common.Settings;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The welcome on a fresh preference store: it shows at start with its first action focused, Enter opens lesson 1
 * docked beside the debugger, Tab reaches presenter mode, Esc closes it, unticked it does not come back at the next
 * start, and it fits at 1024 × 768 in both languages at 100 % and 200 %.
 */
class WelcomeUiTest extends MainWindowUiBase {

    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    private Node card(FxRobot robot) {
        return robot.lookup(".welcome-card").query();
    }

    private boolean focused(FxRobot robot, String id) throws Exception {
        return UiWait.onFx(() -> {
            Node owner = window.root().getScene().getFocusOwner();
            return owner != null && id.equals(owner.getId());
        });
    }

    @Test
    void showsOnAFreshStoreAndEnterStartsLessonOne(FxRobot robot) throws Exception {
        assertFalse(UiWait.onFx(window::welcomeShown), "tests and screenshots see no welcome unless they ask");
        robot.interact(window::welcomeAtStart);
        assertTrue(UiWait.onFx(window::welcomeShown), "a fresh store: the first start shows the welcome");
        assertTrue(UiWait.onFx(() -> card(robot).isVisible()));
        UiWait.until("the first action has the focus", () -> focused(robot, "welcome-lesson"));
        robot.push(KeyCode.ENTER);
        var learn = window.learnView().viewModel();
        UiWait.until("lesson 1 docked", () -> learn.lessonProperty().get() != null
                && learn.lessonProperty().get().id().equals(learn.lessons().get(0).id())
                && window.dock().lessonDocked());
        assertEquals("debugger", UiWait.onFx(() -> window.view().selectedTab()));
        assertFalse(UiWait.onFx(window::welcomeShown), "an action closes the welcome");
    }

    @Test
    void tabReachesPresenterModeAndEscCloses(FxRobot robot) throws Exception {
        robot.interact(window::showWelcome);
        UiWait.until("the first action has the focus", () -> focused(robot, "welcome-lesson"));
        robot.push(KeyCode.TAB);
        UiWait.until("Tab: the debugger's action", () -> focused(robot, "welcome-debugger"));
        robot.push(KeyCode.TAB);
        robot.push(KeyCode.TAB);
        UiWait.until("Tab: presenter mode", () -> focused(robot, "welcome-present"));
        robot.push(KeyCode.ENTER);
        UiWait.until("presenter mode", window::isPresenting);
        assertFalse(UiWait.onFx(window::welcomeShown));
        robot.push(KeyCode.ESCAPE);
        UiWait.until("presenter mode left", () -> !window.isPresenting());

        robot.interact(() -> window.setZoom(200));   // Help > Welcome again, zoomed: the card grows with the window
        robot.interact(() -> item(robot, "welcomeItem").fire());
        UiWait.until("Help > Welcome", window::welcomeShown);
        double scale = UiWait.onFx(() -> card(robot).getLocalToSceneTransform().getMxx());
        assertEquals(2.0, scale, 1e-9, "the card at the window's zoom");
        robot.push(KeyCode.ESCAPE);
        UiWait.until("Esc closes the welcome", () -> !window.welcomeShown());
        assertFalse(window.isPresenting());
    }

    private static javafx.scene.control.MenuItem item(FxRobot robot, String id) {
        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        return bar.getMenus().stream().flatMap(m -> m.getItems().stream()).filter(i -> id.equals(i.getId()))
                .findFirst().orElseThrow();
    }

    @Test
    void untickedItDoesNotComeBackAtTheNextStart(FxRobot robot) throws Exception {
        Settings settings = window.settings();
        robot.interact(window::welcomeAtStart);
        CheckBox box = robot.lookup("#welcomeAtStart").queryAs(CheckBox.class);
        assertTrue(box.isSelected(), "ticked at the first start");
        robot.clickOn(box);
        UiWait.until("unticked", () -> !box.isSelected());
        robot.clickOn("#welcomeClose");
        UiWait.until("closed", () -> !window.welcomeShown());
        boolean next = UiWait.onFx(() -> {
            MainWindow again = MainWindow.create(Locale.ENGLISH, settings);   // the next start, the same store
            again.welcomeAtStart();
            boolean shown = again.welcomeShown();
            again.shutdown();
            return shown;
        });
        assertFalse(next, "unticked: no welcome at the next start");
    }

    @Test
    void fitsAt1024x768InBothLanguagesAt100And200Percent(FxRobot robot) throws Exception {
        robot.interact(window::showWelcome);
        for (Locale language : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            robot.interact(() -> window.setLanguage(language));
            for (int zoom : new int[] {100, 200}) {
                robot.interact(() -> window.setZoom(zoom));
                settle(robot, 2);
                String where = language + " at " + zoom + " %";   // the card without its shadow
                Bounds b = UiWait.onFx(() -> card(robot).localToScene(card(robot).getLayoutBounds()));
                assertTrue(b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= 1024 && b.getMaxY() <= 768,
                        where + ": the card in the window " + b);
                for (Node n : robot.lookup(".welcome-card .label").queryAll()) {
                    Label l = (Label) n;
                    boolean whole = UiWait.onFx(() -> l.isWrapText()
                            ? l.getHeight() >= l.prefHeight(l.getWidth()) - 0.5
                            : l.getWidth() >= l.prefWidth(-1) - 0.5);
                    assertTrue(whole, where + ": read whole: " + l.getText());
                }
                assertTrue(robot.lookup(".welcome-card .label").queryAllAs(Label.class).stream()
                        .anyMatch(l -> l.getText().equals(window.i18n().getString("welcome.title"))), where);
                for (Node n : robot.lookup(".welcome-action").queryAll()) {
                    Button btn = (Button) n;
                    assertTrue(UiWait.onFx(() -> btn.getHeight() >= btn.prefHeight(btn.getWidth()) - 0.5),
                            where + ": " + btn.getText());
                }
            }
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
