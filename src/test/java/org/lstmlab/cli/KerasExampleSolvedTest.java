package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The engine issue's promise: {@code train} with its default settings (LSTM(50), 10 steps of 1 feature,
 * Dense(1, sigmoid), Adam, binary cross-entropy, 10 epochs, batch 32) reaches at least 95% validation accuracy.
 */
class KerasExampleSolvedTest {
    @Test
    void defaultTrainingReachesNinetyFivePercent() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--no-save");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        assertTrue(r.out().contains("model: lstm(50) x1 -> Dense(1, sigmoid)"), r.out());
        assertEquals(10, lines.stream().filter(l -> l.startsWith("epoch ")).count(), r.out());
        String json = lines.get(lines.size() - 1);
        Matcher m = Pattern.compile("\"val_accuracy\": ([0-9.]+)").matcher(json);
        assertTrue(m.find(), json);
        double accuracy = Double.parseDouble(m.group(1));
        assertTrue(accuracy >= 0.95, "validation accuracy " + accuracy);
        assertTrue(json.contains("\"solved\": true"), json);
        assertTrue(json.endsWith("\"warnings\": []}"), "a solved run shows no warning sign: " + json);
        assertFalse(r.out().contains("checkup:"), r.out());
    }

    /** A simple RNN on adding problems of 100 steps: the checkup names the vanishing gradient, and its lesson. */
    @Test
    void aRunThatCannotLearnGetsItsCheckup() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--task", "adding", "--cell", "rnn", "--seq-len", "100",
                "--hidden", "16", "--epochs", "1", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("checkup: "), r.out());
        Matcher m = Pattern.compile("The gradient reaching t = 1 is ([0-9.e+-]+) times the largest one")
                .matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Double.parseDouble(m.group(1)) < 1e-6, m.group(1));
        assertTrue(r.out().contains("lesson: lstm-lab lessons --show --lesson vanishing-gradient"), r.out());
        assertTrue(r.out().strip().lines().reduce((a, b) -> b).orElseThrow().contains("\"vanishing\""), r.out());
    }

    /**
     * Two hidden units: the checkup's sign says too few, and the line under it says the score still rises, in the
     * output and as the JSON line's progress.
     */
    @Test
    void underItsSignsARunIsToldWhatItsScoreDid() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--hidden", "2", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        String json = lines.get(lines.size() - 1);
        assertTrue(json.contains("\"warnings\": [\"few_units\"]"), json);
        assertTrue(json.endsWith("\"progress\": \"learning\"}"), json);
        String progress = lines.get(lines.size() - 2);
        assertTrue(progress.matches("What its score did: its validation accuracy improved from [0-9.]+ % to [0-9.]+ % "
                + "in 10 epochs, and its training loss still fell by [0-9.]+ % in the last one, so it is still "
                + "learning in spite of what the checkup found\\."), progress);
        assertTrue(lines.get(lines.size() - 3).startsWith("  Give it more units"), lines.get(lines.size() - 3));
    }
}
