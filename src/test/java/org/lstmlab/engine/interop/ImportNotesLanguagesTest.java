package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lstmlab.engine.interop.ImportFiles.array;
import static org.lstmlab.engine.interop.ImportFiles.cell;
import static org.lstmlab.engine.interop.ImportFiles.denseVars;
import static org.lstmlab.engine.interop.ImportFiles.keras;
import static org.lstmlab.engine.interop.ImportFiles.rnn;
import static org.lstmlab.engine.interop.ImportFiles.sequential;
import static org.lstmlab.engine.interop.ImportFiles.stateDict;
import static org.lstmlab.engine.interop.KerasImportLanguagesTest.DENSE;
import static org.lstmlab.engine.interop.KerasImportLanguagesTest.LSTM;
import static org.lstmlab.engine.interop.KerasImportLanguagesTest.SEQUENCES;
import static org.lstmlab.engine.interop.KerasImportLanguagesTest.lstmAndDense;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.interop.ImportFiles.Vars;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.testing.EngineBundles;
import org.lstmlab.testing.NoteCases;
import org.lstmlab.testing.NoteCases.NoteFile;
import org.lstmlab.testing.NoteTest;

/**
 * A PyTorch state_dict or a Keras model whose file leaves something unsaid opens with notes on what was assumed, in
 * the app's language: the notes of TorchStateDict and KerasModel on state_dicts, {@code .keras} archives and Keras 3
 * weights written here and on two files PyTorch and Keras wrote, in English as the command line always printed them
 * and in Chinese ({@code import-notes/imports.txt}).
 */
public class ImportNotesLanguagesTest extends NoteTest {
    /** The file of each case, by name; the debugger's tests open them too. */
    public static final Map<String, NoteFile> FILES = new LinkedHashMap<>();
    private static final ImportOptions EVERY_STEP = ImportOptions.NONE.withHead(HeadMode.EVERY_STEP);

