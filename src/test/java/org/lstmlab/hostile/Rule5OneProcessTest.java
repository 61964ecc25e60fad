package org.lstmlab.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.testing.Subprocess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rule 5: one process. {@code train} and {@code bench} are started as a user starts them, from a plain
 * {@code java} without the Vector API module (the case in which LSTM Lab used to start a second JVM), and killed
 * with SIGTERM, SIGINT (what Ctrl+C sends) or SIGKILL while they work. The process never has a child, and once it
 * has ended no process of it is left: nothing can write the {@code --save} file afterwards, and nothing did.
 */
class Rule5OneProcessTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} killed with SIG{1}")
    @CsvSource({"train, TERM, 143", "train, INT, 130", "train, KILL, 137", "bench, TERM, 143", "bench, KILL, 137"})
    void killingTheCommandStopsAllOfItsWork(String command, String signal, int exitCode) throws Exception {
        Path model = dir.resolve("model.safetensors");
        Subprocess p = command.equals("train")
                ? new Subprocess(dir, List.of(), "org.lstmlab.Main", "train", "--task", "keras-example", "--epochs",
                        "1000", "--threads", "1", "--save", model.toString())
                : new Subprocess(dir, List.of(), "org.lstmlab.Main", "bench", "W1", "--seconds", "600",
                        "--threads", "1");
        try {
            if (command.equals("train")) {
                p.awaitOut("model: ");
            } else {
                org.lstmlab.testing.Await.until("bench to start its workload",
                        () -> p.process.isAlive() && p.process.toHandle().info().totalCpuDuration()
                                .map(d -> d.toMillis() > 2000).orElse(false));
            }
            assertEquals(0, p.process.toHandle().descendants().count(), "a second process was started");
            assertEquals(List.of(p.process.toHandle()), p.marked());
            p.signal(signal);
            assertEquals(exitCode, p.waitFor(), p.out() + "\n" + p.err());
            assertEquals(List.of(), p.marked(), "a process of the killed command is still running");
            assertFalse(Files.exists(model), "a model was saved after the kill");
            assertEquals(List.of(), Hostile.names(dir), "files left behind");
        } finally {
            p.marked().forEach(ProcessHandle::destroyForcibly); // never leave a test's process running
        }
    }

    @ParameterizedTest(name = "a save killed with SIG{0}")
    @CsvSource({"TERM, true", "INT, true", "KILL, false"})
    void aSaveKilledHalfwayLeavesThePreviousFileAndItsTempIsCleaned(String signal, boolean hookRuns)
            throws Exception {
        Path target = Files.writeString(dir.resolve("model.safetensors"), "previous model");
        Subprocess p = new Subprocess(dir, List.of(), SlowSave.class.getName(), target.toString());
        try {
            p.awaitOut("writing");
            assertEquals(2, Hostile.names(dir).size(), "the temp file is being written: " + Hostile.names(dir));
            p.signal(signal);
            p.waitFor();
        } finally {
            p.process.destroyForcibly();
        }
        assertEquals("previous model", Files.readString(target));
        if (hookRuns) {
            assertEquals(List.of("model.safetensors"), Hostile.names(dir), "a clean stop removes its temp file");
        } else {
            assertEquals(2, Hostile.names(dir).size(), "kill -9 leaves the temp file: " + Hostile.names(dir));
            org.lstmlab.engine.io.AtomicFiles.writeBytes(target, "next model".getBytes());
            assertEquals(List.of("model.safetensors"), Hostile.names(dir), "the next save removes the stale temp");
            assertEquals("next model", Files.readString(target));
        }
    }
}
