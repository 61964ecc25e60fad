package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.cli.LstmLabCommand;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.tasks.CharLmTask;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.ui.common.I18n;

/**
 * A model and a run that {@code train --task charlm --text jabberwocky} saved reopen on the poem, as the Train tab's
 * own do: the model file names the task charlm with the poem's characters (its vocabulary), which only the poem's
 * data fit; the run file names charlm with the poem's data digest. Neither falls back to the sonnets.
 */
class CliSavedPoemTest {
    private final CharLmTask poem = CharLmTask.bundled("jabberwocky");

    private static void train(String text, Path model, Path run) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = LstmLabCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(
                "train", "--task", "charlm", "--text", text, "--hidden", "4", "--epochs", "1", "--threads", "1",
                "--save", model.toString(), "--save-run", run.toString());
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().startsWith("charlm: Predict the next character of a text (" + text + ".txt)"),
                out.toString());
    }

    @Test
    void theCommandLinesModelAndRunOfThePoemReopenOnThePoem(@TempDir Path dir) throws Exception {
        Path model = dir.resolve("poem.safetensors");
        Path run = dir.resolve("poem.ckpt");
        train("jabberwocky", model, run);
        ModelFile.Loaded m = ModelFile.load(model);
        assertEquals("charlm", m.task());
        assertEquals(poem.generate(0, 1).vocabulary(), m.vocabulary(), "the poem's characters");

        RunFiles.Opened opened = RunFiles.openModel(model, null).join();
        assertSame(poem, opened.task(), "the model file reopens on the poem");
        assertEquals(4, opened.setup().run().hidden());
        RunFiles.Opened resumed = RunFiles.openCheckpoint(run).join();
        assertSame(poem, resumed.task(), "the run file resumes on the poem");
        assertEquals(1, resumed.setup().resume().epoch(), "after its one epoch");

        FakeFx fx = new FakeFx();
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        vm.chooseTask(Tasks.byName("adding"));
        vm.openModel(model);
        fx.until(vm, () -> vm.stateProperty().get() == RunState.PAUSED || vm.messageIsErrorProperty().get());
        assertEquals(RunState.PAUSED, vm.stateProperty().get(), vm.messageProperty().get());
        assertSame(poem, vm.form().taskProperty().get(), "the Train tab's form shows the poem");
        vm.stop();
    }

    /** The sonnets' model and run, saved by the command line too, reopen on the sonnets. */
    @Test
    void theSonnetsStayTheSonnets(@TempDir Path dir) {
        Path model = dir.resolve("sonnets.safetensors");
        Path run = dir.resolve("sonnets.ckpt");
        train("sonnets", model, run);
        assertSame(Tasks.byName("charlm"), RunFiles.openModel(model, null).join().task());
        assertSame(Tasks.byName("charlm"), RunFiles.openCheckpoint(run).join().task());
    }
}
