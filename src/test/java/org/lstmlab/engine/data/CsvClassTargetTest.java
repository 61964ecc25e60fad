package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.text.Message;

/**
 * A CSV target of class labels: text is read as labels, numbers only when the user says so; each window is named by
 * its last row's label, the label column is never an input, and a target no classifier can learn from is refused
 * naming the file, the line, the column and why.
 */
class CsvClassTargetTest {
    @TempDir Path dir;

    private Path file(String name, String header, int rows, IntFunction<String> row) throws IOException {
        return TextColumnsTest.file(dir, name, header, rows, row);
    }

    private static CsvSeries.Options options(List<String> inputs, List<String> targets, TargetKind kind) {
        return new CsvSeries.Options(inputs, targets, 4, 1, 0.2, null, kind);
    }

    private static String zh(DataFileException e) {
        return zh(e.problems().get(0).why());
    }

    private static String zh(Message m) {
        return m.in(java.util.ResourceBundle.getBundle(Message.BUNDLE, Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aTargetOfTextIsClassifiedByTheLabelOfEachWindowsLastRow() throws IOException {
        String text = ClassRows.csv(200, 7);
        Path f = dir.resolve("activity.csv");
        Files.writeString(f, text);
        CsvSeries.Loaded s = CsvSeries.load(f, options(List.of(), List.of("activity"), TargetKind.AUTO));
        assertEquals(List.of("running", "sitting", "walking"), s.classes(), "sorted");
        assertEquals(List.of("a", "b"), s.inputColumns(), "neither the time nor the labels are inputs");
        assertEquals(List.of("activity"), s.targetColumns());
        assertEquals(Loss.SOFTMAX_CROSS_ENTROPY, s.dataset().loss());
        assertEquals(3, s.dataset().outputSize());
        assertEquals(0, s.mean().length, "a label has no mean");
        List<String> lines = text.lines().skip(1).toList();
        List<Sample> all = new java.util.ArrayList<>(s.dataset().train());
        all.addAll(s.dataset().validation());
        assertEquals(200 - 4 + 1, all.size(), "every window of 4 rows: no row ahead is needed");
        assertEquals(158, s.dataset().train().size(), "197 windows, the last 20 % (39) for validation");
        for (int w = 0; w < all.size(); w++) {
            String[] last = lines.get(w + 3).split(",");
            assertEquals(last[3], s.classes().get(all.get(w).classes()[0]), "window " + w);
            assertEquals((Double.parseDouble(last[1]) - s.inputMean()[0]) / s.inputStd()[0],
                    all.get(w).x()[3 * 2], 1e-12, "the window ends with its labelled row");
        }
    }

    @Test
    void numbersAreValuesUnlessTheUserSaysTheyAreClasses() throws IOException {
        Path f = file("door.csv", "temp,open", 60, r -> (20 + r % 7) + "," + (r % 3 == 0 ? "1.0" : "0"));
        CsvSeries.Loaded value = CsvSeries.load(f, options(List.of(), List.of("open"), TargetKind.AUTO));
        assertFalse(value.classifies(), "0/1 is forecast as a number by default");
        assertEquals(List.of("temp", "open"), value.inputColumns());
        CsvSeries.Loaded c = CsvSeries.load(f, options(List.of(), List.of("open"), TargetKind.CLASS));
        assertEquals(List.of("0", "1"), c.classes(), "1.0 and 1 are one label");
        assertEquals(List.of("temp"), c.inputColumns(), "the labels are left out of the default inputs");
        assertEquals(1, c.dataset().inputSize());
        CsvSeries.Loaded last = CsvSeries.load(f, options(List.of(), List.of(), TargetKind.CLASS));
        assertEquals(List.of("open"), last.targetColumns(), "without --target, the last column of numbers");
        assertEquals(List.of("temp"), last.inputColumns());
    }

    @Test
    void numericLabelsSortAsNumbers() throws IOException {
        Path f = file("levels.csv", "x,level", 80, r -> r % 5 + "," + (r % 3 == 0 ? 10 : r % 3 == 1 ? 2 : 9));
        assertEquals(List.of("2", "9", "10"),
                CsvSeries.load(f, options(List.of(), List.of("level"), TargetKind.CLASS)).classes());
    }

    @Test
    void aTextTargetForecastAsAValueIsRefused() throws IOException {
        Path f = file("labels.csv", "temp,label", 30, r -> (20 + r % 4) + "," + (r % 4 > 1 ? "hot" : "cold"));
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of(), List.of("label"), TargetKind.VALUE)));
        assertTrue(e.getMessage().startsWith(f + ": line 2: column 2 (label) holds text, not numbers ('cold'): a "
                + "forecast is a number; to name each window's class instead"), e.getMessage());
    }

