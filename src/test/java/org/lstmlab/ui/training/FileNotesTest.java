package org.lstmlab.ui.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.ui.common.I18n;

/**
 * The notes in the tab's message once a file is read, in English and in Chinese: an input that is a row number or
 * a clock (a column that rises by the same step every row), with the Input columns that leave it out; a target of
 * 0s and 1s forecast as a number, with the tick box that makes them classes. A file that needs neither has none.
 * The notes stay once Start is pressed, while the model trains and after, until a run leaves the column out.
 */
class FileNotesTest {
    @TempDir Path dir;

    /** The tab's message once {@code csv} (its text) is read with the default inputs, forecasting {@code load}. */
    private String messageAfterReading(Locale locale, String csv) throws Exception {
        return messageAfterReading(locale, csv, "load");
    }

    private String messageAfterReading(Locale locale, String csv, String target) throws Exception {
        Path file = dir.resolve("series.csv");
        Files.writeString(file, csv);
        FakeFx fx = new FakeFx();
        TrainingViewModel vm = new TrainingViewModel(I18n.bundle(locale), fx);
        vm.form().target.set(target);
        vm.form().steps.set(4);
        vm.chooseDataFile(file);
        fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
        return vm.messageProperty().get();
    }

    /** 60 rows: time 0, 1, 2, … (or {@code clock} false: a noisy column instead), load and temp wave. */
    private static String rows(boolean clock) {
        StringBuilder b = new StringBuilder("time,load,temp\n");
        for (int r = 0; r < 60; r++) {
            double time = clock ? r : Math.sin(r * 1.7) * 3;
            b.append(time).append(',').append(Math.sin(r * 0.3)).append(',').append(Math.cos(r * 0.2)).append('\n');
        }
        return b.toString();
    }

    @Test
    void aRowNumberAmongTheInputsIsNotedWithTheColumnsThatLeaveItOut() throws Exception {
        String en = messageAfterReading(Locale.ENGLISH, rows(true));
        assertTrue(en.contains("Note: the input column time rises by the same step in every row (a row number or a "
                + "clock)"), en);
        assertTrue(en.endsWith("Leave it out with Input columns: load,temp"), en);
        String zh = messageAfterReading(Locale.SIMPLIFIED_CHINESE, rows(true));
        assertTrue(zh.contains("注意：输入列 time 每行都按同样的步长变化（行号或时钟）"), zh);
        assertTrue(zh.endsWith("可在“输入列”中填 load,temp，把它去掉"), zh);
    }

    /**
     * A file of 300 columns, a row number first: the note names the first twelve other inputs and how many there
     * are (it listed all 299), in English and in Chinese; a short list stays one to type into Input columns.
     */
    @Test
    void theOtherInputsOfAWideFileAreCutShort() throws Exception {
        StringBuilder b = new StringBuilder("time");
        for (int c = 1; c < 300; c++) {
            b.append(c == 299 ? ",load" : ",c" + c);
        }
        for (int r = 0; r < 60; r++) {
            b.append('\n').append(r);
            for (int c = 1; c < 300; c++) {
                b.append(',').append(Math.sin(r * 0.3 + c));
            }
        }
        String en = messageAfterReading(Locale.ENGLISH, b + "\n");
        assertTrue(en.endsWith("Leave it out with Input columns: c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, "
                + "… (299 in all)"), en);
        String zh = messageAfterReading(Locale.SIMPLIFIED_CHINESE, b + "\n");
        assertTrue(zh.endsWith("可在“输入列”中填 c1、c2、c3、c4、c5、c6、c7、c8、c9、c10、c11、c12 等（共 299 个），把它去掉"), zh);
        assertTrue(en.length() < 800 && zh.length() < 800, en.length() + " and " + zh.length() + " characters");
    }

    @Test
    void aTargetOfZerosAndOnesIsNotedWithTheTickBoxForClasses() throws Exception {
        StringBuilder b = new StringBuilder("load,door\n");
        for (int r = 0; r < 80; r++) {
            b.append(Math.sin(r * 0.4)).append(',').append(Math.sin(r * 0.4) > 0.3 ? 1 : 0).append('\n');
        }
        String en = messageAfterReading(Locale.ENGLISH, b.toString(), "door");
        assertTrue(en.endsWith("Note: the target door holds only the whole numbers 0, 1, and it is forecast as a "
                + "number (judged by its MSE); if they name classes, tick Its numbers are classes"), en);
        String zh = messageAfterReading(Locale.SIMPLIFIED_CHINESE, b.toString(), "door");
        assertTrue(zh.endsWith("注意：目标列 door 只有整数 0, 1，现在按数值来预测（用均方误差评判）；如果这些数字代表类别，"
                + "请勾选“其中的数字是类别”"), zh);
    }

