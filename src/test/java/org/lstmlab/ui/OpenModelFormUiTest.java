package org.lstmlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.session.RunRecord;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.training.RunState;
import org.lstmlab.ui.training.TrainingViewModel;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File ▸ Open Model on the Train tab: the builder shows the opened model (task, cell, units, layers, settings), and
 * Restart, clicked, trains that model's task and architecture again, not the task the form showed before.
 */
class OpenModelFormUiTest extends MainWindowUiBase {

    /** The value of a control of the Train tab's builder (other tabs have controls of the same ids). */
    private <T> T value(FxRobot robot, String id) throws Exception {
        return UiWait.onFx(() -> {
            Object n = robot.from(window.trainingView().root()).lookup(id).query();
            @SuppressWarnings("unchecked")
            T v = (T) (n instanceof ComboBox<?> c ? c.getValue() : n instanceof Spinner<?> s ? s.getValue()
                    : ((TextField) n).getText());
            return v;
        });
    }

    @Test
    void theBuilderShowsTheOpenedModelAndRestartTrainsIt(FxRobot robot) throws Exception {
        Task ke = Tasks.byName("keras-example");
        SequenceModel m = new SequenceModel(ke.model(ke.generate(0, 1), CellType.GRU, 6, 2));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 5);
        Path file = Files.createTempDirectory("open-model").resolve("gru.safetensors");
        ModelFile.save(file, m, ke.defaults().toBuilder().optimizer(OptimizerKind.RMSPROP).learningRate(0.005)
                .batchSize(16).epochs(3).build(), ke.name());
        TrainingViewModel train = window.trainingView().viewModel();
        WaitForAsyncUtils.asyncFx(() -> {
            window.selectTab("train");
            train.chooseTask(Tasks.byName("reber"));
            window.files().open(file);
        }).get();
        UiWait.until("the model, paused", () -> train.stateProperty().get() == RunState.PAUSED);

        assertEquals(ke, value(robot, "#taskBox"));
        assertEquals(CellType.GRU, value(robot, "#cellBox"));
        assertEquals(Integer.valueOf(6), value(robot, "#unitsSpinner"));
        assertEquals(Integer.valueOf(2), value(robot, "#layersSpinner"));
        assertEquals(OptimizerKind.RMSPROP, value(robot, "#optimizerBox"));
        assertEquals("0.005", value(robot, "#lrField"));
        assertEquals(Integer.valueOf(16), value(robot, "#batchSpinner"));
        assertEquals(Integer.valueOf(3), value(robot, "#epochsSpinner"));

        robot.clickOn(robot.from(window.trainingView().root()).lookup("#restartButton").queryButton());
        UiWait.until("a fresh run", () -> train.snapshotProperty().get() != null
                && train.snapshotProperty().get().state() == RunState.RUNNING
                && train.snapshotProperty().get().steps() > 0);
        RunRecord r = train.run().atBoundary(a -> a.session().record()).get();
        assertEquals("keras-example", r.task());
        assertEquals(CellType.GRU, r.cell());
        assertEquals(6, r.hidden());
        assertEquals(2, r.layers());
        WaitForAsyncUtils.asyncFx(train::stop).get();
    }
}
