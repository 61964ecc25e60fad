package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.ui.MainWindow;
import org.lstmlab.ui.UiWait;
import org.lstmlab.ui.common.I18n;
import org.lstmlab.ui.common.Resources;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Opening a PyTorch nn.RNN state_dict in the real main window shows what the file does not say; choosing ReLU there
 * and clicking "Open with these choices" reopens it as a ReLU RNN. Headless.
 */
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
class ImportNotesDialogUiTest {
    private MainWindow window;
    private DebuggerViewModel vm;

    @Start
    void start(Stage stage) {
        window = MainWindow.create(I18n.bundle(Locale.ENGLISH));
        Scene scene = new Scene(window.root(), 1280, 800);
        scene.getStylesheets().add(Resources.url("theme.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        vm = window.debugger().viewModel();
    }

    @AfterEach
    void stop() {
        window.shutdown();
    }

    @Test
    void theNotesAreShownAndAChoiceReopensTheFile(FxRobot robot) throws Exception {
        reopenAsRelu(robot, ImportChoicesTest.RELU_RNN);
        assertFalse(robot.lookup("#importNotes").tryQuery().isPresent(), "the dialog has closed");
    }

    /** Opens the ReLU RNN {@code file}, checks that the dialog says tanh was assumed, and chooses ReLU there. */
    @SuppressWarnings("unchecked")
    private void reopenAsRelu(FxRobot robot, java.nio.file.Path file) throws Exception {
        String notes = openAndReadNotes(robot, file);
        assertTrue(notes.contains("assumed tanh"), notes);
        ComboBox<CellType> box = robot.lookup("#importNotes .combo-box").queryAs(ComboBox.class);
        assertEquals(CellType.RNN_TANH, box.getValue());
        chooseAndApply(robot, box, CellType.RNN_RELU);
        DebuggerViewUiTest.waitFor(() -> vm.trace() != null && vm.trace().cell() == CellType.RNN_RELU);
    }

    /**
     * A file torch.save wrote (the state_dict of an nn.DataParallel-wrapped ReLU RNN, keys 'module.lstm.', made by
     * PyTorch) opens in the debugger as it is: the dialog says what it could not tell, and ReLU reopens it.
     */
    @Test
    void aFileTorchSaveWroteOpensAndAChoiceReopensIt(FxRobot robot) throws Exception {
        reopenAsRelu(robot, ImportChoicesTest.DIR.resolve("torch_dataparallel.pt"));
        assertEquals(3, vm.trace().hiddenSize());
    }

    /**
     * A training checkpoint torch.save wrote opens with the dialog saying which entry was read, at which epoch, and
     * that the optimizer's state was not: training in LSTM Lab starts a fresh optimizer.
     */
    @Test
    void aCheckpointSaysWhichEntryWasReadAndThatTheOptimizerStateWasNot(FxRobot robot) throws Exception {
        String notes = openAndReadNotes(robot, ImportChoicesTest.DIR.resolve("torch_checkpoint.pt"));
        assertTrue(notes.startsWith("a PyTorch checkpoint dict saved at epoch 12: the model was read from"
                + " its 'model_state_dict' entry\nthe checkpoint's other entries were not read:"
                + " 'optimizer_state_dict', 'loss'; "), notes);
        assertTrue(notes.contains("training in LSTM Lab starts with a fresh optimizer"), notes);
        Label second = robot.lookup("#importNotes .import-note").queryAllAs(Label.class).stream().skip(1)
                .findFirst().orElseThrow();
        robot.interact(() -> Clipboard.getSystemClipboard().clear());
        var items = UiWait.onFx(() -> second.getContextMenu().getItems());  // Monocle sends no right-click menu
        assertEquals(java.util.List.of("Copy", "Copy all"), UiWait.onFx(() -> items.stream()
                .map(javafx.scene.control.MenuItem::getText).toList()));
        robot.interact(() -> items.get(0).fire());
        DebuggerViewUiTest.waitFor(() -> second.getText().equals(clipboard()));
        robot.interact(() -> items.get(1).fire());
        DebuggerViewUiTest.waitFor(() -> ("\u2022 " + notes.replace("\n", "\n\u2022 ")).equals(clipboard()));
    }

    /**
     * A text classifier (nn.Embedding, a 2-layer nn.LSTM, nn.Linear; make_embedding_fixtures.py) opens in the
     * debugger, whose dialog says it takes token ids and that the debugger starts at x_t, a row of 4 values.
     */
    @Test
    void aTextClassifierOpensAndTheDialogSaysItTakesTokenIds(FxRobot robot) throws Exception {
        String notes = openAndReadNotes(robot, ImportChoicesTest.DIR.resolve("emb_lstm_f64.safetensors"));
        assertTrue(notes.startsWith("'embedding.weight' is an nn.Embedding of 12 rows of 4 values: the model takes "
                + "token ids from 0 to 11"), notes);
        DebuggerViewUiTest.waitFor(() -> vm.trace() != null && vm.trace().hiddenSize() == 5
                && vm.trace().cell() == CellType.LSTM);
    }

    private static String clipboard() throws Exception {
        return UiWait.onFx(() -> Clipboard.getSystemClipboard().getString());
    }

    /** Keras weights without their config: the dialog offers the steps predicted, and every step reopens them so. */
    @Test
    @SuppressWarnings("unchecked")
    void theStepsPredictedAreOfferedForKerasWeightsWithoutTheirConfig(FxRobot robot) throws Exception {
        String notes = openAndReadNotes(robot, ImportChoicesTest.DIR.resolve("keras2_weights.h5"));
        assertTrue(notes.contains("choose every step under \"Prediction at\" below"), notes);
        ComboBox<HeadMode> box = robot.lookup("#importNotes .combo-box").queryAllAs(ComboBox.class).stream()
                .filter(b -> b.getItems().contains(HeadMode.LAST)).findFirst().orElseThrow();
        assertEquals(HeadMode.LAST, box.getValue());
        chooseAndApply(robot, box, HeadMode.EVERY_STEP);
        DebuggerViewUiTest.waitFor(() -> vm.setupCommands().importChoices().headProperty().get() == HeadMode.EVERY_STEP
                && !robot.lookup("#importNotes").tryQuery().isPresent());
        String now = ImportChoicesTest.text(vm.setupCommands().importChoices());
        assertTrue(now.contains("assumed True, as asked"), now);
    }

    /**
     * After View ▸ Language the notes open once: the set-up panels the language switches replaced showed them too,
     * one dialog each (three after two switches), and asked as many times for a file.
     */
    @Test
    void afterALanguageSwitchTheNotesOpenOnce(FxRobot robot) throws Exception {
        DebuggerViewUiTest.waitFor(() -> vm.trace() != null);
        robot.interact(() -> {
            window.setLanguage(Locale.SIMPLIFIED_CHINESE);
            window.setLanguage(Locale.ENGLISH);
        });
        robot.interact(() -> vm.setupCommands().openModelFile(ImportChoicesTest.RELU_RNN, WeightPreset.RANDOM_TORCH));
        DebuggerViewUiTest.waitFor(() -> robot.lookup("#importNotes").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, robot.lookup("#importNotes").queryAll().size(), "the notes' dialogs on show");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(
                (Button b) -> b.getText().equals("Keep the assumptions")).queryAs(Button.class));
        DebuggerViewUiTest.waitFor(() -> robot.lookup("#importNotes").tryQuery().isEmpty());
    }

    /** Opens {@code file} in the debugger once it runs, and the notes its dialog shows once on show, one a line. */
    private String openAndReadNotes(FxRobot robot, java.nio.file.Path file) throws Exception {
        DebuggerViewUiTest.waitFor(() -> vm.trace() != null);
        robot.interact(() -> vm.setupCommands().openModelFile(file, WeightPreset.RANDOM_TORCH));
        DebuggerViewUiTest.waitFor(() -> robot.lookup("#importNotes").tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return robot.lookup("#importNotes .import-note").queryAllAs(Label.class).stream().map(Label::getText)
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    /** Chooses {@code value} in {@code box}, which is on show, and clicks "Open with these choices". */
    private static <T> void chooseAndApply(FxRobot robot, ComboBox<T> box, T value) {
        assertTrue(box.isVisible());
        robot.interact(() -> box.setValue(value));
        Node apply = robot.lookup(".dialog-pane .button").match(
                (Button b) -> b.getText().equals("Open with these choices")).query();
        robot.clickOn(apply);
    }
}
