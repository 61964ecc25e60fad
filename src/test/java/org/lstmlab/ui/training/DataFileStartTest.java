package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.ui.common.I18n;

/** What Start trains on after the user chose a file of their own and then changed the form's data fields. */
class DataFileStartTest {
    private final FakeFx fx = new FakeFx();
    private final TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);

    /**
     * A UTF-16 text without a byte order mark decodes as UTF-8 (every other byte a NUL); the message says to
     * choose another encoding, and the student does, in the form, then presses Start: the run reads the text in
     * that encoding, as a CSV run reads its file with the form's fields.
     */
    @Test
    void anEncodingChosenAfterTheTextWasReadIsTheOneTheRunReads(@TempDir Path dir) throws Exception {
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "the quick brown fox jumps over the lazy dog. ".repeat(30), StandardCharsets.UTF_16LE);
        vm.chooseDataFile(text);
        fx.until(vm, () -> text.equals(vm.form().dataFile.get()));
        assertTrue(vm.messageProperty().get().startsWith("notes.txt (read as UTF-8, detected;"),
                vm.messageProperty().get());
        vm.form().encodingProperty().set("UTF-16LE");
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.RUNNING || vm.stateProperty().get().isOver());
        List<String> vocabulary = vm.run().atBoundary(a -> a.data().vocabulary()).get();
        vm.stop();
        assertFalse(vocabulary.contains("\u0000"), "the text was read as UTF-8: " + vocabulary);
        assertEquals("UTF-16LE", vm.run().atBoundary(a -> a.session().record().data().charset().name()).get());
    }

    /**
     * Start pressed while the chosen file is still being read (a big file, a slow disk): the run trains on that file
     * once it is read, never on the task the form showed before, with the form then describing another run.
     */
    @Test
    void startPressedWhileTheFileIsReadTrainsOnThatFile() throws Exception {
        Path csv = Path.of("src/test/resources/data/good/series.csv");
        vm.form().epochsProperty().set(1);
        vm.chooseDataFile(csv);
        vm.start();                     // the file's news waits on the FX executor: it has not been read yet
        assertTrue(vm.idleProperty().get(), "nothing trains before the file is read");
        fx.until(vm, () -> vm.stateProperty().get() != null && vm.stateProperty().get().isOver());
        assertEquals("csv", vm.form().taskProperty().get().name());
        assertEquals(csv, vm.run().atBoundary(a -> a.session().record().data().file()).get());
        assertEquals("csv", vm.run().atBoundary(a -> a.session().task().name()).get());
    }

    /**
     * A CSV series' sample goes to the debugger said to be standardised, as it was trained: its inputs are not the
     * file's values (each column's mean over the rows is near 0); a built-in task's sample is not said to be.
     */
    @Test
    void aCsvSampleGoesToTheDebuggerSaidToBeStandardised() throws Exception {
        List<Boolean> standardised = new CopyOnWriteArrayList<>();
        List<List<String>> features = new CopyOnWriteArrayList<>();
        List<double[]> firstSteps = new CopyOnWriteArrayList<>();
        vm.setDebuggerLauncher((model, sample, targets, sequence, title, names) -> {
            standardised.add(names.standardised());
            features.add(names.features());
            firstSteps.add(sample.vector(0, sequence));
        });
        vm.form().epochsProperty().set(1);
        vm.chooseDataFile(Path.of("src/test/resources/data/good/series.csv"));
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() != null && vm.stateProperty().get().isOver());
        vm.openInDebugger();
        fx.until(vm, () -> !standardised.isEmpty());
        assertEquals(List.of(true), standardised);
        assertEquals(List.of(List.of("time", "load", "temp")), features,
                "the file's columns (all its numbers) name the inputs");
        for (double v : firstSteps.get(0)) {
            assertTrue(Math.abs(v) < 5, "a standardised value, not the file's: " + v);
        }
        vm.chooseTask(org.lstmlab.engine.tasks.Tasks.byName("sine"));
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() != null && vm.stateProperty().get().isOver());
        vm.openInDebugger();
        fx.until(vm, () -> standardised.size() == 2);
        assertEquals(List.of(true, false), standardised);
        assertEquals(List.of(), features.get(1), "a built-in task's inputs keep x[0], x[1], …");
    }

    /** A file that cannot be used cancels the Start pressed while it was read: its problem stays on show. */
    @Test
    void startPressedWhileARefusedFileIsReadDoesNotStart() throws Exception {
        vm.chooseDataFile(Path.of("src/test/resources/data/bad/ragged-more.csv"));
        vm.start();
        fx.until(vm, () -> vm.messageIsErrorProperty().get());
        fx.drain();
        assertEquals(null, vm.run(), vm.messageProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Cannot use ragged-more.csv: "), vm.messageProperty().get());
    }

    /**
     * A short series (ten months) chosen first: the window field only shows once a CSV file is read, so the default
     * window of 24 rows must not refuse it; it is read with a window that fits, and the message says so.
     */
    @Test
    void aSeriesShorterThanTheDefaultWindowIsReadWithOneThatFits(@TempDir Path dir) throws Exception {
        Path months = dir.resolve("months.csv");
        Files.writeString(months, "sales\n3\n5\n4\n6\n8\n7\n9\n11\n10\n12\n");
        vm.chooseDataFile(months);
        fx.until(vm, () -> months.equals(vm.form().dataFile.get()) || vm.messageIsErrorProperty().get());
        assertEquals(months, vm.form().dataFile.get(), vm.messageProperty().get());
        assertEquals(5, vm.form().stepsProperty().get(), "the window fits 10 rows: 5 windows, one for validation");
        assertTrue(vm.messageProperty().get().endsWith(". Note: the window is 5 rows, not 24: the file has only 10 "
                + "data rows"), vm.messageProperty().get());
        Path one = dir.resolve("one.csv");
        Files.writeString(one, "sales\n3\n");
        vm.chooseTask(org.lstmlab.engine.tasks.Tasks.byName("adding"));   // no window on show again
        vm.chooseDataFile(one);
        fx.until(vm, () -> vm.messageIsErrorProperty().get());
        assertEquals("Cannot use one.csv: has 1 data rows: too few for windows of 1 and a horizon of 1 (at least 3 "
                + "are needed). It is not loaded: the task shown, with its Solved when and code, is still Adding "
                + "problem. Change the fields under Use my file…, then press Start to read it again",
                vm.messageProperty().get());
    }

    /**
     * Start reads the file again with the form's fields: a column typed wrong, or a file changed since it was chosen,
     * is refused naming the file (and the line and field), as when it was chosen, not "The run failed: has no …".
     */
    @Test
    void aFileRefusedAtStartIsNamed(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("load.csv");
        Files.copy(Path.of("src/test/resources/data/good/series.csv"), csv);
        vm.chooseDataFile(csv);
        fx.until(vm, () -> csv.equals(vm.form().dataFile.get()));
        vm.form().columns.set("load, tmp");
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FAILED);
        assertEquals("Cannot use load.csv: has no column 'tmp' (columns: time, load, temp; or a number 1..3)",
                vm.messageProperty().get());
        vm.form().columns.set("");
        Files.writeString(csv, "time,load,temp\n" + "1,2,3\n".repeat(10) + "1,x,3\n" + "1,2,3\n".repeat(30));
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() == RunState.FAILED);
        assertEquals("Cannot use load.csv: line 12: field 2 (load): 'x' is not a number", vm.messageProperty().get());
    }

    /**
     * A student's sensor log with one humidity missing: the message says to leave the column out, and the Input
     * columns field it means shows although the file was refused (before, it showed only once a file was read, so
     * the advice could not be followed). Start reads the file again with the columns typed, and trains on them.
     */
    @Test
    void aRefusedCsvKeepsItsFieldsAndStartReadsItAgainWithThem(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("sensor.csv");
        StringBuilder sb = new StringBuilder("temp,humidity,pressure\n");
        for (int r = 0; r < 60; r++) {
            sb.append(20 + r % 5).append(',').append(r == 7 ? "" : Integer.toString(50 + r % 3)).append(',')
                    .append(1000 + r % 4).append('\n');
        }
        Files.writeString(csv, sb.toString());
        vm.chooseDataFile(csv);
        fx.until(vm, () -> vm.messageIsErrorProperty().get());
        assertEquals("Cannot use sensor.csv: line 9: field 2 (humidity): missing value: fill it in, or leave the "
                + "column out of the input columns. It is not loaded: the task shown, with its Solved when and code, "
                + "is still Adding problem. Change the fields under Use my file…, then press Start to read it again",
                vm.messageProperty().get());
        assertTrue(vm.fieldsProperty().get().csv(), "the Input columns field shows");
        assertEquals("adding", vm.form().taskProperty().get().name(), "the form's task stays until the file is read");
        vm.form().columns.set("temp, pressure");
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() != null && vm.stateProperty().get().isOver());
        assertEquals("csv", vm.form().taskProperty().get().name(), vm.messageProperty().get());
        assertEquals(List.of("temp", "pressure"),
                vm.run().atBoundary(a -> a.session().record().data().columns()).get());
        vm.chooseTask(org.lstmlab.engine.tasks.Tasks.byName("adding"));
        assertFalse(vm.fieldsProperty().get().csv(), "a task chosen puts the file away");
    }

    /** A folder, or a text too short to learn from, is named once ("Cannot use notes.txt: notes.txt: …" said twice). */
    @Test
    void aRefusedFileIsNamedOnce(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("data.csv"));
        vm.chooseDataFile(folder);
        fx.until(vm, () -> vm.messageIsErrorProperty().get());
        assertEquals("Cannot use data.csv: is a folder, not a regular file. It is not loaded: the tab keeps Adding "
                + "problem, which Start trains", vm.messageProperty().get());
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "too short");
        vm.chooseTask(org.lstmlab.engine.tasks.Tasks.byName("adding"));
        vm.chooseDataFile(text);
        fx.until(vm, () -> vm.messageIsErrorProperty().get());
        assertTrue(vm.messageProperty().get().startsWith("Cannot use notes.txt: 9 characters is too little text"),
                vm.messageProperty().get());
    }
}
