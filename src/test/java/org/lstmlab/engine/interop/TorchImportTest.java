package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;

/** PyTorch state_dicts written by PyTorch (make_torch_fixtures.py) predict what PyTorch computed. */
class TorchImportTest {
    static final Path DIR = Path.of("src/test/resources/interop");

    /** Runs the model of {@code name} on its check input and compares with PyTorch's raw outputs. */
    static double worstError(ImportedModel m, String name) throws IOException {
        SafeTensorsFile check = SafeTensors.read(DIR.resolve(name + ".check.safetensors"));
        Tensor x = check.tensor("input");
        Tensor expected = check.tensor("expected");
        return worstError(Predictor.predict(m.model(), x.doubles(), x.shape()[0], x.shape()[1]), expected);
    }

    /** The worst difference between a prediction and what was expected, of the same shape. */
    static double worstError(Predictor.Prediction p, Tensor expected) {
        assertEquals(java.util.Arrays.toString(expected.shape()), java.util.Arrays.toString(p.shape()));
        double worst = 0;
        for (int i = 0; i < p.values().length; i++) {
            worst = Math.max(worst, Math.abs(p.values()[i] - expected.doubleAt(i)));
        }
        return worst;
    }

    @ParameterizedTest
    @CsvSource({
        "lstm_encoder_f32, LSTM, 2, true",
        "gru_bare_f64, GRU, 1, false",
        "lstm_bf16, LSTM, 1, true",
    })
    void everyPrefixAndDtypePredictsWhatPyTorchComputed(String name, CellType cell, int layers, boolean head)
            throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve(name + ".safetensors"), ImportOptions.NONE);
        assertEquals(cell, m.model().spec().cell());
        assertEquals(layers, m.model().spec().numLayers());
        assertEquals(head, m.hasHead());
        assertEquals(HeadMode.EVERY_STEP, m.model().spec().head());
        assertTrue(worstError(m, name) < 1e-9, name + ": " + worstError(m, name));
        assertFalse(m.notes().isEmpty(), "what was assumed is said");
    }

    @Test
    void aReluRnnIsNeverReadAsTanhSilently() throws IOException {
        Path f = DIR.resolve("rnn_relu_fc_f16.safetensors");
        ImportedModel assumed = ModelImport.load(f, ImportOptions.NONE);
        assertEquals(CellType.RNN_TANH, assumed.model().spec().cell());
        assertTrue(assumed.assumed().contains(ImportedModel.Unknown.NONLINEARITY));
        assertTrue(assumed.notes().stream().anyMatch(n -> n.english().contains("--nonlinearity relu")),
                assumed.notes()::toString);
        assertTrue(worstError(assumed, "rnn_relu_fc_f16") > 1e-3, "tanh is not what PyTorch computed");

        ImportedModel told = ModelImport.load(f, ImportOptions.NONE.withNonlinearity(CellType.RNN_RELU)
                .withActivation(OutputActivation.IDENTITY).withHead(HeadMode.EVERY_STEP));
        assertEquals(CellType.RNN_RELU, told.model().spec().cell());
        assertTrue(told.assumed().isEmpty());
        assertTrue(worstError(told, "rnn_relu_fc_f16") < 1e-9);
    }

    @Test
    void theHeadActivationIsNotGuessed() throws IOException {
        Path f = DIR.resolve("lstm_bf16.safetensors");
        ImportedModel raw = ModelImport.load(f, ImportOptions.NONE);
        assertEquals(OutputActivation.IDENTITY, raw.model().spec().loss().activation());
        assertTrue(raw.assumed().contains(ImportedModel.Unknown.ACTIVATION));
        ImportedModel sig = ModelImport.load(f, ImportOptions.NONE.withActivation(OutputActivation.SIGMOID)
                .withHead(HeadMode.LAST));
        SafeTensorsFile check = SafeTensors.read(DIR.resolve("lstm_bf16.check.safetensors"));
        Tensor x = check.tensor("input");
        Tensor expected = check.tensor("expected");
        int b = x.shape()[0];
        int t = x.shape()[1];
        Predictor.Prediction p = Predictor.predict(sig.model(), x.doubles(), b, t);
        assertEquals("[" + b + ", 1]", java.util.Arrays.toString(p.shape()));
        for (int i = 0; i < b; i++) {
            double z = expected.doubleAt(i * t + t - 1);
            assertEquals(1 / (1 + Math.exp(-z)), p.values()[i], 1e-12);
        }
    }

    /** nn.LSTM / nn.GRU(..., num_layers=2, bias=False) + nn.Linear in float64: zero biases, PyTorch's outputs. */
    @ParameterizedTest
    @CsvSource({"lstm_nobias_f64, LSTM", "gru_nobias_f64, GRU"})
    void layersBuiltWithoutBiasReadAsZeroBiases(String name, CellType cell) throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve(name + ".safetensors"), ImportOptions.NONE);
        assertEquals(cell, m.model().spec().cell());
        assertEquals(2, m.model().spec().numLayers());
        assertTrue(m.hasHead());
        for (String k : new String[] {"rnn.bias_ih_l0", "rnn.bias_hh_l0", "rnn.bias_ih_l1", "rnn.bias_hh_l1"}) {
            double[] b = m.model().namedParameters().get(k).data();
            assertEquals(cell.gateCount() * m.model().spec().hiddenSize(), b.length, k);
            assertTrue(java.util.Arrays.stream(b).allMatch(v -> v == 0), k);
        }
        assertTrue(m.notes().stream().anyMatch(n -> n.english().contains("bias=False")), m.notes()::toString);
        assertTrue(worstError(m, name) < 1e-12, name + ": " + worstError(m, name));
    }

    /**
     * nn.Linear(..., bias=False) as the head, after biased layers (LSTM) or layers without biases too (GRU), float64:
     * a zero head bias, a note naming the missing key, PyTorch's outputs to 1e-12.
     */
    @ParameterizedTest
    @CsvSource({"lstm_headnobias_f64, LSTM, 2, head.bias, false", "gru_allnobias_f64, GRU, 1, fc.bias, true"})
    void aHeadBuiltWithoutBiasReadsAsAZeroBias(String name, CellType cell, int layers, String key, boolean noRnnBias)
            throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve(name + ".safetensors"), ImportOptions.NONE);
        assertEquals(cell, m.model().spec().cell());
        assertEquals(layers, m.model().spec().numLayers());
        assertTrue(m.hasHead());
        double[] b = m.model().namedParameters().get("fc.bias").data();
        assertEquals(m.model().spec().outputSize(), b.length);
        assertTrue(java.util.Arrays.stream(b).allMatch(v -> v == 0), java.util.Arrays.toString(b));
        assertTrue(m.notes().stream().anyMatch(n -> n.english().startsWith("no '" + key + "' in the file")),
                m.notes()::toString);
        assertEquals(noRnnBias, m.notes().stream().anyMatch(n -> n.english().startsWith("no biases in the file")),
                m.notes()::toString);
        assertTrue(worstError(m, name) < 1e-12, name + ": " + worstError(m, name));
    }
}
