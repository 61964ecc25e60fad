package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * {@code train} refuses every option out of range with exit code 2 and one line naming the option, before it
 * builds or trains anything; it never replaces a bad value with a default.
 */
class TrainOptionsTest {
    private static final String CSV = "src/test/resources/data/good/series.csv";

    static List<Arguments> badOptions() {
        return List.of(
                Arguments.of(List.of("--hidden", "-5"), "--hidden must be from 1 to 4096, got -5"),
                Arguments.of(List.of("--hidden", "0"), "--hidden must be from 1 to 4096, got 0"),
                Arguments.of(List.of("--hidden", "20000"), "--hidden must be from 1 to 4096, got 20000"),
                Arguments.of(List.of("--layers", "100000"), "--layers must be from 1 to 32, got 100000"),
                Arguments.of(List.of("--seq-len", "-1"), "--seq-len: keras-example takes sequence lengths from 2 "
                        + "to 200, got -1"),
                Arguments.of(List.of("--seq-len", "1"), "takes sequence lengths from 2 to 200, got 1"),
                Arguments.of(List.of("--task", "keras-example", "--seq-len", "100000"), "from 2 to 200, got 100000"),
                Arguments.of(List.of("--task", "reber", "--seq-len", "20"), "--seq-len: reber has no sequence "
                        + "length to choose"),
                Arguments.of(List.of("--task", "sentiment", "--seq-len", "5"), "--seq-len: sentiment has no"),
                Arguments.of(List.of("--epochs", "0"), "--epochs must be from 1 to"),
                Arguments.of(List.of("--batch", "-3"), "--batch must be from 1 to 65536, got -3"),
                Arguments.of(List.of("--lr", "0"), "--lr must be a positive number, got 0.0"),
                Arguments.of(List.of("--lr", "NaN"), "--lr must be a positive number, got NaN"),
                Arguments.of(List.of("--clip", "-1"), "--clip must be 0 or a positive number"),
                Arguments.of(List.of("--threads", "0"), "--threads must be from 1 to 1024, got 0"),
                Arguments.of(List.of("--optimizer", "adamw"), "--optimizer: unknown optimizer 'adamw' (expected "
                        + "adam, rmsprop, sgd)"),
                Arguments.of(List.of("--task", "nope"), "--task: unknown task 'nope'"),
                Arguments.of(List.of("--task", "charlm", "--text", "poem"), "--text: 'poem' is not a bundled text: "
                        + "choose sonnets or jabberwocky"),
                Arguments.of(List.of("--cell", "lstm-squashed-cell"), "--cell: lstm-squashed-cell is a tutorial's "
                        + "mistake, not an architecture to train; the lesson squashed-cell shows it beside the "
                        + "correct LSTM"),
                Arguments.of(List.of("--cell", "LSTM_TANH_INPUT"), "--cell: lstm-tanh-input is a tutorial's mistake, "
                        + "not an architecture to train; the lesson tanh-input-gate shows it"),
                Arguments.of(List.of("--data", CSV, "--seq-len", "2147483647", "--horizon", "2147483647"),
                        "--seq-len must be from 1 to 1000, got 2147483647"),
                Arguments.of(List.of("--data", CSV, "--horizon", "2147483647"),
                        "--horizon must be from 1 to 1000, got 2147483647"),
                Arguments.of(List.of("--data", CSV, "--val-split", "1.5"), "--val-split must be from 0 up to"));
    }

    @ParameterizedTest
    @MethodSource("badOptions")
    void anOptionOutOfRangeIsRefusedByName(List<String> options, String message) {
        String[] args = new String[options.size() + 1];
        args[0] = "train";
        for (int i = 0; i < options.size(); i++) {
            args[i + 1] = options.get(i);
        }
        CliTestSupport.Result r = CliTestSupport.run(args);
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(message), r.err());
        assertFalse(r.out().contains("epoch "), "nothing was trained");
    }

    /** {@code --text jabberwocky}: the character model on the poem, which it learns by heart and then overfits. */
    @Test
    void theCharacterModelTrainsOnTheBundledTextNamed() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--task", "charlm", "--text", "jabberwocky",
                "--epochs", "3", "--hidden", "64", "--lr", "0.005", "--clip", "5", "--seed", "1", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().startsWith("charlm: Predict the next character of a text (jabberwocky.txt)"), r.out());
        assertTrue(r.out().contains("The validation loss rose from"), "the checkup names the overfitting: " + r.out());
    }

    @Test
    void aModelTooBigForTheHeapIsRefusedWithItsSizeAndTheLimitBeforeAllocating() {
        long start = System.nanoTime();
        CliTestSupport.Result r = CliTestSupport.run("train", "--hidden", "4096", "--layers", "32", "--batch",
                "4096");
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().matches("lstm-lab: the model \\(lstm, 4096 units, 32 layers, [\\d,]+ weights\\) with "
                + "batches of 4096 sequences of 10 steps needs about [\\d.]+ [GT]iB to train; this Java may use "
                + "([\\d.]+ [KMG]iB|\\d+ bytes) more \\(maximum heap [\\d.]+ [MG]iB\\)\\..*\\R"), r.err());
        assertTrue(seconds < 30, "refused before training, not after running out: " + seconds + " s");
    }

    @Test
    void aCsvRunPrintsItsMseAndTheNaiveForecastNotAnAccuracy() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", CSV, "--seq-len", "6", "--epochs", "2",
                "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = r.out().strip().lines().toList();
        String epoch = lines.stream().filter(l -> l.startsWith("epoch 2/2")).findFirst().orElseThrow();
        // a saw-tooth: its jumps back make the training mean the better naive forecast
        assertTrue(epoch.matches(".* - val_mse [\\d.]+ - (not )?solved \\(needs < [\\d.]+; always the training "
                + "mean gets [\\d.]+\\)"), epoch);
        String json = lines.get(lines.size() - 1);
        assertFalse(json.contains("val_accuracy"), "a forecast has no accuracy: " + json);
        assertTrue(json.contains("\"metric\": \"mse\""), json);
        assertTrue(json.contains("\"baseline\": \"mean\""), json);
        assertTrue(r.out().contains("not saved (use --save FILE to keep the model)"), r.out());
        assertFalse(Files.exists(Path.of("csv-lstm.safetensors")), "nothing is written into the working folder");
    }

    @Test
    void theResetBeforeGruIsAnOrdinaryChoice() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--cell", "gru-reset-before", "--epochs", "1",
                "--hidden", "4", "--seq-len", "5");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("model: gru-reset-before(4) x1"), r.out());
        assertTrue(r.out().strip().lines().reduce((a, b) -> b).orElseThrow().contains("\"cell\": \"gru-reset-before\""),
                r.out());
        CliTestSupport.Result help = CliTestSupport.run("train", "--help");
        assertTrue(help.out().contains("gru-reset-before"), help.out());
        assertFalse(help.out().contains("squashed"), "the tutorial's mistakes are never offered: " + help.out());
    }

    @Test
    void anUpdateThatOverflowsHaltsWithTheTruthAboutTheWeights() {
        CliTestSupport.Result r = CliTestSupport.run("train", "--optimizer", "rmsprop", "--lr", "1.7e308",
                "--epochs", "1", "--hidden", "4");
        assertEquals(1, r.exitCode(), r.err());
        assertTrue(r.err().contains("its update made weights infinite or NaN and was undone); the weights are "
                + "those of the last good step"), r.err());
    }
}
