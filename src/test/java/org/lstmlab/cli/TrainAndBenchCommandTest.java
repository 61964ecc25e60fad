package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.nn.CellType;

class TrainAndBenchCommandTest {
    @TempDir Path dir;

    @Test
    void trainPrintsEpochLinesSavesTheModelAndEndsWithJson() throws Exception {
        Path model = dir.resolve("k.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--task", "keras-example", "--epochs", "2",
                "--hidden", "8", "--lr", "0.01", "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("epoch 1/2")), r.out());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("epoch 2/2")), r.out());
        String json = lines.get(lines.size() - 1);
        for (String key : List.of("\"task\": \"keras-example\"", "\"cell\": \"lstm\"", "\"epochs\": 2",
                "\"train_loss\"", "\"val_loss\"", "\"val_accuracy\"", "\"solved\"", "\"seconds\"")) {
            assertTrue(json.contains(key), key + " in " + json);
        }
        ModelFile.Loaded loaded = ModelFile.load(model);
        assertEquals(CellType.LSTM, loaded.model().spec().cell());
        assertEquals(8, loaded.model().spec().hiddenSize());
        assertEquals("keras-example", loaded.task());
    }

    @Test
    void trainRefusesBadOptionsBeforeTraining() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--cell", "transformer");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("transformer"), r.err());
        r = CliTestSupport.run("train", "--save", dir.resolve("no/such/dir/m.safetensors").toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("does not exist"), r.err());
        assertFalse(r.out().contains("epoch"), "nothing trained");
    }

    @Test
    void benchPrintsOneJsonLinePerWorkloadWithThePeerKeys() {
        CliTestSupport.Result r = CliTestSupport.run("bench", "W1", "W4", "--seconds", "0.2", "--threads", "1",
                "--first-epoch", "3");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertEquals(2, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("{\"workload\": \"W1\""), lines.get(0));
        assertTrue(lines.get(1).startsWith("{\"workload\": \"W4\""), lines.get(1));
        for (String l : lines) {
            for (String key : List.of("\"samples_per_s\"", "\"ms_per_batch\"", "\"threads\": 1",
                    "\"dtype\": \"float64\"")) {
                assertTrue(l.contains(key), key + " in " + l);
            }
        }
    }
}
