package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.AppVersion;
import org.lstmlab.ui.common.Settings;
import org.lstmlab.ui.training.TrainingViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The File and Help menus: About, the shortcut sheet, the glossary, the guides, saving, exporting, quitting. */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class MainWindowMenusUiTest {
    private MainWindow window;
    private final Settings settings = Settings.inMemory();
    private final AtomicInteger exits = new AtomicInteger();

    @Start
    void start(Stage stage) {
        window = MainWindow.create(Locale.ENGLISH, settings);
        window.setExitAction(exits::incrementAndGet);
        stage.setScene(new Scene(window.root(), 1280, 800));
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && s.getOwner() != null) {
                    s.close();
                }
            }
            window.shutdown();
        }).get();
    }

    private static String title(FxRobot robot, String startsWith) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(startsWith)).map(w -> ((Stage) w).getTitle()).findFirst().orElse("");
    }

    @Test
    void aboutShowsTheVersionTheJavaAndTheKernelsUnderATitleWithoutUnderscore(FxRobot robot) {
        robot.clickOn("Help").clickOn("About LSTM Lab");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("About LSTM Lab", title(robot, "About"));
        assertEquals(AppVersion.VERSION, robot.lookup("#about-0").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#about-1").queryAs(Label.class).getText()
                .startsWith(System.getProperty("java.version")));
        String kernels = robot.lookup("#about-4").queryAs(Label.class).getText();
        assertTrue(kernels.startsWith("Vector API") || kernels.startsWith("plain Java"), kernels);
        robot.clickOn("#aboutClose");
    }

    @Test
    void theShortcutSheetListsTheMenusKeys(FxRobot robot) {
        robot.clickOn("Help").clickOn("Keyboard Shortcuts");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#shortcutsTable").queryAs(TableView.class);
        String all = table.getItems().toString();
        assertTrue(all.contains("action=Step Into, keys=F11"), all);
        assertTrue(all.contains("action=Quit"), all);
        assertTrue(all.contains("action=User Guide, keys=F1"), all);
    }

    @Test
    void theGlossarySearchesInBothLanguages(FxRobot robot) {
        robot.clickOn("Help").clickOn("Glossary (English ↔ 中文)");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#glossaryTable").queryAs(TableView.class);
        int all = table.getItems().size();
        assertTrue(all > 40, "terms: " + all);
        var headers = robot.from(table).lookup(".column-header .label").queryAllAs(Label.class);
        assertEquals(4, headers.size());
        for (Label header : headers) {  // beside the scroll bar of the whole list
            assertEquals(header.getText(), Drawn.text(header), "the column header is cut short");
        }
        robot.clickOn("#glossarySearch").write("clipping");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(table.getItems().size() < all && table.getItems().toString().contains("梯度裁剪"),
                table.getItems().toString());
    }

    @Test
    void f1OpensTheGuideOfTheTab(FxRobot robot) throws Exception {
        robot.push(javafx.scene.input.KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("User Guide", title(robot, "User Guide"));
        javafx.scene.control.ListView<?> list = robot.lookup("#guideList").queryAs(javafx.scene.control.ListView.class);
        assertEquals("debugger", list.getSelectionModel().getSelectedItem());
        assertTrue(robot.lookup(".markdown .h1").tryQuery().isPresent(), "the guide's title is shown");
    }

    private TrainingViewModel trainBriefly() throws Exception {
        return BriefRun.trainAndPause(window);
    }

    /** The button labelled {@code text} of the quit dialog on show (an earlier one may linger, hidden). */
    private static javafx.scene.control.Button dialogButton(FxRobot robot, String text) throws Exception {
        UiWait.until("the quit dialog", () -> robot.lookup("#quitDialog").queryAll().stream()
                .anyMatch(n -> n.getScene() != null && n.getScene().getWindow().isShowing()));
        javafx.scene.Node dialog = robot.lookup("#quitDialog").queryAll().stream()
                .filter(n -> n.getScene() != null && n.getScene().getWindow().isShowing()).findFirst().orElseThrow();
        return robot.from(dialog).lookup(".button").queryAllAs(javafx.scene.control.Button.class).stream()
                .filter(b -> text.equals(b.getText())).findFirst().orElseThrow();
    }

    @Test
    void quittingWithNothingTrainedAsksNothing() throws Exception {
        assertTrue(WaitForAsyncUtils.asyncFx(window::quit).get());
        assertEquals(1, exits.get());
    }

    @Test
    void quittingWithAnUnsavedModelAsksFirst(FxRobot robot) throws Exception {
        trainBriefly();
        Future<Boolean> quit = WaitForAsyncUtils.asyncFx(window::quit);
        robot.clickOn(dialogButton(robot, "Cancel"));
        assertFalse(quit.get(10, TimeUnit.SECONDS), "Cancel keeps the window");
        assertEquals(0, exits.get());
        Future<Boolean> again = WaitForAsyncUtils.asyncFx(window::quit);
        robot.clickOn(dialogButton(robot, "Quit _Without Saving"));  // the label as written, with its mnemonic
        assertTrue(again.get(10, TimeUnit.SECONDS));
        assertEquals(1, exits.get());
    }

    @Test
    void savingNamesTheWindowRemembersTheFileAndReportsWithoutRed(FxRobot robot, @TempDir Path dir) throws Exception {
        trainBriefly();
        assertTrue(WaitForAsyncUtils.asyncFx(window::hasUnsavedModel).get());
        Path file = dir.resolve("adding.safetensors");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> window.saveTo(file)).get().get(60, TimeUnit.SECONDS));
        assertTrue(Files.size(file) > 100);
        assertFalse(WaitForAsyncUtils.asyncFx(window::hasUnsavedModel).get());
        assertEquals(List.of(file.toAbsolutePath()), settings.recentFiles());
        assertEquals("LSTM Lab — adding.safetensors", window.titleProperty().get());
        Label status = robot.lookup("#statusMessage").queryAs(Label.class);
        assertTrue(status.getText().startsWith("Saved the model"), status.getText());
        assertFalse(status.getPseudoClassStates().contains(PseudoClass.getPseudoClass("error")), "success is not red");
        Label message = robot.lookup("#messageLabel").queryAs(Label.class);
        assertFalse(message.getPseudoClassStates().contains(PseudoClass.getPseudoClass("error")));
    }

    @Test
    void exportingTheKerasCodeWritesWhatTheTrainTabShows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("model.py");
        ExportFormat keras = ExportFormat.all().stream().filter(f -> f.labelKey().equals("menu.file.export.kerasCode"))
                .findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> keras.writer().write(window, file)).get().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        String code = Files.readString(file, StandardCharsets.UTF_8);
        assertEquals(WaitForAsyncUtils.asyncFx(() -> window.trainingView().viewModel().kerasCodeProperty().get())
                .get(), code);
        assertTrue(code.contains("keras"), code);
    }

    @Test
    void exportingThePyTorchModelWritesTheRunsWeightsWithItsCodeAndCheckInput(@TempDir Path dir) throws Exception {
        ExportFormat torch = ExportFormat.all().stream().filter(f -> f.labelKey().equals("menu.file.export.torchModel"))
                .findFirst().orElseThrow();
        assertTrue(torch.folder());
        Path out = dir.resolve("for-pytorch");
        var refused = WaitForAsyncUtils.asyncFx(() -> torch.writer().write(window, out)).get().toCompletableFuture();
        var why = org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> refused.get(30, TimeUnit.SECONDS));
        assertTrue(why.getCause().getMessage().contains("no trained model"), why.getCause().getMessage());
        trainBriefly();
        WaitForAsyncUtils.asyncFx(() -> torch.writer().write(window, out)).get().toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
        Path saved = dir.resolve("saved.safetensors");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> window.saveTo(saved)).get().get(60, TimeUnit.SECONDS));
        var exported = org.lstmlab.engine.io.ModelFile.load(out.resolve("model.safetensors")).model();
        var kept = org.lstmlab.engine.io.ModelFile.load(saved).model();
        assertEquals(kept.spec(), exported.spec());
        for (int k = 0; k < kept.parameters().size(); k++) {
            org.junit.jupiter.api.Assertions.assertArrayEquals(kept.parameters().get(k).data(),
                    exported.parameters().get(k).data(),
                    "the paused run's weights, " + kept.parameters().get(k).name());
        }
        String code = Files.readString(out.resolve("model.py"), StandardCharsets.UTF_8);
        assertTrue(code.contains("load_state_dict") && code.contains("check_input.safetensors"), code);
        assertTrue(Files.size(out.resolve("check_input.safetensors")) > 0);
    }

    @Test
    void theDebuggersKeysDoNothingOnAnotherTab(FxRobot robot) throws Exception {
        var debug = window.debugger().viewModel();
        UiWait.until("the debugger's first trace", () -> debug.trace() != null);
        robot.clickOn("Train");
        var before = debug.cursor();
        robot.push(javafx.scene.input.KeyCode.F11);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, debug.cursor(), "F11 on the Train tab does not step the hidden debugger");
        robot.clickOn("Debugger");
        robot.push(javafx.scene.input.KeyCode.F11);
        UiWait.until("F11 to step the debugger", () -> !before.equals(debug.cursor()));
    }

    private boolean disabled(String item) {
        return UiWait.onFx(() -> window.debugger().menu().getItems().stream()
                .filter(i -> item.equals(i.getId())).findFirst().orElseThrow().isDisable());
    }

    @Test
    void theDebugMenuOffersPauseUndoAndRedoOnlyWhenTheirButtonsDo(FxRobot robot) throws Exception {
        var debug = window.debugger().viewModel();
        UiWait.until("the debugger's first trace", () -> debug.trace() != null && !debug.busyProperty().get());
        assertFalse(disabled("stepIntoItem"));
        assertTrue(disabled("pauseItem"), "nothing runs");
        assertTrue(disabled("undoItem"), "nothing to undo");
        assertTrue(disabled("redoItem"), "nothing to redo");

        WaitForAsyncUtils.asyncFx(() -> debug.editWeight(0, "W_if", 0, 0, "0.5")).get();
        UiWait.until("the edit to be undoable", () -> debug.canUndoProperty().get());
        assertFalse(disabled("undoItem"));
        assertTrue(disabled("redoItem"));
        WaitForAsyncUtils.asyncFx(debug::undo).get();
        UiWait.until("the undo to be redoable", () -> debug.canRedoProperty().get());
        assertFalse(disabled("redoItem"));

        WaitForAsyncUtils.asyncFx(() -> {
            debug.stepper().speedProperty().set(0.5);
            debug.stepper().continueRun();
        }).get();
        UiWait.until("Continue to run", () -> debug.stepper().runningProperty().get());
        assertFalse(disabled("pauseItem"), "Pause stops the Continue that runs");
        robot.clickOn("Train");
        assertTrue(disabled("pauseItem") && disabled("redoItem"), "another tab: the whole menu is off");
        WaitForAsyncUtils.asyncFx(debug.stepper()::pause).get();
    }

    @Test
    void unknownMenusAreNotThereAndTheStatusBarSaysSomethingUseful(FxRobot robot) {
        String hint = robot.lookup("#statusMessage").queryAs(Label.class).getText();
        assertTrue(hint.contains("F1"), hint);
        Label kernels = robot.lookup("#statusKernels").queryAs(Label.class);
        assertTrue(kernels.getText().equals("Fast arithmetic") || kernels.getText().startsWith("Slower arithmetic"),
                "a few words a teacher can read: " + kernels.getText());
        assertTrue(kernels.getTooltip().getText().startsWith("Kernels:"), "the details on hover");
        assertFalse(robot.lookup("#statusUnsaved").queryAs(Label.class).isVisible());
        assertTrue(robot.lookup("#statusActivity").queryAs(Label.class).getText().isEmpty());
        assertTrue(robot.lookup(".status-bar").tryQuery().isPresent());
        TextField any = robot.lookup(".text-field").queryAs(TextField.class);
        assertTrue(any != null);
    }
}