    static {
        // a Keras config that says everything; the user asks for the other head
        FILES.put("keras.headEveryStep", new NoteFile(d -> keras(d, "m.keras", sequential(LSTM, DENSE),
                lstmAndDense()), EVERY_STEP));
        FILES.put("keras.headLast", new NoteFile(d -> keras(d, "m.keras", sequential(rnn("lstm", "LSTM", 3,
                SEQUENCES), DENSE), lstmAndDense()), ImportOptions.NONE.withHead(HeadMode.LAST)));
        FILES.put("keras.noDense", new NoteFile(d -> keras(d, "m.keras", sequential(LSTM), cell("lstm", 2, 3, 4))));
        // Keras 3 weights without a config: the layers read from the shapes
        FILES.put("keras.noConfig", new NoteFile(d -> ImportFiles.weights(d.resolve("m.weights.h5"),
                lstmAndDense())));
        FILES.put("keras.noConfigEveryStep", new NoteFile(d -> ImportFiles.weights(d.resolve("m.weights.h5"),
                lstmAndDense()), EVERY_STEP));
        // the user chose the last step, Keras' default: the note says it was asked, not assumed
        FILES.put("keras.noConfigLastStep", new NoteFile(d -> ImportFiles.weights(d.resolve("m.weights.h5"),
                lstmAndDense()), ImportOptions.NONE.withHead(HeadMode.LAST)));
        FILES.put("keras.gruNoBias", new NoteFile(d -> ImportFiles.weights(d.resolve("m.weights.h5"),
                new Vars("gru", true, List.of(array(2, 9), array(3, 9))))));
        // Keras 2 save_weights: a SimpleRNN(3) and a Dense(2) (make_keras_fixtures.py)
        FILES.put("keras.saveWeights", new NoteFile(d -> TorchImportTest.DIR.resolve("keras2_weights.h5")));
        // state_dicts
        FILES.put("torch.noHead", new NoteFile(d -> stateDict(d, "m.safetensors", ImportFiles.lstm())));
        FILES.put("torch.activation", new NoteFile(d -> stateDict(d, "m.safetensors", ImportFiles.lstmWithHead())));
        // the user chose the steps the head reads: no note on them
        FILES.put("torch.headLastStep", new NoteFile(d -> stateDict(d, "m.safetensors", ImportFiles.lstmWithHead()),
                ImportOptions.NONE.withHead(HeadMode.LAST)));
        FILES.put("torch.nonlinearity", new NoteFile(d -> {
            Map<String, Tensor> t = ImportFiles.layer("rnn.", 0, 2, 3, 1);
            t.put("fc.weight", ImportFiles.f64("fc.weight", 2, 3));
            t.put("fc.bias", ImportFiles.f64("fc.bias", 2));
            return stateDict(d, "m.safetensors", t);
        }));
        FILES.put("torch.nonlinearityNoHead", new NoteFile(d -> stateDict(d, "m.safetensors",
                ImportFiles.layer("rnn.", 0, 2, 3, 1))));
        // nn.LSTM(2, 3, bias=False): no bias tensors at all
        FILES.put("torch.noBias", new NoteFile(d -> {
            Map<String, Tensor> t = ImportFiles.lstm();
            t.keySet().removeIf(n -> n.contains("bias"));
            return stateDict(d, "m.safetensors", t);
        }));
        // nn.LSTM(2, 3) + nn.Linear(3, 2, bias=False): a head weight, no head bias
        FILES.put("torch.headNoBias", new NoteFile(d -> {
            Map<String, Tensor> t = ImportFiles.lstmWithHead();
            t.remove("fc.bias");
            return stateDict(d, "m.safetensors", t);
        }));
        // nn.RNN(2, 4, num_layers=2, nonlinearity='relu') + nn.Linear(4, 3) saved by PyTorch in F16
        FILES.put("torch.savedByPyTorch", new NoteFile(d ->
                TorchImportTest.DIR.resolve("rnn_relu_fc_f16.safetensors")));
        // files torch.save wrote (make_torch_save_fixtures.py): what of the file was read comes first
        FILES.put("torch.checkpoint", new NoteFile(d -> TorchImportTest.DIR.resolve("torch_checkpoint.pt")));
        FILES.put("torch.wholeModel", new NoteFile(d -> TorchImportTest.DIR.resolve("torch_whole_model.pt")));
        FILES.put("torch.dataParallel", new NoteFile(d -> TorchImportTest.DIR.resolve("torch_dataparallel.pt")));
        FILES.put("torch.checkpointWholeModel", new NoteFile(d ->
                TorchImportTest.DIR.resolve("torch_checkpoint_model.pt")));
        // laid out as PyTorch 2.x writes them (make_torch2_save_fixtures.py)
        FILES.put("torch.compiled", new NoteFile(d -> TorchImportTest.DIR.resolve("torch2_compiled.pt")));
        FILES.put("torch.bfloat16", new NoteFile(d -> TorchImportTest.DIR.resolve("torch2_bf16.pt")));
        // text classifiers, an embedding first (make_embedding_fixtures.py); Keras 3 weights without a config
        FILES.put("torch.embedding", new NoteFile(d -> TorchImportTest.DIR.resolve("emb_lstm_f64.safetensors")));
        FILES.put("keras.embedding", new NoteFile(d -> TorchImportTest.DIR.resolve("keras3_embedding_gru.keras")));
        FILES.put("keras.embeddingMasked", new NoteFile(d ->
                TorchImportTest.DIR.resolve("keras2_embedding_masked.h5")));
        FILES.put("keras.embeddingNoConfig", new NoteFile(d -> ImportFiles.weights(d.resolve("m.weights.h5"),
                new Vars("embedding", false, List.<double[][]>of(array(7, 2))), cell("lstm", 2, 3, 4),
                denseVars("dense", 3, 2))));
    }

    ImportNotesLanguagesTest() {
        super("/import-notes/imports.txt", FILES);
    }

    /** Each note of the state_dict and Keras importers has a case above: a new note without a case fails here. */
    @Test
    void everyNoteOfTheImportersHasACase(@TempDir Path dir) throws Exception {
        assertEquals(NoteCases.keysStarting("engine.note.keras.", "engine.note.torch."),
                checkAll(dir));
    }

    /**
     * The notes the importers and the model file name are the engine.note keys of the bundle, each with an English
     * and a Chinese text.
     */
    @Test
    void everyNoteKeyHasAnEnglishAndAChineseText() throws Exception {
        Set<String> keys = EngineBundles.keysNamedIn("interop/KerasModel.java", "interop/TorchStateDict.java",
                "interop/TorchSave.java", "interop/ModelImport.java", "io/ModelFile.java");
        keys.removeIf(k -> !k.startsWith("engine.note."));
        assertEquals(NoteCases.keysStarting("engine.note."), keys);
        assertEquals(List.of(), EngineBundles.untranslated(keys, Set.of()));
    }
}
