package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.training.RunState;
import org.lstmlab.ui.training.TrainingViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A student whose run ended "still learning" presses Train N more epochs, in Chinese at 1024 × 768: the run goes
 * on from its last epoch, and the checkup under the verdict then speaks of all the epochs, read whole.
 */
class TrainMoreUiTest extends MainWindowUiBase {
    @Override
    protected Locale language() {
        return Locale.SIMPLIFIED_CHINESE;
    }

    @Test
    void trainMoreGoesOnFromTheLastEpoch(FxRobot robot) throws Exception {
        TrainingViewModel train = window.trainingView().viewModel();
        Button more = robot.lookup("#trainMoreButton").queryAs(Button.class);
        WaitForAsyncUtils.asyncFx(() -> {
            window.selectTab("train");
            train.chooseTask(Tasks.byName("keras-example"));
            train.form().learningRateProperty().set("1e-4");   // 55.9 % then 79.0 %: learning, not solved
            train.form().epochsProperty().set(1);
            train.start();
        }).get();
        UiWait.until("the first run to finish", () -> train.stateProperty().get() == RunState.FINISHED
                && !more.isDisabled(), () -> train.stateProperty().get() + " " + more.isDisabled());
        assertEquals("再训练 1 个迭代周期", UiWait.onFx(more::getText));

        robot.clickOn(more);
        UiWait.until("the second epoch", () -> train.stateProperty().get() == RunState.FINISHED
                && train.snapshotProperty().get().epochMetrics().size() == 2,
                () -> train.stateProperty().get() + " " + train.snapshotProperty().get().epochMetrics().size());
        Label checkup = robot.lookup("#checkupLabel").queryAs(Label.class);
        String text = UiWait.onFx(checkup::getText);
        assertTrue(text.startsWith("没有警示信号：这次训练看不出哪里出了问题。它的验证准确率在 2 个迭代周期里从 55.9"), text);
        assertTrue(UiWait.onFx(() -> checkup.isWrapText() && Drawn.text(checkup).replace("\n", "")
                .equals(text.replace("\n", ""))), () -> "the checkup is read whole: " + Drawn.text(checkup));
    }
}
