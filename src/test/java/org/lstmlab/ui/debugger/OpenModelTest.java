package org.lstmlab.ui.debugger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.trace.Trace;
import org.lstmlab.ui.common.I18n;

/** The Train tab's way in: a copy of the model and one sample, traced with the model's own loss. */
class OpenModelTest {

    static SequenceModel model() {
        return model(CellType.GRU, 2);
    }

    /** A model reading 2 features with 5 units per layer and a sigmoid head, Keras-initialised from seed 3. */
    static SequenceModel model(CellType cell, int layers) {
        SequenceModel m = new SequenceModel(new ModelSpec(cell, 2, 5, layers, 1, HeadMode.LAST,
                Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.KERAS, 3);
        return m;
    }

    static Batch batch() {
        int steps = 7;
        int b = 3;
        double[] x = new double[steps * b * 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.sin(i * 0.7);
        }
        return Batch.ofValues(SequenceInput.dense(x, steps, b, 2), new double[] {0, 1, 0});
    }

    @Test
    void theDebuggerTracesACopyWithTheModelsOwnLoss() {
        DebuggerViewModel vm = new DebuggerViewModel(I18n.bundle(Locale.ENGLISH), DebuggerWorker.direct());
        SequenceModel model = model();
        Batch batch = batch();
        vm.openModel(model, batch.input(), batch, 1, () -> "sample 1", List.of());
        vm.pulse(1);
        Trace tr = vm.trace();
        assertEquals(CellType.GRU, tr.cell());
        assertEquals(2, tr.layers());
        assertEquals(7, tr.steps());
        assertEquals("sample 1", vm.titleProperty().get());
        assertEquals(WeightPreset.TRAINED, vm.form().weightsProperty().get());
        assertEquals(LossKind.MODEL_HEAD, vm.workspace().loss());
        for (int t = 0; t < 7; t++) {
            assertEquals(batch.input().vector(t, 1)[0], tr.value("x", 0, t, 0, 0), "sequence 1 of the batch");
        }
        // The same loss as the engine computes for that sequence alone, and its gradient reaches the input.
        SequenceModel alone = model();
        double[] x1 = new double[7 * 2];
        for (int t = 0; t < 7; t++) {
            System.arraycopy(batch.input().vector(t, 1), 0, x1, t * 2, 2);
        }
        double loss = alone.forward(Batch.ofValues(SequenceInput.dense(x1, 7, 1, 2), new double[] {1}));
        assertEquals(loss, vm.resultProperty().get().loss(), 1e-12);
        alone.backward(true);
        assertEquals(alone.rnn().grads(0).dx()[3], tr.value("dx", 0, 1, 0, 1), 1e-12);

        double weight = tr.weights(1, "W_hz").get(2, 3);
        assertTrue(weight != 0);
        model.parameters().forEach(p -> java.util.Arrays.fill(p.data(), 0.0));
        vm.editInput(0, 0, "0.5");
        vm.pulse(2);
        assertEquals(weight, vm.trace().weights(1, "W_hz").get(2, 3),
                "the trainer zeroing its weights does not reach the debugger's copy");
        assertTrue(vm.trace().value("h", 1, 6, 0, 0) != 0);
    }

    @Test
    void aSampleOfTheWrongWidthIsRefused() {
        DebuggerViewModel vm = new DebuggerViewModel(I18n.bundle(Locale.ENGLISH), DebuggerWorker.direct());
        SequenceInput wrong = SequenceInput.dense(new double[6 * 3], 6, 1, 3);
        assertThrows(IllegalArgumentException.class,
                () -> vm.openModel(model(), wrong, null, 0, () -> "x", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> vm.openModel(model(), batch().input(), null, 5, () -> "x", List.of()));
    }
}
