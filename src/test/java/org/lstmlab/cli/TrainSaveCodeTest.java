package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --save-code DIR}: the run's data and the two scripts, written before training; refused up front when
 * PyTorch lacks the cell.
 */
class TrainSaveCodeTest {
    @TempDir Path dir;

    @Test
    void theDataAndScriptsAreWrittenBeforeTraining() throws Exception {
        Path out = dir.resolve("code");
        CliTestSupport.Result r = CliTestSupport.run("train", "--task", "copy", "--epochs", "1", "--hidden", "3",
                "--threads", "1", "--save-code", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        int wrote = r.out().indexOf("wrote " + out.resolve("data.npz"));
        assertTrue(wrote >= 0 && wrote < r.out().indexOf("epoch 1/1"), r.out());
        assertTrue(r.out().contains("wrote " + out.resolve("train_pytorch.py")), r.out());
        assertTrue(Files.readString(out.resolve("train_keras.py")).contains("model.fit(x_train, y_train"));
    }

    /** Sequences of several lengths are written padded, with their lengths and code that packs them. */
    @Test
    void aTaskOfSeveralLengthsIsWrittenPadded() throws Exception {
        Path out = dir.resolve("code");
        CliTestSupport.Result r = CliTestSupport.run("train", "--task", "reber", "--epochs", "1", "--hidden", "3",
                "--threads", "1", "--save-code", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(Files.readString(out.resolve("train_pytorch.py")).contains("pack_padded_sequence("));
        assertTrue(Files.readString(out.resolve("train_keras.py")).contains("model.add(Masking("));
        try (var zip = new java.util.zip.ZipFile(out.resolve("data.npz").toFile())) {
            assertTrue(zip.getEntry("lengths_val.npy") != null);
        }
    }

    @Test
    void aCellPyTorchLacksIsRefusedBeforeTraining() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--task", "reber", "--cell", "gru-reset-before",
                "--epochs", "1", "--hidden", "3", "--threads", "1", "--save-code", dir.resolve("code").toString());
        assertNotEquals(0, r.exitCode());
        assertTrue(r.err().contains("PyTorch has no GRU with the reset gate applied before"), r.err());
        assertFalse(r.out().contains("epoch 1/1"), r.out());
        assertFalse(Files.exists(dir.resolve("code")));
    }
}
