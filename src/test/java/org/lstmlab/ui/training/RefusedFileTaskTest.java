package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.ui.common.I18n;

/**
 * What the Train tab says after the user's file is refused: the file is not loaded, and the task, its criterion and
 * code still on show are the previous task's, named; when no field can mend the file, Start trains that task, and
 * the message says so beforehand.
 */
class RefusedFileTaskTest {
    /** A column with a word among its numbers: Input columns without it would mend the file. */
    private static final String BAD = "time,load\n1,2\n2,x\n3,4\n4,5\n";
    private final FakeFx fx = new FakeFx();

    /** Writes {@code text} to {@code file}, chooses it and waits for it to be refused. */
    private Path refuse(TrainingViewModel vm, Path file, String text) throws java.io.IOException {
        Files.writeString(file, text);
        vm.chooseDataFile(file);
        fx.until(vm, () -> vm.messageIsErrorProperty().get());
        return file;
    }

    @Test
    void aFileRefusedForAFieldNamesTheTaskStillOnShow(@TempDir Path dir) throws Exception {
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        Path bad = refuse(vm, dir.resolve("marks.csv"), BAD);
        assertEquals("Cannot use marks.csv: line 3: field 2 (load): 'x' is not a number. It is not loaded: the task "
                + "shown, with its Solved when and code, is still Adding problem. Change the fields under Use my "
                + "file…, then press Start to read it again", vm.messageProperty().get());
        assertEquals("adding", vm.form().taskProperty().get().name());
        assertEquals(bad, vm.form().dataFile.get(), "the file stays chosen, for Start to read it again");
        vm.start();   // reads the file again, which is still refused: the adding problem is not trained meanwhile
        fx.until(vm, () -> vm.messageIsErrorProperty().get());
        fx.drain();
        assertEquals(null, vm.run(), vm.messageProperty().get());
    }

    @Test
    void aFileNoFieldCanMendSaysStartTrainsTheTaskKept(@TempDir Path dir) throws Exception {
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.ENGLISH), fx);
        refuse(vm, dir.resolve("empty.csv"), "");
        String said = vm.messageProperty().get();
        assertTrue(said.startsWith("Cannot use empty.csv: "), said);
        assertTrue(said.endsWith(". It is not loaded: the tab keeps Adding problem, which Start trains"), said);
        assertEquals(null, vm.form().dataFile.get());
        vm.form().epochsProperty().set(1);
        vm.start();
        fx.until(vm, () -> vm.stateProperty().get() != null && vm.stateProperty().get().isOver());
        assertEquals("adding", vm.run().atBoundary(a -> a.session().task().name()).get(), "as the message said");
    }

    @Test
    void aFileRefusedAfterAnotherWasReadNamesThatFileInChinese(@TempDir Path dir) throws Exception {
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(Locale.SIMPLIFIED_CHINESE), fx);
        Path good = Path.of("src/test/resources/data/good/series.csv");
        vm.chooseDataFile(good);
        fx.until(vm, () -> good.equals(vm.form().dataFile.get()));
        refuse(vm, dir.resolve("成绩.csv"), BAD);
        String said = vm.messageProperty().get();
        assertTrue(said.startsWith("无法使用成绩.csv："), said);
        assertTrue(said.contains("。文件没有载入，这里显示的任务、代码和达标条件仍是我的 CSV 时间序列（series.csv）的。请修改"),
                said);
        Path empty = dir.resolve("空.csv");
        Files.writeString(empty, "");
        vm.chooseDataFile(empty);
        fx.until(vm, () -> vm.messageProperty().get().startsWith("无法使用空.csv"));
        assertTrue(vm.messageProperty().get().endsWith("。文件没有载入，本页仍是我的 CSV 时间序列（series.csv），按“开始”训练的也是它"),
                vm.messageProperty().get());
        assertEquals(good, vm.form().dataFile.get(), "Start trains on the file the task was read from, as said");
    }
}