    @Test
    void oneClassIsRefused() throws IOException {
        Path f = file("still.csv", "x,state", 40, r -> r + ",sitting");
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of(), List.of("state"), TargetKind.AUTO)));
        assertEquals(f + ": column 2 (state) holds one class only ('sitting') in the rows that end a "
                + "window: a classifier needs at least two classes to tell apart", e.getMessage());
        assertEquals("第 2 列（state）在作为窗口最后一行的那些行里只有一个类别（“sitting”）：分类器至少需要两个类别才能区分",
                zh(e));
    }

    @Test
    void moreThanAHundredClassesAreRefusedAtTheFirstRowBeyond() throws IOException {
        Path f = file("ids.csv", "x,id", 150, r -> r + ",user" + r);
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of(), List.of("id"), TargetKind.AUTO)));
        assertEquals(f + ": line 102, column 2: column 2 (id) holds more than 100 different labels ('user0', "
                + "'user1', 'user2', …): too many classes; is it a measurement or a name for each row? Choose "
                + "another target", e.getMessage());
        assertTrue(zh(e).startsWith("第 2 列（id）有超过 100 个不同的标签"), zh(e));
    }

    @Test
    void aClassOnlyInTheValidationPartIsRefusedAtItsFirstLine() throws IOException {
        // 100 rows, windows of 4: 97 windows, the last 19 for validation; "falling" is only in the last 10 rows
        Path f = file("fall.csv", "x,state", 100,
                r -> r % 7 + "," + (r >= 90 ? "falling" : r % 2 == 0 ? "up" : "down"));
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of(), List.of("state"), TargetKind.AUTO)));
        assertEquals(f + ": line 92, column 2: class 'falling' of column 2 (state) first ends a window here, in the "
                + "validation part (the last 19 of 97 windows): training never shows it, so the model cannot learn "
                + "it; put rows of it earlier in the file, or leave them out", e.getMessage());
        assertTrue(zh(e).startsWith("第 2 列（state）的类别“falling”在这里第一次作为窗口的最后一行出现"), zh(e));
    }

    @Test
    void theLabelsCannotBeAnInputNorBeMissingNorLookAhead() throws IOException {
        Path f = file("door.csv", "temp,open", 60, r -> (20 + r % 7) + "," + r % 2);
        DataFileException in = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of("temp", "open"), List.of("open"), TargetKind.CLASS)));
        assertEquals(f + ": column 2 (open) holds the class labels and cannot also be an input: the model would "
                + "read the answer; leave it out of the input columns", in.getMessage());
        Path gap = file("gap.csv", "temp,state", 30, r -> r + "," + (r == 12 ? "NA" : r % 2 == 0 ? "on" : "off"));
        for (TargetKind kind : List.of(TargetKind.AUTO, TargetKind.CLASS)) {   // a gap does not make it numbers
            DataFileException missing = assertThrows(DataFileException.class,
                    () -> CsvSeries.load(gap, options(List.of(), List.of("state"), kind)));
            assertEquals(gap + ": line 14, column 2: column 2 (state) holds the class labels, and this row has none: "
                    + "every row needs one (a window is named by its last row's label)", missing.getMessage());
        }
        DataFileException few = assertThrows(DataFileException.class, () -> CsvSeries.load(f,
                new CsvSeries.Options(List.of(), List.of("open"), 60, 1, 0.2, null, TargetKind.CLASS)));
        assertEquals(f + ": has 60 data rows: too few for windows of 60 rows named by their last row's label (at "
                + "least 61 are needed)", few.getMessage());
        DataFileException ahead = assertThrows(DataFileException.class, () -> CsvSeries.load(f,
                new CsvSeries.Options(List.of(), List.of("open"), 4, 3, 0.2, null, TargetKind.CLASS)));
        assertEquals(f + ": a class target names each window by its last row's label: the horizon must be 1, got 3",
                ahead.getMessage());
        assertTrue(zh(Message.of("engine.data.classHorizon", "3"))
                .contains("预测步长必须为 1"));
    }
}
