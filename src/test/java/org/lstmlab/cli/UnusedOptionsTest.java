package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine.Model.OptionSpec;

/**
 * An option that would have no effect given the others is refused, as argparse refuses it, never silently ignored:
 * exit code 2, one line naming the option, why it does not apply and what to do, nothing on stdout. Options given
 * with their default value count as given (picocli says which were matched), and the valid combinations still run.
 */
class UnusedOptionsTest {
    private static final String CSV = "src/test/resources/data/good/series.csv";
    private static final String TEXT = "src/test/resources/data/good/text-utf8.txt";
    private static final String NO_DATA = " applies to a data file; add --data FILE, or leave ";
    private static final String TEXT_DATA = " applies to a CSV file, and --data text-utf8.txt is read as text for the "
            + "character model; give --data a CSV file (without --task charlm), or leave ";
    private static final String KERNELS = " applies to the workloads, not to --kernels (which times the matrix "
            + "kernels alone); leave out --kernels to time the workloads, or leave ";

    @TempDir Path dir;

    static List<Arguments> refused() {
        List<Arguments> cases = new ArrayList<>();
        String[][] withoutData = {{"--columns", "1,2"}, {"--target", "load"}, {"--target-kind", "class"},
            {"--horizon", "1"}, {"--encoding", "utf-8"}, {"--val-split", "0.2"}};
        for (String[] o : withoutData) {
            cases.add(Arguments.of(List.of("train", "--task", "adding", o[0], o[1], "--epochs", "1"),
                    o[0] + NO_DATA + o[0] + " out"));
            if (!o[0].equals("--val-split")) {
                cases.add(Arguments.of(List.of("compare", o[0], o[1], "--epochs", "1"), o[0] + NO_DATA + o[0]
                        + " out"));
            }
        }
        cases.add(Arguments.of(List.of("compare", "--seq-len", "4"), "--seq-len applies to a data file (its window; "
                + "a task is compared at --lengths); add --data FILE, or leave --seq-len out"));
        String[][] csvOnly = {{"--columns", "1"}, {"--target", "load"}, {"--target-kind", "value"},
            {"--horizon", "2"}, {"--val-split", "0.1"}};
        for (String[] o : csvOnly) {
            cases.add(Arguments.of(List.of("train", "--data", TEXT, o[0], o[1]), o[0] + TEXT_DATA + o[0] + " out"));
        }
        cases.add(Arguments.of(List.of("train", "--data", CSV, "--task", "charlm", "--horizon", "1"),
                "--horizon applies to a CSV file, and --data series.csv is read as text for the character model; "
                        + "give --data a CSV file (without --task charlm), or leave --horizon out"));
        cases.add(Arguments.of(List.of("train", "--more-epochs", "2"),
                "--more-epochs applies to a saved run; add --resume FILE, or leave --more-epochs out"));
        cases.add(Arguments.of(List.of("train", "--resume", "never-read.ckpt", "--target-kind", "class"),
                "--resume continues the run saved in never-read.ckpt with its own settings, so --target-kind cannot "
                        + "change it (only --more-epochs and --threads can be given with --resume)"));
        for (String[] o : new String[][] {{"--dtype", "float64"}, {"--threads", "1"}, {"--first-epoch", "0"}}) {
            cases.add(Arguments.of(List.of("bench", "--kernels", o[0], o[1]), o[0] + KERNELS + o[0] + " out"));
        }
        cases.add(Arguments.of(List.of("bench", "--kernels", "W2", "W1"), "W2" + KERNELS + "W2 out"));
        cases.add(Arguments.of(List.of("bench", "--thin"), "--thin applies to --kernels; add --kernels, or leave "
                + "--thin out"));
        cases.add(Arguments.of(List.of("lessons", "--lang", "en"),
                "--lang applies to --show; add --show, or leave --lang out"));
        cases.add(Arguments.of(List.of("lessons", "--show", "--verify"), "--verify does not apply with --show, "
                + "which prints the lessons instead of replaying them; leave out --show to replay them, or leave "
                + "--verify out"));
        cases.add(Arguments.of(List.of("lessons", "--lesson", "forget-gate", "docs/no-such-lesson.yaml"),
                "--lesson picks a built-in lesson, and lesson files are given; leave out the files, or leave "
                        + "--lesson out"));
        for (String command : List.of("train", "compare")) {   // the same checks, the same words
            cases.add(Arguments.of(List.of(command, "--task", "adding", "--text", "jabberwocky"),
                    "--text applies to --task charlm; add --task charlm, or leave --text out"));
            cases.add(Arguments.of(List.of(command, "--text", "sonnets"),
                    "--text applies to --task charlm; add --task charlm, or leave --text out"));
            cases.add(Arguments.of(List.of(command, "--task", "charlm", "--data", TEXT, "--text", "jabberwocky"),
                    "--text names a bundled text, and --data gives your own; leave --data out, or leave --text out"));
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("refused")
    void anOptionWithNoEffectIsRefusedByNameWithWhatToDo(List<String> args, String message) {
        CliTestSupport.Result r = CliTestSupport.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.out() + r.err());
        assertEquals("lstm-lab: " + message, r.err().strip(), String.join(" ", args));
        assertEquals("", r.out(), "nothing ran");
    }

    @Test
    void aRefusedRunWritesNothing() {
        Path model = dir.resolve("model.safetensors");
        Path run = dir.resolve("run.ckpt");
        CliTestSupport.Result r = CliTestSupport.run("train", "--columns", "1", "--save", model.toString(),
                "--save-run", run.toString(), "--epochs", "1");
        assertEquals(2, r.exitCode(), r.err());
        assertFalse(Files.exists(model) || Files.exists(run), "nothing written");
    }

    @Test
    void theDataOptionsRunWithACsvFileAndEncodingWithATextFile() {
        CliTestSupport.Result csv = CliTestSupport.run("train", "--data", CSV, "--columns", "load,temp", "--target",
                "temp", "--target-kind", "value", "--horizon", "2", "--val-split", "0.3", "--encoding", "utf-8",
                "--seq-len", "5", "--epochs", "1", "--hidden", "3", "--threads", "1");
        assertEquals(0, csv.exitCode(), csv.err());
        assertTrue(csv.out().contains("Forecast temp of series.csv from windows of load, temp"), csv.out());
        CliTestSupport.Result text = CliTestSupport.run("train", "--data", TEXT, "--encoding", "utf-8", "--seq-len",
                "8", "--epochs", "1", "--hidden", "3", "--threads", "1");
        assertEquals(0, text.exitCode(), text.err());
        assertTrue(text.out().contains("\"task\": \"charlm\""), text.out());
    }

    @Test
    void showTakesLangAndLessonTakesTheBuiltInOnes() {
        CliTestSupport.Result r = CliTestSupport.run("lessons", "--show", "--lang", "zh", "--lesson", "forget-gate");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("遗忘门"), r.out());
        CliTestSupport.Result listed = CliTestSupport.run("lessons", "--lesson", "forget-gate");
        assertEquals(0, listed.exitCode(), listed.err());
        assertEquals(1, listed.out().strip().lines().count(), listed.out());
    }

    /** Every option of {@code train} but those a resumed run may take is refused with --resume, none ignored. */
    @Test
    void resumeRefusesEveryOptionThatMakesARun() {
        Set<String> allowed = Set.of("--resume", "--more-epochs", "--threads", "--save", "--no-save", "--save-run",
                "--save-code", "--epoch-json", "--help", "--version");
        var train = LstmLabCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .getSubcommands().get("train").getCommandSpec();
        for (OptionSpec o : train.options()) {
            assertTrue(allowed.contains(o.longestName()) || ResumedRun.FIXED.contains(o.longestName()),
                    o.longestName() + " would be ignored by --resume");
        }
    }
}
