package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.ClassRows;
import org.lstmlab.engine.io.JsonParser;
import org.lstmlab.engine.io.JsonValue;
import org.lstmlab.engine.session.Comparison;
import org.lstmlab.engine.tasks.SeriesTask;
import picocli.CommandLine;

/**
 * {@code compare --data}: the three cells on the user's CSV file at its one window, read with {@code train --data}'s
 * options (columns, target, its kind, horizon, encoding), one JSON line per model beside the most frequent class or
 * the naive forecast; a bad file or option is one line on stderr and exit code 2.
 */
class CompareDataOptionTest {
    @TempDir Path dir;

    private Path activity() throws Exception {
        Path csv = dir.resolve("activity.csv");
        Files.writeString(csv, ClassRows.csv(300, 3));
        return csv;
    }

    private static List<JsonValue.Obj> lines(CliTestSupport.Result r) throws Exception {
        List<JsonValue.Obj> out = new java.util.ArrayList<>();
        for (String l : r.out().strip().lines().toList()) {
            out.add((JsonValue.Obj) JsonParser.parse(l));
        }
        return out;
    }

    private static double num(JsonValue.Obj o, String key) {
        return ((JsonValue.Num) o.members().get(key)).doubleValue();
    }

    @Test
    void aClassTargetComparesEveryCellAtTheWindowBesideTheMostFrequentClass() throws Exception {
        Path csv = activity();
        CliTestSupport.Result r = CliTestSupport.run("compare", "--data", csv.toString(), "--columns", "a,b",
                "--target", "activity", "--seq-len", "4", "--epochs", "1", "--samples", "50", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        List<JsonValue.Obj> models = lines(r);
        assertEquals(List.of("SimpleRNN", "GRU", "LSTM"), models.stream()
                .map(o -> ((JsonValue.Str) o.members().get("cell")).value()).toList(), r.out());
        double chance = num(models.get(0), "chance");
        for (JsonValue.Obj o : models) {
            assertEquals(4, num(o, "seq_len"), 0.0, "the window: " + o);
            assertTrue(num(o, "val_accuracy") >= 0 && num(o, "val_accuracy") <= 1, o.toString());
            assertEquals(chance, num(o, "chance"), 0.0, "every model on the same windows");
        }
        assertTrue(chance > 0.4 && chance < 0.75, "always 'sitting': " + chance);
    }

    @Test
    void aForecastPrintsEachModelsMseAndTheOptionsAreTrainsOptions() throws Exception {
        Path csv = activity();
        CompareCommand c = new CompareCommand();
        new CommandLine(c).parseArgs("--data", csv.toString(), "--columns", "a,b", "--target", "a",
                "--horizon", "2", "--seq-len", "6", "--encoding", "utf-8");
        Comparison.Settings s = c.settings();
        assertTrue(s.task() instanceof SeriesTask t && t.classes() == null, "a forecast of a");
        assertEquals(List.of(6), s.lengths(), "compared at its window only");

        CliTestSupport.Result r = CliTestSupport.run("compare", "--data", csv.toString(), "--target", "b",
                "--seq-len", "3", "--epochs", "1", "--samples", "40", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        for (JsonValue.Obj o : lines(r)) {
            assertTrue(num(o, "val_mse") > 0, o.toString());
            assertEquals(3, num(o, "seq_len"), 0.0);
        }
    }

    /**
     * A .txt file, as {@code train --data} reads it, is a text for the character model: compared at --seq-len
     * characters (the character model's default without it), each model's validation cross-entropy beside the
     * character frequencies' entropy on the same windows.
     */
    @Test
    void aTextComparesEveryCellsCrossEntropyBesideTheCharacterFrequencies() throws Exception {
        CompareCommand c = new CompareCommand();
        new CommandLine(c).parseArgs("--data", "docs/data/jabberwocky.txt");
        Comparison.Settings s = c.settings();
        assertTrue(s.task() instanceof org.lstmlab.engine.tasks.CharLmTask, s.task().name());
        assertEquals(List.of(org.lstmlab.engine.tasks.CharLmTask.DEFAULT_STEPS), s.lengths());

        CliTestSupport.Result r = CliTestSupport.run("compare", "--data", "docs/data/jabberwocky.txt",
                "--seq-len", "9", "--epochs", "2", "--samples", "30", "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        List<JsonValue.Obj> models = lines(r);
        assertEquals(3, models.size(), r.out());
        double chance = num(models.get(0), "chance");
        for (JsonValue.Obj o : models) {
            assertEquals(9, num(o, "seq_len"), 0.0, "the length asked for: " + o);
            assertTrue(num(o, "val_cross_entropy") > 0, o.toString());
            assertEquals(chance, num(o, "chance"), 0.0, "every model on the same windows");
            assertEquals(0.8 * chance, num(o, "threshold"), 1e-12, o.toString());
        }

        r = CliTestSupport.run("compare", "--data", "docs/data/jabberwocky.txt", "--seq-len", "300");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--seq-len") && r.err().contains("200"), r.err());
        assertEquals("", r.out());
        r = CliTestSupport.run("compare", "--data", "docs/data/jabberwocky.txt", "--target", "a");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("--target applies to a CSV file"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void badInputIsOneLineAndExitCode2() throws Exception {
        Path csv = activity();
        String[][] bad = {
            {"--data", dir.resolve("missing.csv").toString()},
            {"--data", csv.toString(), "--seq-len", "0"},
            {"--data", csv.toString(), "--horizon", "0"},
            {"--data", csv.toString(), "--encoding", "klingon"},
            {"--data", csv.toString(), "--target-kind", "maybe"},
            {"--data", csv.toString(), "--target", "nope"},
            {"--data", csv.toString(), "--task", "adding"},
            {"--data", csv.toString(), "--lengths", "4,8"},
            {"--seq-len", "4"},
            {"--data", "src/test/resources/data/bad/ragged-more.csv"},
        };
        String[] says = {"missing.csv", "--seq-len", "--horizon", "klingon", "maybe", "nope", "leave out --task",
            "leave out --lengths", "--seq-len applies to a data file", "ragged-more.csv: line 3: expected 3 fields"};
        for (int i = 0; i < bad.length; i++) {
            String[] args = new String[bad[i].length + 1];
            args[0] = "compare";
            System.arraycopy(bad[i], 0, args, 1, bad[i].length);
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().startsWith("lstm-lab: ") && r.err().contains(says[i]), r.err());
            assertEquals("", r.out(), "no model trained");
        }
    }
}
