package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.testing.EngineBundles;

/**
 * The CSV files students have: a date column first, a label in words, a missing value in a column they do not need.
 * Only the columns used must hold numbers; a column of text is left out of the default inputs, and chosen, is
 * refused once with what to do.
 */
class TextColumnsTest {
    @TempDir Path dir;

    private Path file(String name, String header, int rows, java.util.function.IntFunction<String> row)
            throws IOException {
        return file(dir, name, header, rows, row);
    }

    /** {@code dir/name}: the header, then {@code rows} rows. */
    static Path file(Path dir, String name, String header, int rows, java.util.function.IntFunction<String> row)
            throws IOException {
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int r = 0; r < rows; r++) {
            sb.append(row.apply(r)).append('\n');
        }
        Path f = dir.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    private static CsvSeries.Options options(List<String> inputs, List<String> targets) {
        return new CsvSeries.Options(inputs, targets, 4, 1, 0.2, null);
    }

    private Path sales() throws IOException {
        return file("sales.csv", "date,visitors,sales", 40,
                r -> String.format("2024-01-%02d,%d,%d", r % 28 + 1, 1000 + 37 * (r % 7), 5000 + 211 * (r % 5)));
    }

    @Test
    void aDateColumnIsLeftOutOfTheDefaultInputs() throws IOException {
        CsvSeries.Loaded s = CsvSeries.load(sales(), options(List.of(), List.of()));
        assertEquals(List.of("visitors", "sales"), s.inputColumns());
        assertEquals(List.of("sales"), s.targetColumns());
        assertEquals(2, s.dataset().inputSize());
    }

    @Test
    void aDateColumnChosenIsRefusedOnceWithTheColumnsOfNumbers() throws IOException {
        Path f = sales();
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of("date", "sales"), List.of())));
        assertEquals(1, e.problems().size());
        assertEquals(0, e.more());
        assertEquals(f + ": line 2: column 1 (date) holds text, not numbers ('2024-01-01'): leave it out of the input "
                + "columns; the columns of numbers are visitors, sales", e.getMessage());
        assertEquals("第 2 行：第 1 列（date）是文字，不是数字（“2024-01-01”）：请把它从输入列中去掉；数字列有：visitors、sales",
                e.problems().get(0).message().in(EngineBundles.ZH), "a Chinese list is joined with 、");
    }

    @Test
    void aTargetInWordsIsReadAsClassLabelsAndAmongSeveralTargetsRefused() throws IOException {
        Path f = file("labels.csv", "temp,label", 30, r -> (20 + r % 4) + "," + (r % 4 > 1 ? "hot" : "cold"));
        assertEquals(List.of("cold", "hot"), CsvSeries.load(f, options(List.of("temp"), List.of("label"))).classes());
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of("temp"), List.of("temp", "label"))));
        assertTrue(e.getMessage().startsWith(f + ": line 2: column 2 (label) holds text, not numbers ('cold'): "
                + "a forecast is a number"), e.getMessage());
        // by default the words are left out, and the last column of numbers is the target
        assertEquals(List.of("temp"), CsvSeries.load(f, options(List.of(), List.of())).targetColumns());
    }

    @Test
    void aMissingValueMattersOnlyInAColumnThatIsUsed() throws IOException {
        Path f = file("sensor.csv", "temp,humidity,pressure", 30,
                r -> (20 + r % 3) + "," + (r == 5 ? "" : Integer.toString(50 + r % 4)) + "," + (1000 + r % 5));
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of(), List.of())));
        assertEquals(f + ": line 7: field 2 (humidity): missing value: fill it in, or leave the column out of the "
                + "input columns", e.getMessage());
        CsvSeries.Loaded s = CsvSeries.load(f, options(List.of("temp", "pressure"), List.of()));
        assertEquals(List.of("temp", "pressure"), s.inputColumns());
        assertThrows(DataFileException.class, () -> CsvTable.parse("sensor.csv", Files.readString(f)),
                "parse still wants every value a number");
    }

    /**
     * Leaving the target out of the input columns does not mend a value missing there: the refusal says to fill it
     * in or forecast another column, in both languages, whether or not the target is also an input.
     */
    @Test
    void aMissingValueInTheTargetSaysWhatMendsIt() throws IOException {
        Path f = file("shop.csv", "visitors,sales", 30,
                r -> (300 + r % 7) + "," + (r == 4 ? "" : r == 9 ? "NA" : Integer.toString(5000 + 211 * (r % 5))));
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of(), List.of())));
        assertEquals(f + ": line 6: field 2 (sales): missing value in the target column, which the model "
                + "forecasts: fill it in (with the value of the row before, say), or choose another target column "
                + "(and 1 more problem)", e.getMessage(), "the target among the inputs");
        assertEquals("field 2 (sales): missing value ('NA') in the target column, which the model forecasts: fill it "
                + "in (with the value of the row before, say), or choose another target column",
                e.problems().get(1).why().english());
        assertEquals("第 2 个字段（sales）：目标列（模型要预测的列）缺少数值：请补上（比如填上一行的值），或者另选一个目标列",
                e.problems().get(0).why().in(EngineBundles.ZH));
        assertEquals("第 2 个字段（sales）：目标列（模型要预测的列）缺少数值（“NA”）：请补上（比如填上一行的值），"
                + "或者另选一个目标列", e.problems().get(1).why().in(EngineBundles.ZH));
        e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of("visitors"), List.of("sales"))));
        assertTrue(e.problems().get(0).why().english().endsWith("or choose another target column"),
                "a target that is not an input: " + e.getMessage());
        e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of("sales", "visitors"), List.of("visitors"))));
        assertEquals("field 2 (sales): missing value: fill it in, or leave the column out of the input columns",
                e.problems().get(0).why().english(), "the same column as an input alone");
        assertEquals("第 2 个字段（sales）：缺少数值：请补上，或者把这一列从输入列中去掉",
                e.problems().get(0).why().in(EngineBundles.ZH));
    }

    @Test
    void aNumberWrittenAsAProgramWritesItGetsAHintAndIsNotText() throws IOException {
        Path f = file("java.csv", "a,b", 12, r -> r + "," + (r % 2 == 0 ? "1d" : "0x1p3"));
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of(), List.of())));
        assertTrue(e.getMessage().contains("line 2: field 2 (b): '1d' is not a number (written as in a program? "
                + "write it plainly, as 1 or 8.0)"), e.getMessage());
        assertEquals(12, e.problems().size() + e.more(), "every row's problem is counted, none taken for text");
    }

    @Test
    void aFileOfTextAloneSaysSo() throws IOException {
        Path f = file("words.csv", "name,town", 10, r -> "n" + r + ",t" + r);
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, options(List.of(), List.of())));
        assertEquals(f + ": has no column of numbers (its columns: name, town); a model reads numbers only",
                e.getMessage());
    }
}
