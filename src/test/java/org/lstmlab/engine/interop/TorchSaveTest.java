package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.text.Message;

/**
 * Files torch.save wrote, as students save them (src/test/resources/interop/make_torch_save_fixtures.py, torch
 * 1.13), open as they are and predict what PyTorch computed: a state_dict, a checkpoint dict, a state_dict of
 * nn.DataParallel and a whole pickled model, whose class is not needed, alone or in a checkpoint; and say so.
 */
class TorchSaveTest {
    static final Path DIR = TorchImportTest.DIR;

    @ParameterizedTest
    @CsvSource({
        "torch_lstm_fc_f32, LSTM, 1, false",
        "torch_checkpoint, GRU, 2, false",
        "torch_dataparallel, RNN_RELU, 1, true",
        "torch_whole_model, LSTM, 2, false",
        "torch_checkpoint_model, RNN_TANH, 1, false",
        // laid out as torch.save of PyTorch 2.x writes them (make_torch2_save_fixtures.py; Torch2SaveTest)
        "torch2_state_dict, LSTM, 3, false",
        "torch2_archive, GRU, 2, false",
        "torch2_whole_model, RNN_TANH, 2, false",
        "torch2_protocol4, RNN_TANH, 2, false",
        "torch2_half, LSTM, 1, false",
        "torch2_bf16, LSTM, 1, false",
        "torch2_compiled, LSTM, 1, false",
        "torch2_whole_relu, RNN_RELU, 2, false",   // ReLU read from the pickled nn.RNN, not asked for
    })
    void aFileTorchSaveWroteOpensAndPredictsWhatPyTorchComputed(String name, CellType cell, int layers,
            boolean relu) throws IOException {
        ImportOptions options = relu ? ImportOptions.NONE.withNonlinearity(CellType.RNN_RELU) : ImportOptions.NONE;
        ImportedModel m = ModelImport.load(DIR.resolve(name + ".pt"), options);
        assertEquals(cell, m.model().spec().cell());
        assertEquals(layers, m.model().spec().numLayers());
        assertTrue(m.hasHead());
        double worst = TorchImportTest.worstError(m, name);
        assertTrue(worst < 1e-12, name + ": " + worst);
    }

