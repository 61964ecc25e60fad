package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --save-run} then {@code train --resume FILE --more-epochs N}: the run goes on as a longer run would
 * have, to the bit; what cannot be resumed is refused with exit code 2 and a line that says why.
 */
class TrainResumeTest {
    private static final List<String> RUN = List.of("train", "--task", "adding", "--seq-len", "10", "--cell", "gru",
            "--hidden", "8", "--threads", "2", "--epoch-json");

    private static CliTestSupport.Result train(List<String> args, String... more) {
        List<String> all = new java.util.ArrayList<>(args);
        all.addAll(List.of(more));
        return CliTestSupport.run(all.toArray(String[]::new));
    }

    /** The epoch lines, without their seconds (the one field that is not the run's). */
    private static List<String> epochs(String out) {
        return out.lines().filter(l -> l.startsWith("{\"epoch\"")).map(l -> l.replaceAll("\"seconds\": [^,]*, ", ""))
                .toList();
    }

    @Test
    void twoEpochsSavedThenOneMoreAreThreeEpochs(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("run.ckpt");
        CliTestSupport.Result first = train(RUN, "--epochs", "2", "--save-run", saved.toString());
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(Files.isRegularFile(saved));
        assertTrue(first.out().contains("saved the run to " + saved), first.out());

        CliTestSupport.Result more = CliTestSupport.run("train", "--resume", saved.toString(), "--more-epochs", "1",
                "--epoch-json");
        assertEquals(0, more.exitCode(), more.err());
        assertTrue(more.out().contains("resumed run.ckpt at epoch 3 of 3"), more.out());
        CliTestSupport.Result whole = train(RUN, "--epochs", "3");
        assertEquals(0, whole.exitCode(), whole.err());
        List<String> all = epochs(whole.out());
        assertEquals(3, all.size(), whole.out());
        assertEquals(all.subList(0, 2), epochs(first.out()));
        assertEquals(all.subList(2, 3), epochs(more.out()), "the third epoch, resumed, is the third epoch");
    }

    /** A run on the bundled poem resumes on the poem: its record names the task charlm, its digest the text. */
    @Test
    void aRunOnThePoemResumesOnThePoem(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("poem.ckpt");
        CliTestSupport.Result first = CliTestSupport.run("train", "--task", "charlm", "--text", "jabberwocky",
                "--hidden", "4", "--epochs", "1", "--threads", "1", "--save-run", saved.toString());
        assertEquals(0, first.exitCode(), first.err());
        CliTestSupport.Result more = CliTestSupport.run("train", "--resume", saved.toString(), "--more-epochs", "1",
                "--threads", "1");
        assertEquals(0, more.exitCode(), more.err());
        assertTrue(more.out().startsWith("charlm: Predict the next character of a text (jabberwocky.txt)"),
                more.out());
        assertTrue(more.out().contains("resumed poem.ckpt at epoch 2 of 2"), more.out());
    }

    @Test
    void whatCannotBeResumedIsRefused(@TempDir Path dir) throws Exception {
        Path saved = dir.resolve("done.ckpt");
        assertEquals(0, train(RUN, "--epochs", "1", "--save-run", saved.toString()).exitCode());
        String[][] cases = {
            {"done.ckpt: the run has trained all its 1 epochs; --more-epochs N trains it N epochs further",
                "--resume", saved.toString()},
            {"--resume continues the run saved in done.ckpt with its own settings, so --lr cannot change it",
                "--resume", saved.toString(), "--lr", "0.1", "--more-epochs", "1"},
            {"--resume continues the run saved in done.ckpt with its own settings, so --seed cannot change it",
                "--resume", saved.toString(), "--seed", "42", "--more-epochs", "1"},
            {"--more-epochs applies to a saved run; add --resume FILE, or leave --more-epochs out",
                "--more-epochs", "2"},
            {"--more-epochs must be from 1 to 1000000, got 0", "--resume", saved.toString(), "--more-epochs", "0"},
            {"no such file", "--resume", dir.resolve("gone.ckpt").toString(), "--more-epochs", "1"},
        };
        for (String[] c : cases) {
            String[] args = new String[c.length];
            args[0] = "train";
            System.arraycopy(c, 1, args, 1, c.length - 1);
            CliTestSupport.Result r = CliTestSupport.run(args);
            assertEquals(2, r.exitCode(), String.join(" ", args) + ": " + r.err());
            assertTrue(r.err().contains(c[0]), r.err());
            assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        }
    }

    /**
     * A run on the user's CSV file records its data's fingerprint: the file written in another form with the same
     * numbers resumes; a changed value is refused, naming the run and the file, since the run would go on with other
     * data than it trained on.
     */
    @Test
    void aRunWhoseFileChangedIsRefused(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("series.csv");
        Files.copy(Path.of("src/test/resources/data/good/series.csv"), csv);
        Path saved = dir.resolve("run.ckpt");
        CliTestSupport.Result first = CliTestSupport.run("train", "--data", csv.toString(), "--epochs", "1",
                "--threads", "1", "--save-run", saved.toString());
        assertEquals(0, first.exitCode(), first.err());

        String text = Files.readString(csv);
        Files.writeString(csv, text.replace("0,0.000,1.000", "0,0.0,1.0"));   // the same numbers, written shorter
        CliTestSupport.Result same = CliTestSupport.run("train", "--resume", saved.toString(), "--more-epochs", "1");
        assertEquals(0, same.exitCode(), same.err());

        Files.writeString(csv, text.replace("0,0.000,1.000", "0,0.500,1.000"));
        CliTestSupport.Result changed = CliTestSupport.run("train", "--resume", saved.toString(), "--more-epochs",
                "1");
        assertEquals(2, changed.exitCode(), changed.err());
        assertTrue(changed.err().contains("run.ckpt: the data in series.csv have changed since the run was saved"),
                changed.err());
        assertEquals(1, changed.err().strip().lines().count(), "one line: " + changed.err());
    }
}
