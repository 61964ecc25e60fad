package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.tasks.SeriesTask;
import org.lstmlab.ui.compare.CompareViewModel;
import org.lstmlab.ui.training.RunState;
import org.lstmlab.ui.training.TrainingViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * "Train it in the Train tab" after comparing on the user's file (docs/data/activity.csv, its three accelerations
 * classified by activity, windows of 12 rows): the LSTM handed over brings the file and its fields, the Train tab
 * reads the file with them (as its own task, the fields on show, no horizon for the class target) and starts on it.
 */
class CompareFileToTrainUiTest extends MainWindowUiBase {
    private static final Path ACTIVITY = Path.of("docs/data/activity.csv");

    /** Compares the cells on the file's accelerations, classified by activity, one epoch on 100 windows of 12. */
    private CompareViewModel compareOnTheFile(FxRobot robot) throws Exception {
        CompareViewModel compare = window.compareView().viewModel();
        WaitForAsyncUtils.asyncFx(() -> window.selectTab("compare")).get();
        robot.interact(() -> {
            compare.data().fields().columnsProperty().set("acc_x, acc_y, acc_z");
            compare.data().fields().targetProperty().set("activity");
            compare.chooseDataFile(ACTIVITY);
        });
        UiWait.until("the file read", () -> compare.taskProperty().get() instanceof SeriesTask);
        robot.interact(() -> {
            robot.lookup("#compareWindow").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(12);
            compare.epochsProperty().set(1);
            compare.samplesProperty().set(100);
        });
        robot.clickOn("#compareStart");
        return compare;
    }

    @Test
    @SuppressWarnings("unchecked")
    void theLstmOfAFileTrainsInTheTrainTabOnThatFile(FxRobot robot) throws Exception {
        CompareViewModel compare = compareOnTheFile(robot);
        UiWait.until("the comparison to finish", () -> compare.snapshotProperty().get().done()
                && !compare.runningProperty().get(), compare.statusProperty()::get);
        assertEquals(Comparison.CELLS.size(), compare.snapshotProperty().get().points().size(),
                compare.statusProperty().get());
        Comparison.Point lstm = compare.snapshotProperty().get().points().stream()
                .filter(p -> p.cell() == CellType.LSTM).findFirst().orElseThrow();
        assertFalse(lstm.solved(), "one epoch on 100 windows does not beat the majority class");
        ComboBox<Comparison.Point> failed = robot.lookup("#compareFailedBox").queryAs(ComboBox.class);
        robot.interact(() -> failed.getSelectionModel().select(lstm));
        Button handOver = robot.lookup("#compareTrainChosen").queryAs(Button.class);
        assertTrue(UiWait.onFx(handOver::isVisible), "a file's model can be trained in the Train tab");
        robot.clickOn(handOver);

        TrainingViewModel train = window.trainingView().viewModel();
        UiWait.until("the Train tab to read the file", () -> train.form().taskProperty().get() instanceof SeriesTask
                && train.form().cellProperty().get() == CellType.LSTM, train.messageProperty()::get);
        TabPane tabs = robot.lookup(".tab-pane").queryAs(TabPane.class);
        assertEquals(window.trainingView().root(), UiWait.onFx(() -> tabs.getSelectionModel().getSelectedItem()
                .getContent()), "the Train tab is on show");
        assertEquals(12, UiWait.onFx(() -> train.form().stepsProperty().get()), "the window compared at");
        assertEquals(1, UiWait.onFx(() -> train.form().epochsProperty().get()));
        String message = UiWait.onFx(train.messageProperty()::get);
        assertTrue(message.startsWith("activity.csv") && message.endsWith(
                "Classify windows of acc_x, acc_y, acc_z of activity.csv by the activity of their last row"), message);
        assertEquals("acc_x, acc_y, acc_z", robot.lookup("#columnsField").queryAs(TextField.class).getText());
        assertEquals("activity", robot.lookup("#targetField").queryAs(TextField.class).getText());
        Node note = robot.lookup("#horizonNote").queryAs(Label.class);
        assertTrue(UiWait.onFx(() -> note.isVisible() && note.isManaged()), "a class target: no horizon");

        Button start = robot.lookup("#startButton").queryAs(Button.class);
        assertFalse(UiWait.onFx(start::isDisabled));
        robot.clickOn(start);
        UiWait.until("the run on the file", () -> train.run() != null
                && train.stateProperty().get() != RunState.PREPARING, train.statusProperty()::get);
        assertTrue(UiWait.onFx(() -> train.stateProperty().get() != RunState.FAILED), train.messageProperty().get());
        assertEquals(ACTIVITY, train.run().atBoundary(a -> a.session().record().data().file()).get());
        robot.interact(train::stop);
    }

    /**
     * A text's model (docs/data/jabberwocky.txt at 10 characters) goes to the Train tab with its text and its length:
     * the Train tab reads the text as its character model, at the length the models were compared at.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aTextsModelTrainsInTheTrainTabOnThatTextAtItsLength(FxRobot robot) throws Exception {
        Path poem = Path.of("docs/data/jabberwocky.txt");
        CompareViewModel compare = window.compareView().viewModel();
        WaitForAsyncUtils.asyncFx(() -> window.selectTab("compare")).get();
        robot.interact(() -> compare.chooseDataFile(poem));
        UiWait.until("the text read", () -> compare.taskProperty().get().name().equals("charlm"));
        robot.interact(() -> {
            robot.lookup("#compareWindow").queryAs(javafx.scene.control.Spinner.class).getValueFactory().setValue(10);
            compare.epochsProperty().set(1);
            compare.samplesProperty().set(100);
        });
        robot.clickOn("#compareStart");
        UiWait.until("the comparison to finish", () -> compare.snapshotProperty().get().done()
                && !compare.runningProperty().get(), compare.statusProperty()::get);
        Comparison.Point gru = compare.snapshotProperty().get().points().stream()
                .filter(p -> p.cell() == CellType.GRU).findFirst().orElseThrow();
        assertFalse(gru.solved(), "one epoch on 100 windows is not below 80 % of the frequencies' entropy");
        ComboBox<Comparison.Point> failed = robot.lookup("#compareFailedBox").queryAs(ComboBox.class);
        robot.interact(() -> failed.getSelectionModel().select(gru));
        robot.clickOn(robot.lookup("#compareTrainChosen").queryAs(Button.class));

        TrainingViewModel train = window.trainingView().viewModel();
        UiWait.until("the Train tab to read the text", () -> train.form().taskProperty().get().name().equals("charlm")
                && train.form().cellProperty().get() == CellType.GRU, train.messageProperty()::get);
        assertEquals(10, UiWait.onFx(() -> train.form().stepsProperty().get()), "the length compared at");
        assertEquals(1, UiWait.onFx(() -> train.form().epochsProperty().get()));
        String message = UiWait.onFx(train.messageProperty()::get);
        assertTrue(message.startsWith("jabberwocky.txt") && message.endsWith(
                "Predict the next character of a text (jabberwocky.txt), then sample new text from the model"),
                message);
    }
}
