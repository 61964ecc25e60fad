package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;

/**
 * Keras files built with h5py in Keras' exact layouts (make_keras_fixtures.py), and files Keras 3.15 wrote itself
 * (make_keras3_real_fixtures.py), predict what a NumPy Keras cell (keras_cells.py) computes from the same weights.
 */
class KerasImportTest {
    static final Path DIR = TorchImportTest.DIR;

    @ParameterizedTest
    @CsvSource({
        "classic_model.h5, LSTM, 1, 50, LAST, SIGMOID, Keras 2 model",
        "keras2_gru_stack.h5, GRU, 2, 4, EVERY_STEP, SOFTMAX, Keras 2 model",
        "keras3_model.keras, RNN_RELU, 1, 6, EVERY_STEP, IDENTITY, Keras 3 model",
        "lstm_stack.weights.h5, LSTM, 2, 3, LAST, IDENTITY, Keras 3 weights",
        "keras2_gru_reset_before_stack.h5, GRU_RESET_BEFORE, 2, 5, LAST, SIGMOID, Keras 2 model",
        "keras3_gru_reset_before.keras, GRU_RESET_BEFORE, 1, 4, EVERY_STEP, SOFTMAX, Keras 3 model",
        "keras3_real_gru.weights.h5, GRU_RESET_BEFORE, 2, 3, LAST, SOFTMAX, Keras 3 weights",
        "keras3_real_gru.keras, GRU_RESET_BEFORE, 2, 3, LAST, SOFTMAX, Keras 3 model",
        "keras2_cudnn_lstm.h5, LSTM, 2, 5, LAST, SOFTMAX, Keras 2 model",
        "keras2_cudnn_gru.h5, GRU, 1, 4, LAST, SIGMOID, Keras 2 model",
    })
    void everyKerasLayoutPredictsWhatTheNumPyKerasCellComputes(String file, CellType cell, int layers, int hidden,
            HeadMode head, OutputActivation activation, String kind) throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve(file), ImportOptions.NONE);
        assertEquals(cell, m.model().spec().cell());
        assertEquals(layers, m.model().spec().numLayers());
        assertEquals(hidden, m.model().spec().hiddenSize());
        assertEquals(head, m.model().spec().head());
        assertEquals(activation, m.model().spec().loss().activation());
        assertTrue(m.kind().startsWith(kind), m.kind());
        assertTrue(m.assumed().isEmpty(), "the config says it all: " + m.notes());
        String stem = file.replaceAll("(\\.weights)?\\.(h5|keras)$", "");
        double err = TorchImportTest.worstError(m, stem);
        assertTrue(err < 1e-9, file + ": " + err);
    }

    /** Without its config, a Keras 2 CuDNNGRU's save_weights is told by its bias (6H), as Keras' own loader does. */
    @Test
    void aCuDnnGruWithoutItsConfigIsToldByItsBias() throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve("keras2_cudnn_gru_weights.h5"), ImportOptions.NONE);
        assertEquals(CellType.GRU, m.model().spec().cell());
        assertEquals(HeadMode.LAST, m.model().spec().head());
        double err = TorchImportTest.worstError(m, "keras2_cudnn_gru_weights");
        assertTrue(err < 1e-9, "keras2_cudnn_gru_weights.h5: " + err);
    }

    @Test
    void theClassicKerasModelNeedsNoOptions() throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve("classic_model.h5"), ImportOptions.NONE);
        assertEquals(1, m.model().spec().inputSize());
        assertEquals(1, m.model().spec().outputSize());
        assertTrue(m.notes().isEmpty(), m.notes()::toString);
        assertTrue(m.kind().contains("2.11.0"), m.kind());
    }

    @Test
    void saveWeightsWithoutAConfigSaysWhatItAssumed() throws IOException {
        Path f = DIR.resolve("keras2_weights.h5");
        ImportedModel m = ModelImport.load(f, ImportOptions.NONE);
        assertEquals(CellType.RNN_TANH, m.model().spec().cell());
        assertEquals(HeadMode.LAST, m.model().spec().head());
        assertTrue(m.assumed().contains(ImportedModel.Unknown.ACTIVATION));
        assertTrue(m.notes().stream().anyMatch(n -> n.english().contains("return_sequences")), m.notes()::toString);
        assertTrue(TorchImportTest.worstError(m, "keras2_weights") < 1e-9);
        ImportedModel told = ModelImport.load(f, ImportOptions.NONE.withActivation(OutputActivation.IDENTITY));
        assertFalse(told.assumed().contains(ImportedModel.Unknown.ACTIVATION));
    }

    @Test
    void anActivationTheFileContradictsIsRefused() {
        ModelFileException e = assertThrows(ModelFileException.class, () -> ModelImport.load(
                DIR.resolve("classic_model.h5"), ImportOptions.NONE.withActivation(OutputActivation.SOFTMAX)));
        assertTrue(e.getMessage().contains("uses sigmoid"), e.getMessage());
    }

    /** Keras' GRU(reset_after=False), the reset gate before the recurrent product, is computed, not refused. */
    @Test
    void aGruWithTheResetBeforeTheProductIsComputed() throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve("keras2_gru_reset_before.h5"), ImportOptions.NONE);
        assertEquals(CellType.GRU_RESET_BEFORE, m.model().spec().cell());
        assertEquals(2, m.model().spec().hiddenSize());
        assertTrue(m.notes().stream().anyMatch(n -> n.english().contains("no Dense layer")), m.notes()::toString);
        assertTrue(TorchImportTest.worstError(m, "keras2_gru_reset_before") < 1e-9);
        // Keras' single bias becomes b_ih; b_hh is 0, since b_in and b_hn are only ever added.
        double[] bhh = m.model().rnn().layer(0).biasHh().data();
        for (double v : bhh) {
            assertEquals(0.0, v);
        }
    }

    /** The NumPy reference itself: keras_cells.py's reset_after=False GRU against what Keras 3.15 predicted. */
    @Test
    void theNumPyKerasCellIsWhatKerasComputes() throws IOException {
        org.lstmlab.engine.io.SafeTensorsFile check = org.lstmlab.engine.io.SafeTensors.read(
                DIR.resolve("keras3_real_gru.check.safetensors"));
        double[] numpy = check.tensor("expected").doubles();
        double[] keras = check.tensor("keras_float32").doubles();
        assertEquals(numpy.length, keras.length);
        for (int i = 0; i < numpy.length; i++) {
            assertEquals(numpy[i], keras[i], 1e-6, "Keras computes in float32");
        }
    }

    @Test
    void keras3NamesAreSnakeCase() {
        assertEquals("simple_rnn", KerasH5.snake("SimpleRNN"));
        assertEquals("lstm", KerasH5.snake("LSTM"));
        assertEquals("time_distributed", KerasH5.snake("TimeDistributed"));
    }
}
