package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.nn.CellType;

/**
 * Files torch.save wrote, as students save them (src/test/resources/interop/make_torch_save_fixtures.py, torch
 * 1.13), open as they are and predict what PyTorch computed: a state_dict, a checkpoint dict, a state_dict of
 * nn.DataParallel and a whole pickled model, whose class is not needed.
 */
class TorchSaveTest {
    static final Path DIR = TorchImportTest.DIR;

    @ParameterizedTest
    @CsvSource({
        "torch_lstm_fc_f32, LSTM, 1, false",
        "torch_checkpoint, GRU, 2, false",
        "torch_dataparallel, RNN_RELU, 1, true",
        "torch_whole_model, LSTM, 2, false",
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
