package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.bounds.InputFiles;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.interop.ModelImport;

/**
 * Hostile PyTorch and Keras files, as a user might be handed them: each ends in a typed error (an
 * {@link IOException}: {@link ModelFileException} or {@link SafeTensorsException}) whose single line names the file
 * and the real cause, quickly and without allocating what the file merely claims. The Keras and pickled files are
 * built by src/test/resources/interop/make_keras_fixtures.py, make_torch_fixtures.py, make_torch_save_fixtures.py and
 * make_torch2_save_fixtures.py; the state_dicts below are written here, tensor by tensor.
 */
class InteropHostileInputTest {
    static final Path DIR = Path.of("src/test/resources/interop");
    @TempDir Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // PyTorch state_dicts
        "bad_bidirectional.safetensors | belongs to a bidirectional layer",
        "bad_proj_size.safetensors | proj_size",
        "bad_no_bias.safetensors | bias=False",
        "bad_extra_tensor.safetensors | unknown extra tensors 'attention.weight'",
        "pickled_legacy.pth | torch.save(torch.load('pickled_legacy.pth', map_location='cpu'), 'pickled_legacy_zip",
        // files torch.save and torch.jit.save wrote (make_torch_save_fixtures.py)
        "torch_script.pt | torch.jit.load('torch_script.pt').state_dict()",
        "torch_bidirectional.pt | tensor 'lstm.bias_hh_l0_reverse' belongs to a bidirectional layer",
        "torch_optimizer_only.pt | keys 'epoch', 'optimizer_state_dict' but no state_dict",
        "torch_complex.pt | tensor 'weight' is stored as ComplexFloatStorage",
        "torch_transposed.pt | tensor 'rnn.weight_ih_l0' is a view",
        "torch_no_storage.pt | the zip has no 'torch_lstm_fc_f32/data/0'",
        "torch_big_endian.pt | big-endian",
        // laid out as torch.save of PyTorch 2.x writes them (make_torch2_save_fixtures.py)
        "torch2_mlp_head.pt | a head of 2 nn.Linear layers",
        "torch2_quantized.pt | tensor 'head.weight' is quantized (QInt8Storage)",
        "torch2_sparse.pt | tensor 'head.weight' is a sparse tensor (torch.sparse_coo)",
        "torch2_float8.pt | tensor 'head.weight' is float8_e4m3fn",
        "torch2_meta.pt | was saved by torch._utils._rebuild_meta_tensor_no_storage",
        // Keras
        "bad_truncated.h5 | cannot be read as HDF5",
        "bad_zip_bomb.keras | zip bomb",
        "bad_config_disagrees.h5 | the config calls for [1, 160]",
        "bad_gru_bias_shape.h5 | the config calls for [6]",
        "bad_huge_dataset.weights.h5 | more than 200000000 values",
        "bad_not_keras.h5 | not a Keras model or weights file",
        "bad_int_weights.weights.h5 | not float32 or float64 weights",
        "bad_missing_dataset.h5 | which is not a dataset in the file",
        "bad_nan.h5 | dataset 'lstm/lstm_cell/kernel:0' holds NaN at index 3",
        "bad_unknown_layer.h5 | Conv1D",
        "bad_config_not_json.keras | the Keras model config is not valid JSON",
        "bad_no_weights.keras | is a zip without model.weights.h5, so not a Keras 3 .keras archive",
    })
    void everyHostileFileEndsInATypedErrorNamingTheFile(String file, String cause) {
        String m = refused(DIR.resolve(file), cause);
        assertFalse(m.contains("header length"), "not mistaken for a broken safetensors header: " + m);
    }

    @Test
    void aStateDictWithAMissingLayerIsRefused() throws IOException {
        Map<String, Tensor> t = lstm(0, 3, 4);
        t.putAll(lstm(2, 4, 4));
        refused(write("gap.safetensors", t), "does not follow layers 0..0 of 'rnn.' (layer 1 is missing)");
    }

    @Test
    void aStateDictWhoseRecurrentWeightsDisagreeWithItsInputWeights() throws IOException {
        Map<String, Tensor> t = lstm(0, 3, 4);
        t.put("rnn.weight_hh_l0", Tensor.f64("rnn.weight_hh_l0", new int[] {12, 3}, new double[36]));
        refused(write("gates.safetensors", t), "'rnn.weight_ih_l0' has shape [16, 3], expected [12, 3]");
    }

    @Test
    void aHeadThatDoesNotReadTheHiddenStateIsRefused() throws IOException {
        Map<String, Tensor> t = lstm(0, 3, 4);
        t.put("fc.weight", Tensor.f64("fc.weight", new int[] {2, 5}, new double[10]));
        t.put("fc.bias", Tensor.f64("fc.bias", new int[] {2}, new double[2]));
        refused(write("head.safetensors", t), "head 'fc.weight' has shape [2, 5], expected (outputs, 4) to follow "
                + "hidden size 4");
    }

    @Test
    void aStateDictHoldingInfinityIsRefused() throws IOException {
        Map<String, Tensor> t = lstm(0, 3, 4);
        double[] w = t.get("rnn.weight_ih_l0").doubles();
        w[5] = Double.POSITIVE_INFINITY;
        t.put("rnn.weight_ih_l0", Tensor.f64("rnn.weight_ih_l0", new int[] {16, 3}, w));
        refused(write("inf.safetensors", t), "Infinity");
    }

    /** A 200-byte file that claims a 2^62-byte tensor is refused from its header, before anything is allocated. */
    @Test
    void aSmallFileClaimingAHugeTensorIsRefusedBeforeAllocating() throws IOException {
        String header = "{\"rnn.weight_ih_l0\":{\"dtype\":\"F64\",\"shape\":[65536,65536,1024],"
                + "\"data_offsets\":[0,4611686018427387904]}}";
        Path f = dir.resolve("claims.safetensors");
        Files.write(f, RawFiles.file(header, 16));
        refused(f, "claims.safetensors");
    }

    @Test
    void anEmptyFileAndAFolderAreRefused() throws IOException {
        Path empty = dir.resolve("empty.safetensors");
        Files.write(empty, new byte[0]);
        refused(empty, "empty.safetensors");
        Path folder = Files.createDirectory(dir.resolve("folder.h5"));
        refused(folder, "folder.h5");
    }

    /** Asserts the refusal; returns its message. */
    private static String refused(Path file, String cause) {
        IOException e = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> assertThrows(IOException.class, () -> ModelImport.load(file, ImportOptions.NONE)));
        assertTrue(e instanceof ModelFileException || e instanceof SafeTensorsException
                || e instanceof InputFiles.NotRegularFileException, e.getClass().getName());
        String m = e.getMessage();
        assertTrue(m.contains(file.getFileName().toString()), "names the file: " + m);
        assertTrue(m.contains(cause), "says why (" + cause + "): " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
        return m;
    }

    private Path write(String name, Map<String, Tensor> tensors) throws IOException {
        Path f = dir.resolve(name);
        SafeTensors.write(f, tensors, Map.of("format", "pt"));
        return f;
    }

    /** The four tensors of layer k of an nn.LSTM(d, h), small random values. */
    private static Map<String, Tensor> lstm(int k, int d, int h) {
        Map<String, Tensor> t = new LinkedHashMap<>();
        java.util.SplittableRandom rng = new java.util.SplittableRandom(k);
        for (String[] p : new String[][] {{"weight_ih", "" + d}, {"weight_hh", "" + h}, {"bias_ih", ""},
                {"bias_hh", ""}}) {
            String n = "rnn." + p[0] + "_l" + k;
            int[] shape = p[1].isEmpty() ? new int[] {4 * h} : new int[] {4 * h, Integer.parseInt(p[1])};
            double[] v = new double[shape.length == 1 ? shape[0] : shape[0] * shape[1]];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextDouble(-0.5, 0.5);
            }
            t.put(n, Tensor.f64(n, shape, v));
        }
        return t;
    }
}
