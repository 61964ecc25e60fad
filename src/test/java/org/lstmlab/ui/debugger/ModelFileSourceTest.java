package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.trace.Trace;

/** The "Model file" weights: a saved model opens in the debugger with its own weights; a bad file changes nothing. */
class ModelFileSourceTest {
    @TempDir Path dir;

    @Test
    void aSavedModelIsTracedWithItsOwnWeights() throws Exception {
        SequenceModel model = new SequenceModel(new ModelSpec(CellType.GRU, 1, 6, 2, 1, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(model, Initializers.Scheme.KERAS, 8);
        Path file = dir.resolve("gru.safetensors");
        ModelFile.save(file, model, null, "keras-example");

        DebuggerViewModel vm = DebuggerViewModelTest.started();
        vm.setupCommands().openModelFile(file, WeightPreset.RANDOM_TORCH);
        vm.pulse(1);
        assertEquals(WeightPreset.FILE, vm.form().weightsProperty().get());
        Trace tr = vm.trace();
        assertEquals(CellType.GRU, tr.cell());
        assertEquals(6, tr.hiddenSize());
        assertEquals(2, tr.layers());
        assertArrayEquals(model.rnn().layer(1).weightHh().data(), tr.layer(1).weightHh().data());
        assertTrue(vm.titleProperty().get().contains("gru.safetensors"), vm.titleProperty().get());
    }

    @Test
    void aBrokenFileSaysWhyAndKeepsTheCurrentTrace() throws Exception {
        DebuggerViewModel vm = DebuggerViewModelTest.started();
        Trace before = vm.trace();
        Path junk = dir.resolve("junk.safetensors");
        Files.writeString(junk, "not a model");
        vm.setupCommands().openModelFile(junk, WeightPreset.RANDOM_TORCH);
        vm.pulse(1);
        String error = vm.form().error(SetupForm.WEIGHTS).get();
        assertTrue(error.contains("junk.safetensors"), error);
        assertEquals(WeightPreset.RANDOM_TORCH, vm.form().weightsProperty().get());
        assertTrue(before == vm.trace(), "the trace on show is unchanged");
    }
}
