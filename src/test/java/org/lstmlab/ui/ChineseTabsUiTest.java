package org.lstmlab.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import javafx.application.Platform;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.lstmlab.ui.training.RunState;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Chinese window speaks Chinese everywhere a user can look without choosing a file: each tab as it opens, the
 * menus to their last item, the Help windows (the guide, the shortcuts, the glossary, About), a run trained and
 * paused with its charts and checkup, the debugger on that run with each of its views, forward and backward, and
 * the lesson list. Every text on the screen ({@link ScreenText}) is searched for English ({@link EnglishWords}).
 */
class ChineseTabsUiTest extends ChineseWindowUiBase {
    private static final java.util.regex.Pattern HAN = java.util.regex.Pattern.compile("\\p{IsHan}");

    /**
     * The names this machine's Java and system give themselves, which About shows as they are ("OpenJDK 64-Bit
     * Server VM", "Linux", "amd64").
     */
    private static List<String> systemNames() {
        List<String> names = new ArrayList<>();
        for (String p : List.of("java.vendor", "java.vm.name", "os.name", "os.version", "os.arch")) {
            names.add(System.getProperty(p, "?"));
        }
        return names;
    }

    /**
     * Looks at every showing window. Left out: the glossary's rows, which pair each English term with its Chinese
     * one by design (for reading English papers; its headers and search field are looked at), and the text of a
     * guide's page, which is the Chinese guide of docs/zh as written, citing papers by their English titles and
     * a lesson file's keys by their names ({@link #guidePage} checks that the page is the Chinese one).
     */
    private void look(String what) {
        List<ScreenText.Piece> pieces = UiWait.onFx(ScreenText::ofShowingWindows).stream()
                .filter(p -> !p.where().contains("TableRow") && !p.where().contains("#guidePage")).toList();
        look(what, pieces, systemNames());
    }

    private MenuItem item(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return UiWait.onFx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> id.equals(i.getId())).findFirst().orElseThrow());
    }

    private static List<Stage> helpWindows() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w instanceof Stage s
                && s.getOwner() != null).map(w -> (Stage) w).toList();
    }

    /** The guide's page on show is the Chinese one: its title and every heading are in Chinese. */
    private void guidePage(FxRobot robot, String name) {
        UiWait.until("the guide " + name, () -> robot.lookup(".markdown .h1").tryQuery().isPresent());
        List<String> headings = UiWait.onFx(() -> {
            javafx.scene.Node page = robot.lookup("#guidePage").query();
            return Stream.of(".h1", ".h2", ".h3").flatMap(h -> page.lookupAll(h).stream())
                    .map(h -> ScreenText.of(h).stream().map(ScreenText.Piece::text).collect(Collectors.joining()))
                    .toList();
        });
        for (String h : headings) {
            if (!HAN.matcher(h).find()) {
                leak("== guide " + name + ": a heading in English: " + h);
            }
        }
    }

    @Test
    void everyTabMenuAndHelpWindowSpeaksChinese(FxRobot robot) {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        for (String tab : List.of("debugger", "train", "compare", "learn")) {
            robot.interact(() -> window.selectTab(tab));
            look("the " + tab + " tab");
        }
        for (String id : List.of("guideItem", "shortcutsItem", "glossaryItem", "aboutItem")) {
            MenuItem item = item(robot, id);
            Platform.runLater(item::fire);
            UiWait.until(id + "'s window", () -> !helpWindows().isEmpty());
            if (id.equals("guideItem")) {
                var guides = robot.lookup("#guideList").queryAs(javafx.scene.control.ListView.class);
                for (int k = 0; k < UiWait.onFx(() -> guides.getItems().size()); k++) {
                    int page = k;
                    robot.interact(() -> guides.getSelectionModel().select(page));
                    UiWait.until("the guide's title", () -> robot.lookup(".markdown .h1").tryQuery().isPresent());
                    guidePage(robot, UiWait.onFx(() -> String.valueOf(guides.getSelectionModel().getSelectedItem())));
                    look("guide " + page);
                }
            } else {
                look(id);
            }
            robot.interact(() -> helpWindows().forEach(Stage::close));
        }
        assertNoEnglish();
    }

    @Test
    void aTrainedRunAndItsDebuggerSpeakChinese(FxRobot robot) throws Exception {
        var train = BriefRun.trainAndPause(window);
        robot.interact(() -> window.selectTab("train"));
        UiWait.until("the run paused", () -> train.stateProperty().get() == RunState.PAUSED);
        look("a paused run");
        robot.interact(train::openInDebugger);
        UiWait.until("the run's sample in the debugger", () -> window.debugger().viewModel().trace() != null
                && window.debugger().viewModel().titleProperty().get().length() > 0
                && !window.debugger().viewModel().busyProperty().get());
        TabPane views = robot.lookup("#viewTabs").queryAs(TabPane.class);
        for (int k = 0; k < 3; k++) {
            int tab = k;
            robot.interact(() -> views.getSelectionModel().select(tab));
            look("the debugger's view " + k);
        }
        robot.interact(() -> window.debugger().viewModel().stepper().stepOver());
        look("a step later");
        robot.interact(() -> window.debugger().viewModel().stepper()
                .setDirection(org.lstmlab.engine.trace.Direction.BACKWARD));
        UiWait.until("the backward pass", () -> !window.debugger().viewModel().busyProperty().get());
        for (int k = 0; k < 3; k++) {
            int tab = k;
            robot.interact(() -> views.getSelectionModel().select(tab));
            look("backward, the debugger's view " + k);
        }
        robot.interact(() -> window.setPresenting(true));
        look("presenter mode");
        assertNoEnglish();
    }

    /** The dialogs on show (windows of the main window other than the main one), closed after a look. */
    private void lookAtDialog(FxRobot robot, String what) {
        UiWait.until(what, () -> !helpWindows().isEmpty());
        look(what);
        robot.interact(() -> helpWindows().forEach(Stage::close));
    }

    @Test
    void theDialogsSpeakChinese(FxRobot robot) throws Exception {
        UiWait.until("the first trace", () -> window.debugger().viewModel().trace() != null);
        var debugger = window.debugger().viewModel();
        Path weights = Path.of("src/test/resources/interop/keras2_weights.h5").toAbsolutePath();
        robot.interact(() -> debugger.setupCommands().openModelFile(weights,
                org.lstmlab.ui.debugger.WeightPreset.RANDOM_TORCH));
        lookAtDialog(robot, "the notes on Keras weights without their config");
        robot.interact(() -> window.setZoom(150));  // the tool bar folds its t = field: Debug ▸ Jump asks in a dialog
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        MenuItem jump = UiWait.onFx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getAccelerator() != null && i.getAccelerator().getName().endsWith("G")).findFirst()
                .orElseThrow());
        Platform.runLater(jump::fire);
        lookAtDialog(robot, "Debug ▸ Jump to Timestep");
        robot.interact(() -> window.setZoom(100));
        BriefRun.trainAndPause(window);
        WaitForAsyncUtils.asyncFx(window::quit);
        lookAtDialog(robot, "quitting with an unsaved model");
        assertNoEnglish();
    }
}
