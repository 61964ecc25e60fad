package org.lstmlab.engine.interop;

import org.lstmlab.engine.io.SafeTensors;

import static org.lstmlab.engine.interop.ImportFiles.f64;
import static org.lstmlab.engine.interop.ImportFiles.layer;
import static org.lstmlab.engine.interop.ImportFiles.load;
import static org.lstmlab.engine.interop.ImportFiles.lstm;
import static org.lstmlab.engine.interop.ImportFiles.lstmWithHead;
import static org.lstmlab.engine.interop.ImportFiles.stateDict;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.testing.FileErrorCases.Attempt;
import org.lstmlab.testing.FileErrorTest;

/**
 * A PyTorch state_dict (or a pickled file, or an LSTM Lab model with options it does not take) that cannot be
 * imported says why in the app's language: every refusal of TorchStateDict, Imports and ModelImport, on a file
 * written here the way PyTorch writes one, in English as the command line always said it and in Chinese
 * ({@code file-errors/torch.txt}).
 */
class TorchImportLanguagesTest extends FileErrorTest {
    private static final Map<String, Attempt> ATTEMPTS = new LinkedHashMap<>();

    static {
        put("torch.notFloat", d -> {
            Map<String, Tensor> t = lstm();
            t.put("rnn.weight_ih_l0", Tensor.i64("rnn.weight_ih_l0", new int[] {12, 2}, new long[24]));
            return t;
        });
        put("torch.bidirectional", d -> with(lstm(), f64("rnn.weight_ih_l0_reverse", 12, 2)));
        put("torch.projection", d -> with(lstm(), f64("rnn.weight_hr_l0", 2, 3)));
        put("torch.noRecurrent", d -> with(new LinkedHashMap<>(), f64("fc.weight", 2, 3), f64("fc.bias", 2)));
        put("torch.prefixes", d -> {
            Map<String, Tensor> t = layer("encoder.", 0, 2, 3, 4);
            t.putAll(layer("decoder.", 0, 2, 3, 4));
            return t;
        });
        put("torch.prefixesMany", d -> {
            Map<String, Tensor> t = new LinkedHashMap<>();
            for (String p : new String[] {"a.", "b.", "c.", "d.", "e.", "f.", "g."}) {
                t.putAll(layer(p, 0, 2, 3, 4));
            }
            return t;
        });
        put("torch.missing", d -> without(lstm(), "rnn.weight_hh_l0"));
        put("torch.missingBeside", d -> {
            Map<String, Tensor> t = lstm();
            Tensor w = t.remove("rnn.weight_ih_l0");
            return with(t, Tensor.f64("rnn.w_ih_l0", w.shape(), w.doubles()));
        });
        put("torch.notMatrices", d -> with(lstm(), f64("rnn.weight_ih_l0", 12)));
        put("torch.gates", d -> with(lstm(), f64("rnn.weight_hh_l0", 10, 3)));
        put("torch.manyLayers", d -> {
            Map<String, Tensor> t = new LinkedHashMap<>();
            for (int k = 0; k <= ModelSpec.MAX_LAYERS + 1; k++) {
                t.putAll(layer("rnn.", k, 1, 1, 1));
            }
            return t;
        });
        put("torch.noBias", d -> without(lstm(), "rnn.bias_ih_l0"));
        put("torch.missingOfLayer", d -> {
            Map<String, Tensor> t = lstm();
            t.putAll(layer("rnn.", 1, 3, 3, 4));
            return without(t, "rnn.weight_hh_l1");
        });
        put("torch.notFollowing", d -> {
            Map<String, Tensor> t = lstm();
            t.putAll(layer("rnn.", 2, 3, 3, 4));
            return t;
        });
        put("torch.twoHeads", d -> with(lstmWithHead(), f64("head.weight", 2, 3), f64("head.bias", 2)));
        // a matrix the first layer does not read (7 columns, not D = 2): no nn.Embedding
        put("torch.extra", d -> with(lstmWithHead(), f64("embedding.weight", 5, 7)));
        put("torch.twoEmbeddings", d -> with(lstmWithHead(), f64("embedding.weight", 5, 2), f64("embed.weight", 6, 2)));
        ATTEMPTS.put("torch.paddingIdx", d -> {   // export keeps padding_idx in the metadata; 9 is no row of 5
            Path f = d.resolve("padding.safetensors");
            SafeTensors.write(f, with(lstmWithHead(), f64("embedding.weight", 5, 2)), Map.of("padding_idx", "9"));
            load(f);
        });
        put("torch.extraMany", d -> {
            Map<String, Tensor> t = lstmWithHead();
            for (int i = 0; i < 7; i++) {
                t.put("norm" + i + ".weight", f64("norm" + i + ".weight", 3));
            }
            return t;
        });
        put("torch.headEmpty", d -> with(lstm(), f64("fc.weight", 0, 3), f64("fc.bias", 0)));
        put("torch.shape", d -> with(lstm(), f64("rnn.bias_ih_l0", 5)));
        put("import.notFinite", d -> {
            Tensor w = f64("rnn.weight_hh_l0", 12, 3);
            double[] v = w.doubles();
            v[7] = Double.NEGATIVE_INFINITY;
            return with(lstm(), Tensor.f64("rnn.weight_hh_l0", new int[] {12, 3}, v));
        });
        ATTEMPTS.put("torch.nonlinearityNotRnn", d -> ModelImport.load(stateDict(d, "lstm.safetensors", lstm()),
                ImportOptions.NONE.withNonlinearity(CellType.RNN_RELU)));
        ATTEMPTS.put("torch.activationNoHead", d -> ModelImport.load(stateDict(d, "lstm.safetensors", lstm()),
                ImportOptions.NONE.withActivation(OutputActivation.SIGMOID)));
        ATTEMPTS.put("torch.softmaxOne", d -> ModelImport.load(stateDict(d, "one.safetensors",
                with(lstm(), f64("fc.weight", 1, 3), f64("fc.bias", 1))),
                ImportOptions.NONE.withActivation(OutputActivation.SOFTMAX)));
        ATTEMPTS.put("import.pickled", d -> {
            Path f = d.resolve("model.pt");
            Files.write(f, new byte[] {(byte) 0x80, 2, (byte) 0x8a, 10, 0x6c, (byte) 0xfc, (byte) 0x9c, 0x46});
            load(f);
        });
        ATTEMPTS.put("torch.pickleDamaged", d -> load(ImportFiles.zip(d.resolve("checkpoint.pth"),
                "archive/data.pkl", new byte[] {(byte) 0x80, 2}, "archive/version", "3".getBytes())));
        for (String[] c : new String[][] {{"import.torchScript", "torch_script"},
            {"torch.bigEndian", "torch_big_endian"}, {"torch.noStorage", "torch_no_storage"},
            {"torch.noTensors", "torch_no_parameters"},
            {"torch.notDict", "torch_list"}, {"torch.noStateDict", "torch_optimizer_only"},
            {"torch.storageType", "torch_complex"}, {"torch.view", "torch_transposed"},
            {"torch.stackedHead", "torch2_mlp_head"},
            {"torch.quantized", "torch2_quantized"}, {"torch.sparse", "torch2_sparse"},
            {"torch.dtype", "torch2_float8"}, {"torch.tensorKind", "torch2_meta"}}) {
            ATTEMPTS.put(c[0], d -> load(TorchImportTest.DIR.resolve(c[1] + ".pt")));   // made by PyTorch
        }
        ATTEMPTS.put("import.exportedProgram", d -> load(TorchImportTest.DIR.resolve("torch_export.pt2")));
        ATTEMPTS.put("import.notLstmLabModel", d -> ModelImport.lstmLabModel(TorchImportTest.DIR.resolve(
                "torch_lstm_fc_f32.pt")));
        ATTEMPTS.put("import.optionsForModelFile", d -> {
            Path f = d.resolve("trained.safetensors");
            ModelFile.save(f, new SequenceModel(ModelSpec.kerasExample(3)), null, "");
            ModelImport.load(f, ImportOptions.NONE.withActivation(OutputActivation.SIGMOID));
        });
    }

    TorchImportLanguagesTest() {
        super("/file-errors/torch.txt", ATTEMPTS);
    }

    @FunctionalInterface
    private interface Tensors {
        Map<String, Tensor> in(Path dir) throws IOException;
    }

    /** A case that imports the state_dict {@code tensors} make, as {@code <name>.safetensors}. */
    private static void put(String name, Tensors tensors) {
        ATTEMPTS.put(name, d -> load(stateDict(d, name.substring(name.indexOf('.') + 1) + ".safetensors",
                tensors.in(d))));
    }

    private static Map<String, Tensor> with(Map<String, Tensor> t, Tensor... more) {
        for (Tensor x : more) {
            t.put(x.name(), x);
        }
        return t;
    }

    private static Map<String, Tensor> without(Map<String, Tensor> t, String name) {
        t.remove(name);
        return t;
    }

}