    /**
     * The description says what the file is and what of it was read, and the first note says it again in the
     * reader's language (import-notes/imports.txt holds every note): a checkpoint names its entry and its int epoch,
     * a whole model says its class's code was not run, nn.DataParallel's prefix is said to be stripped.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "torch_lstm_fc_f32 | PyTorch state_dict (F32, prefix 'lstm.', head 'fc.') | | ",
        "torch_checkpoint | PyTorch checkpoint (the 'model_state_dict' entry; epoch 12; F64, prefix 'lstm.', head"
            + " 'linear.') | a PyTorch checkpoint dict saved at epoch 12: the model was read from its"
            + " 'model_state_dict' entry | PyTorch 检查点字典，保存于第 12 个迭代周期（epoch）：模型读自其中的"
            + "“model_state_dict”项",
        "torch_whole_model | PyTorch whole model (torch.save(model) of __main__.Net, its parameters read; the class's"
            + " code was not run; F32, prefix 'lstm.', head 'fc.') | a whole model saved with torch.save(model)"
            + " (class __main__.Net): its parameters were read; the class's code was not run | 用 torch.save(model)"
            + " 保存的整个模型（类 __main__.Net）：只读入了它的参数，没有运行这个类的代码",
        "torch_dataparallel | PyTorch state_dict (the 'module.' prefix of nn.DataParallel stripped; F32, prefix"
            + " 'lstm.', head 'out.') | every name began with 'module.' (a model wrapped in nn.DataParallel): read"
            + " without that prefix | 所有名字都以“module.”开头（用 nn.DataParallel 包装的模型）：读入时去掉了这个前缀",
        "torch2_compiled | PyTorch state_dict (the '_orig_mod.' prefix of torch.compile stripped; the 'module.' prefix"
            + " of nn.DataParallel stripped; F32, prefix 'rnn.', head 'head.') | every name began with '_orig_mod.'"
            + " (a model compiled with torch.compile): read without that prefix | 所有名字都以“_orig_mod.”开头（用"
            + " torch.compile 编译过的模型）：读入时去掉了这个前缀",
        "torch_checkpoint_model | PyTorch checkpoint (the 'model' entry; a whole model, torch.save(model) of"
            + " __main__.Net, its parameters read; the class's code was not run; F32, prefix 'lstm.', head 'fc.')"
            + " | a PyTorch checkpoint dict: the model was read from its 'model' entry | PyTorch 检查点字典：模型读自其中的"
            + "“model”项",
    })
    void theDescriptionAndTheFirstNoteSayWhatOfTheFileWasRead(String name, String kind, String en, String zh)
            throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve(name + ".pt"), ImportOptions.NONE);
        assertEquals(kind, m.kind());
        Message first = m.notes().get(0);
        if (en == null) {
            assertTrue(first.key().equals("engine.note.torch.activation"), "a state_dict needs no word: " + first);
            return;
        }
        assertEquals(en, first.english());
        assertEquals(zh, first.in(ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE)));
    }

    /** Every entry of a checkpoint dict but the model's and an int epoch is named as not read, the optimizer's too. */
    @Test
    void theEntriesOfACheckpointNotReadAreNamed() throws IOException {
        ImportedModel m = ModelImport.load(DIR.resolve("torch_checkpoint.pt"), ImportOptions.NONE);
        Message unread = m.notes().get(1);
        assertEquals("engine.note.torch.unread", unread.key());
        assertTrue(unread.english().startsWith("the checkpoint's other entries were not read: 'optimizer_state_dict',"
                + " 'loss'; "), unread.english());
        assertTrue(unread.english().endsWith("training in LSTM Lab starts with a fresh optimizer"), unread.english());
        assertTrue(unread.in(ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE))
                .contains("'optimizer_state_dict', 'loss'；LSTM Lab 只读入模型的参数，不读入优化器的状态"));
    }

    /**
     * File ▸ Open Model in the Train tab opens only LSTM Lab model files: a PyTorch or Keras file is refused saying
     * what it is and where it opens, not as a safetensors header of 10^17 bytes; a damaged file keeps its own error.
     */
    @ParameterizedTest
    @CsvSource({
        "torch_lstm_fc_f32.pt, a PyTorch model", "pickled_legacy.pth, a PyTorch model",
        "lstm_encoder_f32.safetensors, a PyTorch model", "classic_model.h5, a Keras model",
        "keras3_model.keras, a Keras model", "bad_truncated.h5, a Keras model",
        "torch_no_storage.pt, a PyTorch model",
    })
    void theTrainTabSaysWhatAModelOfAnotherFrameworkIs(String file, String what) {
        IOException e = assertThrows(IOException.class, () -> ModelImport.lstmLabModel(DIR.resolve(file)));
        assertTrue(e.getMessage().contains("is " + what + ", not one LSTM Lab saved"), e.getMessage());
        assertTrue(e.getMessage().contains("Debug ▸ Open Model File…"), e.getMessage());
    }

    @Test
    void aDamagedModelFileKeepsItsOwnError(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("cut.safetensors");
        byte[] b = java.nio.file.Files.readAllBytes(Path.of("src/test/resources/golden/lstm_l1_small.safetensors"));
        java.nio.file.Files.write(cut, Arrays.copyOf(b, b.length / 2));
        IOException e = assertThrows(IOException.class, () -> ModelImport.lstmLabModel(cut));
        assertTrue(!e.getMessage().contains("LSTM Lab saved"), e.getMessage());
    }

    /** A pickle cut short anywhere is a damaged file, said as such: never an exception of another kind. */
    @Test
    void aTruncatedPickleIsADamagedFileWhereverItEnds(@TempDir Path dir) throws IOException {
        byte[] pkl;
        try (ZipFile zip = new ZipFile(DIR.resolve("torch_checkpoint.pt").toFile())) {
            pkl = zip.getInputStream(zip.getEntry("torch_checkpoint/data.pkl")).readAllBytes();
        }
        for (int n = 0; n < pkl.length; n += 7) {
            Path f = ImportFiles.zip(dir.resolve("cut" + n + ".pt"), "cut/data.pkl", Arrays.copyOf(pkl, n));
            ModelFileException e = assertThrows(ModelFileException.class, () -> ImportFiles.load(f));
            assertTrue(e.getMessage().contains("data.pkl") || e.getMessage().contains("no data"), e.getMessage());
        }
    }
}
