package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;

/**
 * {@code train --embedding DIM}: a token task's ids go through a trained embedding table, the saved model keeps it,
 * and {@code predict} (which opens the file as PyTorch and Keras files are opened: the table, then the layers)
 * gives what the model gives; tasks of numbers and sizes out of range are refused with exit code 2.
 */
class TrainEmbeddingCommandTest {
    @TempDir Path dir;

    private static List<Double> losses(String out) {
        List<Double> l = new ArrayList<>();
        Matcher m = Pattern.compile("epoch \\d+/\\d+ - [0-9.]+s - loss ([0-9.]+)").matcher(out);
        while (m.find()) {
            l.add(Double.parseDouble(m.group(1)));
        }
        return l;
    }

    @Test
    void aCharacterModelWithAnEmbeddingLearnsAndItsFileReloadsWithTheSameOutputs() throws IOException {
        Path text = dir.resolve("t.txt");
        Files.writeString(text, "the cat sat on the mat and the dog sat on the log. ".repeat(40));
        Path model = dir.resolve("m.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", text.toString(), "--embedding", "6",
                "--hidden", "16", "--epochs", "4", "--seq-len", "20", "--threads", "1", "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("model: Embedding(14, 6) -> lstm(16)"), r.out());
        List<Double> losses = losses(r.out());
        assertEquals(4, losses.size(), r.out());
        assertTrue(losses.get(3) < 0.5 * losses.get(0), "the loss should fall: " + losses);

        ModelFile.Loaded loaded = ModelFile.load(model);
        SequenceModel m = loaded.model();
        assertNotNull(m.embedding(), "the saved model keeps its table");
        assertEquals(14, m.embedding().vocabulary());
        assertEquals(6, m.spec().inputSize());
        assertEquals(14, loaded.vocabulary().size());
        assertFalse(SafeTensors.read(model).tensor("embedding.weight").doubles().length == 0);

        int[][] ids = {{1, 2, 3, 4, 5}, {13, 0, 7, 7, 2}};
        StringBuilder csv = new StringBuilder("a,b,c,d,e\n");
        int[] tokens = new int[10];
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 5; t++) {
                csv.append(t == 0 ? "" : ",").append(ids[b][t]);
                tokens[t * 2 + b] = ids[b][t];
            }
            csv.append('\n');
        }
        Path in = dir.resolve("ids.csv");
        Files.writeString(in, csv);
        Path out = dir.resolve("p.safetensors");
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", in.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        double[] predicted = SafeTensors.read(out).tensor("prediction").doubles();   // (B, T, V)

        m.forward(new Batch(SequenceInput.oneHot(tokens, 5, 2, 14), null, new int[10]));
        double[] p = m.predictions();                                                  // (T·B, V), time-major
        double[] batchFirst = new double[p.length];
        for (int t = 0; t < 5; t++) {
            for (int b = 0; b < 2; b++) {
                System.arraycopy(p, (t * 2 + b) * 14, batchFirst, (b * 5 + t) * 14, 14);
            }
        }
        assertArrayEquals(batchFirst, predicted, 0.0);
    }

    @Test
    void aRunOnYourTextResumesWithItsTableAtItsOwnLength() throws IOException {
        Path text = dir.resolve("t.txt");
        Files.writeString(text, "the cat sat on the mat and the dog sat on the log. ".repeat(40));
        Path run = dir.resolve("run.safetensors");
        String[] common = {"--data", text.toString(), "--embedding", "6", "--hidden", "16", "--seq-len", "20",
            "--threads", "1"};
        CliTestSupport.Result straight = CliTestSupport.run(cat(common, "--epochs", "3"));
        assertEquals(0, straight.exitCode(), straight.err());
        CliTestSupport.Result first = CliTestSupport.run(cat(common, "--epochs", "2", "--save-run", run.toString()));
        assertEquals(0, first.exitCode(), first.err());
        CliTestSupport.Result rest = CliTestSupport.run("train", "--resume", run.toString(), "--more-epochs", "1");
        assertEquals(0, rest.exitCode(), rest.err());
        assertTrue(rest.out().contains("model: Embedding(14, 6) -> lstm(16)"), rest.out());
        assertEquals(line(straight.out(), "epoch 3/3"), line(rest.out(), "epoch 3/3"),
                "two epochs and one resumed train as three at once (the text's length of 20 was once lost)");
        CliTestSupport.Result changed = CliTestSupport.run("train", "--resume", run.toString(), "--more-epochs", "1",
                "--embedding", "4");
        assertEquals(2, changed.exitCode(), changed.err());
    }

    private static String[] cat(String[] common, String... more) {
        String[] all = new String[common.length + more.length + 1];
        all[0] = "train";
        System.arraycopy(common, 0, all, 1, common.length);
        System.arraycopy(more, 0, all, 1 + common.length, more.length);
        return all;
    }

    /** The epoch line that starts with {@code prefix}, without its seconds. */
    private static String line(String out, String prefix) {
        for (String l : out.split("\n")) {
            if (l.startsWith(prefix)) {
                return l.replaceFirst(" - [0-9.]+s - ", " - ");
            }
        }
        return "(no line " + prefix + " in " + out + ")";
    }

    @Test
    void aTaskOfNumbersAndSizesOutOfRangeAreRefusedWithExitCode2() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--task", "adding", "--embedding", "8", "--epochs", "1");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--embedding: the task adding reads numbers, not tokens"), r.err());
        assertTrue(r.err().contains("reber") && r.err().contains("charlm"), "names the tasks that take one: "
                + r.err());
        assertFalse(r.out().contains("epoch 1/1"), r.out());
        for (String bad : List.of("0", "-3", "4097")) {
            r = CliTestSupport.run("train", "--task", "reber", "--embedding", bad, "--epochs", "1");
            assertEquals(2, r.exitCode(), bad + ": " + r.err());
            assertTrue(r.err().contains("--embedding must be from 1 to 4096, got " + bad), r.err());
        }
        r = CliTestSupport.run("train", "--task", "reber", "--embedding", "4", "--save-code", "code");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--save-code"), r.err());
    }

    @Test
    void helpDocumentsTheOption() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--help");
        assertTrue(r.out().contains("--embedding=DIM"), r.out());
    }
}