    /** A file of semicolons and decimal commas, as a German spreadsheet saves one, is read so, and told once. */
    @Test
    void numbersWrittenWithADecimalCommaAreNoted() throws Exception {
        String german = rows(false).replace(',', ';').replace('.', ',');
        String en = messageAfterReading(Locale.ENGLISH, german);
        assertTrue(en.endsWith("Note: numbers written with a decimal comma (1,5 = 1.5) were read as decimal numbers"),
                en);
        String zh = messageAfterReading(Locale.SIMPLIFIED_CHINESE, german);
        assertTrue(zh.endsWith("注意：文件中的数字用小数逗号书写（1,5 = 1.5），已按小数读取"), zh);
    }

    @Test
    void aFileWithoutOneHasNoNote() throws Exception {
        String en = messageAfterReading(Locale.ENGLISH, rows(false));
        assertFalse(en.contains("Note:"), en);
        assertFalse(en.contains("row number"), en);
    }

    /**
     * Start pressed on a file with a clock among its inputs: the message keeps the note, in brief, while the model
     * trains and after it ends (it was cleared, and the student no longer saw why the column should go), in English
     * and in Chinese, with another window too. Once the student leaves the column out with Input columns, the run reads
     * the file with them and no note is kept: what it said no longer holds.
     */
    @Test
    void theNoteStaysWhileTheModelTrainsUntilTheColumnIsLeftOut() throws Exception {
        Path file = dir.resolve("series.csv");
        Files.writeString(file, rows(true));
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            FakeFx fx = new FakeFx();
            TrainingViewModel vm = new TrainingViewModel(I18n.bundle(locale), fx);
            vm.form().target.set("load");
            vm.form().steps.set(4);
            vm.form().epochsProperty().set(2);
            vm.chooseDataFile(file);
            fx.until(vm, () -> vm.form().taskProperty().get().name().equals("csv"));
            vm.form().steps.set(6);   // another window: the column still rises by the same step in every row
            vm.start();
            fx.until(vm, () -> vm.stateProperty().get() == RunState.RUNNING || vm.stateProperty().get().isOver());
            String during = vm.messageProperty().get();
            if (locale == Locale.ENGLISH) {
                assertEquals("Note on series.csv: the input column time is a row number or a clock, from which the "
                        + "model learns only where a window lies in the file", during);
            } else {
                assertEquals("关于 series.csv，注意：输入列 time 是行号或时钟，它只能让模型学到窗口在文件中的位置", during);
            }
            fx.until(vm, () -> vm.stateProperty().get().isOver());
            assertEquals(RunState.FINISHED, vm.stateProperty().get());
            assertEquals(during, vm.messageProperty().get(), "the note is still there once the run ended");
            assertFalse(vm.messageIsErrorProperty().get(), "said as news, not as a problem");

            vm.form().columns.set("load,temp");
            vm.start();
            fx.until(vm, () -> vm.stateProperty().get() == RunState.RUNNING || vm.stateProperty().get().isOver());
            assertEquals("", vm.messageProperty().get(), "the column left out: no note");
            vm.stop();
            fx.until(vm, () -> vm.stateProperty().get().isOver());
        }
    }

    /**
     * A price in the thousands: the note says that the app standardises it, and why code of the student's own that
     * feeds it as it is learns nothing; numbers near 1 need no such note.
     */
    @Test
    void numbersInTheThousandsAreNotedWithWhyToStandardiseThem() throws Exception {
        StringBuilder b = new StringBuilder("日期,收盘价\n");
        for (int r = 0; r < 60; r++) {
            b.append("2024/1/").append(r + 1).append(',').append(3000 + 100 * Math.sin(r * 0.3)).append('\n');
        }
        String en = messageAfterReading(Locale.ENGLISH, b.toString(), "");
        assertTrue(en.contains("Note: each column is standardised before training (mean 0, sd 1): 收盘价 has mean "
                + "3,013 and sd 69.15. Fed as they are, numbers this large push an LSTM's gates to their limits and "
                + "its loss stands still"), en);
        String zh = messageAfterReading(Locale.SIMPLIFIED_CHINESE, b.toString(), "");
        assertTrue(zh.contains("注意：训练前每一列都会标准化（均值 0，标准差 1）：收盘价的均值为 3,013，标准差为 69.15。"), zh);
        assertFalse(messageAfterReading(Locale.ENGLISH, rows(false)).contains("standardised"));
    }
}
