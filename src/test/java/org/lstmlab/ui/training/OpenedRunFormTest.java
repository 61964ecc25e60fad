package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.math.Precision;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.OptimizerKind;
import org.lstmlab.engine.session.RunRecord;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.Task;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.ui.common.I18n;

/**
 * A model or a checkpoint opened in the Train tab fills the form with what it is made of, as a desktop app's
 * document does, so that Restart trains that task and architecture again rather than the form's last task.
 */
class OpenedRunFormTest {
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);

    /** Settings unlike every task's defaults. */
    static TrainingConfig settings(Task t) {
        return t.defaults().toBuilder().optimizer(OptimizerKind.RMSPROP).learningRate(0.005).batchSize(16).epochs(7)
                .clipNorm(0.5).seed(9).flavour(Flavour.TORCH).precision(Precision.FLOAT32).build();
    }

    /** A GRU of two layers of 6 units for the Keras example, saved with {@link #settings}. */
    static Path savedModel(Path dir) throws Exception {
        Task ke = Tasks.byName("keras-example");
        SequenceModel m = new SequenceModel(ke.model(ke.generate(0, 1), CellType.GRU, 6, 2));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 3);
        Path f = dir.resolve("gru.safetensors");
        ModelFile.save(f, m, settings(ke), ke.name());
        return f;
    }

    private void assertFormShows(String task, int steps, CellType cell, int units, int layers, double split) {
        TrainingForm f = vm.form();
        assertEquals(task, f.task.get().name());
        assertEquals(steps, f.steps.get());
        assertEquals(cell, f.cell.get());
        assertEquals(units, f.units.get());
        assertEquals(layers, f.layers.get());
        assertEquals(split, f.validationSplit.get());
        assertEquals(OptimizerKind.RMSPROP, f.optimizer.get());
        assertEquals("0.005", f.learningRate.get());
        assertEquals(16, f.batchSize.get());
        assertEquals(7, f.epochs.get());
        assertEquals("0.5", f.clipNorm.get());
        assertEquals("9", f.seed.get());
        assertTrue(f.torchFlavour.get());
        assertEquals(Precision.FLOAT32, f.precision.get());
    }

    /** Restart trains what the form shows: the opened run's task, cell and sizes, from the start. */
    private void restartTrains(String task, CellType cell, int units, int layers) throws Exception {
        vm.restart();
        fx.until(vm, () -> vm.snapshotProperty().get() != null && vm.snapshotProperty().get().steps() > 0);
        vm.pause();
        RunRecord r = vm.run().atBoundary(a -> a.session().record()).get();
        assertEquals(task, r.task());
        assertEquals(cell, r.cell());
        assertEquals(units, r.hidden());
        assertEquals(layers, r.layers());
        assertEquals(0.005, vm.run().atBoundary(a -> a.session().config().learningRate()).get());
        vm.stop();
    }

    @Test
    void anOpenedModelFillsTheFormAndRestartTrainsIt(@TempDir Path dir) throws Exception {
        Path model = savedModel(dir);
        vm.chooseTask(Tasks.byName("reber"));
        vm.openModel(model);
        fx.until(vm, () -> vm.stateProperty().get() == RunState.PAUSED);
        assertFormShows("keras-example", Tasks.byName("keras-example").defaultSteps(), CellType.GRU, 6, 2,
                Double.NaN);
        assertTrue(vm.kerasCodeProperty().get().contains("model.add(GRU(\n    6,\n    return_sequences=True,"),
                "the code follows: " + vm.kerasCodeProperty().get());
        restartTrains("keras-example", CellType.GRU, 6, 2);
    }

    @Test
    void anOpenedCheckpointFillsTheFormWithItsLengthAndSplit(@TempDir Path dir) throws Exception {
        Task sine = Tasks.byName("sine");
        Path run = dir.resolve("run.safetensors");
        try (TrainingSession s = TrainingSession.builder(sine).cell(CellType.RNN_TANH).hidden(5).layers(3)
                .seqLen(30).validationSplit(0.3).config(settings(sine)).build()) {
            s.snapshot().saveCheckpoint(run);
        }
        vm.openCheckpoint(run);
        fx.until(vm, () -> vm.stateProperty().get() == RunState.PAUSED);
        assertFormShows("sine", 30, CellType.RNN_TANH, 5, 3, 0.3);
        restartTrains("sine", CellType.RNN_TANH, 5, 3);
    }
}
