package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.training.TrainingViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Train tab's checkup as a student meets it: a SimpleRNN on adding problems of 100 steps ends with its warning
 * signs under the verdict, and the link under them opens the lesson on vanishing gradients, in either language.
 * The Compare tab shows the checkup of each model that did not solve the task, chosen in a list.
 */
class CheckupLinkUiTest extends MainWindowUiBase {
    /** Each test opens its lessons unanswered: the first step's prediction is still to make. */
    @Override
    protected boolean newLessonProgress() {
        return true;
    }

    @Test
    void aRunThatCannotLearnLinksToTheLessonThatSaysWhy(FxRobot robot) throws Exception {
        TrainingViewModel train = window.trainingView().viewModel();
        WaitForAsyncUtils.asyncFx(() -> {
            window.selectTab("train");
            train.chooseTask(Tasks.byName("adding"));
            train.form().cellProperty().set(CellType.RNN_TANH);
            train.form().stepsProperty().set(100);
            train.form().epochsProperty().set(2);
            train.start();
        }).get();
        Hyperlink link = robot.lookup("#checkupLessonLink").queryAs(Hyperlink.class);
        UiWait.until("the checkup's lesson link", () -> link.isVisible() && train.snapshotProperty().get() != null
                && train.snapshotProperty().get().state().isOver(), () -> (train.snapshotProperty().get() == null
                ? "no run" : train.snapshotProperty().get().state() + " " + train.snapshotProperty().get().steps()
                + " " + train.snapshotProperty().get().checkup()) + " / " + train.checkup().textProperty().get()
                + " / link " + link.getText() + " " + link.isVisible());
        String checkup = robot.lookup("#checkupLabel").queryAs(Label.class).getText();
        assertTrue(checkup.contains("The gradient reaching t = 1 is "), checkup);
        assertTrue(link.getText().startsWith("Lesson: "), link.getText());

        robot.clickOn(link);
        UiWait.until("the lesson to open", () -> window.learnView().viewModel().lessonProperty().get() != null);
        assertEquals("vanishing-gradient", UiWait.onFx(() -> window.learnView().viewModel().lessonProperty().get()
                .id()));

        WaitForAsyncUtils.asyncFx(() -> window.setLanguage(Locale.SIMPLIFIED_CHINESE)).get();
        WaitForAsyncUtils.asyncFx(() -> window.selectTab("train")).get();
        UiWait.until("the link in Chinese", () -> robot.lookup("#checkupLessonLink").tryQuery()
                .map(n -> ((Hyperlink) n).getText().startsWith("课程：")).orElse(false));
        String text = UiWait.onFx(() -> robot.lookup("#checkupLabel").queryAs(Label.class).getText());
        assertTrue(text.startsWith("训练诊断："), text);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCompareTabSaysWhyEachModelThatFailedFailed(FxRobot robot) throws Exception {
        var compare = window.compareView().viewModel();
        WaitForAsyncUtils.asyncFx(() -> {
            window.selectTab("compare");
            compare.taskProperty().set(Tasks.byName("adding"));
            compare.lengthsProperty().set("100");
            compare.epochsProperty().set(2);
            compare.samplesProperty().set(640);
        }).get();
        assertTrue(!robot.lookup("#compareCheckup").query().isVisible(), "nothing to say before a comparison");
        robot.clickOn("#compareStart");
        UiWait.until("the comparison to end", () -> compare.snapshotProperty().get().done());
        var box = robot.lookup("#compareFailedBox").queryAs(javafx.scene.control.ComboBox.class);
        UiWait.until("the checkup under the chart", () -> robot.lookup("#compareCheckup").query().isVisible()
                && box.getItems().size() == compare.snapshotProperty().get().points().stream()
                        .filter(p -> !p.solved()).count());
        // after two short epochs at T = 100 no cell solves the task, and a gated cell's gradient has vanished
        var withLesson = compare.checkup().failed().stream()
                .filter(p -> p.signs().stream().anyMatch(f -> f.lesson() != null)).findFirst().orElseThrow();
        WaitForAsyncUtils.asyncFx(() -> box.getSelectionModel().select(withLesson)).get();
        String text = UiWait.onFx(() -> robot.lookup("#compareCheckupText").queryAs(Label.class).getText());
        assertTrue(text.startsWith("Checkup: "), text);

        robot.clickOn("#compareTrainChosen");   // the Train tab set up to watch that model train
        TrainingViewModel train = window.trainingView().viewModel();
        UiWait.until("the Train tab's form", () -> train.form().cellProperty().get() == withLesson.cell()
                && train.form().stepsProperty().get() == 100);
        assertEquals("adding", UiWait.onFx(() -> train.form().taskProperty().get().name()));
        assertEquals(2, UiWait.onFx(() -> train.form().epochsProperty().get()));
        assertTrue(UiWait.onFx(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getContent().lookup("#startButton") != null),
                "the Train tab is on show");

        WaitForAsyncUtils.asyncFx(() -> window.selectTab("compare")).get();
        Hyperlink link = robot.lookup("#compareCheckupLesson").queryAs(Hyperlink.class);
        UiWait.until("the lesson link", link::isVisible);
        robot.clickOn(link);
        UiWait.until("the lesson to open", () -> window.learnView().viewModel().lessonProperty().get() != null);
    }

    /** The checkup lesson's second step: "Show me" puts its broken run into the Train tab, beside the lesson. */
    @Test
    void theCheckupLessonSetsUpTheTrainTabForTheStudentToPressStart(FxRobot robot) {
        LessonAt.open(robot, window, "checkup", 1);
        robot.clickOn("#showMe");
        theBrokenRunInTheTrainTab(robot);
    }

    /**
     * The checkup lesson's first step, before the prediction: "Show me" (greyed before, the debugger beside it
     * showing an LSTM unrelated to the run) puts the run the prediction trains into the Train tab, and the
     * prediction still waits for the student.
     */
    @Test
    void theCheckupLessonsFirstStepSetsUpTheRunItsPredictionTrains(FxRobot robot) {
        LessonAt.open(robot, window, "checkup", 0);
        TrainingViewModel train = window.trainingView().viewModel();
        robot.interact(() -> train.form().learningRateProperty().set("0.001"));
        assertFalse(UiWait.onFx(() -> robot.lookup("#showMe").query().isDisabled()), "\"Show me\" greyed");
        robot.clickOn("#showMe");
        theBrokenRunInTheTrainTab(robot);
        assertEquals(2, UiWait.onFx(() -> train.form().epochsProperty().get()));
        assertEquals(CellType.LSTM, UiWait.onFx(() -> train.form().cellProperty().get()));
        var learn = window.learnView().viewModel();
        assertEquals(0, UiWait.onFx(() -> learn.stepProperty().get()), "the lesson stays at its first step");
        assertNull(UiWait.onFx(() -> learn.exerciseProperty().get().right()), "the prediction still to make");
    }

    /** The checkup lesson's first run in the Train tab's form, the tab on show and the lesson docked beside it. */
    private void theBrokenRunInTheTrainTab(FxRobot robot) {
        TrainingViewModel train = window.trainingView().viewModel();
        UiWait.until("the broken run in the Train tab", () -> train.form().config().learningRate() == 3.0
                && train.form().stepsProperty().get() == 20 && train.form().unitsProperty().get() == 16);
        assertEquals("adding", UiWait.onFx(() -> train.form().taskProperty().get().name()));
        assertEquals(0.0, UiWait.onFx(() -> train.form().config().clipNorm()), "no clipping");
        assertTrue(UiWait.onFx(() -> robot.lookup(".tab-pane").queryAs(javafx.scene.control.TabPane.class)
                .getSelectionModel().getSelectedItem().getContent().lookup("#startButton") != null),
                "the Train tab is on show");
        assertEquals("checkup", UiWait.onFx(() -> window.learnView().viewModel().lessonProperty().get().id()),
                "the lesson stays docked beside it");
    }
}
