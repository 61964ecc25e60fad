package org.lstmlab.engine.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The committed corpus (src/test/resources/data): good files load exactly, bad files are refused with a place. */
class DataLoadersTest {
    private static final Path CORPUS = Path.of("src/test/resources/data");
    @TempDir Path dir;

    private static CsvSeries.Options options(int window) {
        return new CsvSeries.Options(List.of("2", "3"), List.of("3"), window, 1, 0.25, null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"series.csv", "utf8-bom.csv", "utf16le-bom.csv", "semicolon.csv", "mixed-line-ends.csv",
        "trailing-delimiter.csv", "quoted.csv", "gbk-header.csv", "gb18030-header.csv", "semicolon-decimal-comma.csv",
        "tab-decimal-comma.csv", "semicolon-thousands-decimal-comma.csv"})
    void goodCsvFilesLoadTheSameNumbers(String name) throws IOException {
        Path f = CORPUS.resolve("good").resolve(name);
        CsvTable table = CsvTable.parse(name, TextFiles.read(f).text());
        assertEquals(3, table.headers().size(), table.headers().toString());
        assertEquals(40, table.rows());
        assertFalse(table.headers().get(0).startsWith("\uFEFF"), "the BOM is never part of a header");
        double[] load = table.column(1);
        for (int i = 0; i < 40; i++) {
            assertEquals(Math.round((i % 7) / 7.0 * 1000) / 1000.0, load[i], 1e-12, name + " row " + i);
        }
        CsvSeries.Loaded s = CsvSeries.load(f, options(8));
        assertEquals(name.contains("decimal-comma"), s.forms().decimalComma(), "1,5 is read as 1.5, and said so");
        int windows = 40 - 8 - 1 + 1;
        assertEquals(windows, s.dataset().train().size() + s.dataset().validation().size());
        assertEquals(8, s.dataset().validation().size());
        assertEquals(2, s.dataset().inputSize());
    }

    @Test
    void chineseHeadersAreReadFromGbkAndGb18030() throws IOException {
        TextFiles.Text gbk = TextFiles.read(CORPUS.resolve("good/gbk-header.csv"));
        assertEquals("GB18030", gbk.charset().name());
        assertTrue(gbk.detected());
        assertTrue(gbk.text().startsWith("时间,负荷,温度\n"), gbk.text().substring(0, 10));
        TextFiles.Text chosen = TextFiles.read(CORPUS.resolve("good/gbk-header.csv"),
                java.nio.charset.Charset.forName("GBK"));
        assertEquals(gbk.text(), chosen.text());
        assertFalse(chosen.detected());
        TextFiles.Text gb18030 = TextFiles.read(CORPUS.resolve("good/gb18030-header.csv"));
        assertTrue(gb18030.text().startsWith("时间,负荷,温度𠀀"), "a 4-byte GB18030 character survives");
        assertTrue(java.nio.charset.Charset.isSupported("GB18030") && java.nio.charset.Charset.isSupported("GBK"));
    }

    @Test
    void windowsHoldStandardisedRowsAndTheTargetAfterTheHorizon() throws IOException {
        CsvSeries.Loaded s = CsvSeries.load(CORPUS.resolve("good/series.csv"),
                new CsvSeries.Options(List.of("load"), List.of("temp"), 5, 2, 0.2, null));
        assertEquals(List.of("load"), s.inputColumns());
        assertEquals(List.of("temp"), s.targetColumns());
        Sample first = s.dataset().train().get(0);
        assertEquals(5, first.steps());
        CsvTable t = CsvTable.parse("s", TextFiles.read(CORPUS.resolve("good/series.csv")).text());
        double temp = t.column(2)[5 - 1 + 2];
        assertEquals(temp, first.target()[0] * s.std()[0] + s.mean()[0], 1e-12, "target is temp at row 4 + 2");
        double mean = 0;
        int n = 0;
        for (Sample x : s.dataset().train()) {
            mean += x.x()[0];
            n++;
        }
        assertEquals(0, mean / n, 0.3, "inputs are standardised");
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
            Arguments.of("empty.csv", 0, 0, "is empty"),
            Arguments.of("header-only.csv", 1, 0, "no data rows"),
            Arguments.of("invalid-utf8.csv", 3, 3, "not valid UTF-8"),
            Arguments.of("ragged-more.csv", 3, 0, "expected 3 fields, saw 4"),
            Arguments.of("ragged-less.csv", 3, 0, "expected 3 fields, saw 2"),
            Arguments.of("embedded-newline.csv", 3, 0, "is not a number"),
            Arguments.of("unmatched-quote.csv", 2, 0, "line 2: field 2: the quote opened here is never closed"),
            Arguments.of("nan-cell.csv", 3, 0, "line 3: field 2 (load): missing value ('NaN')"),
            Arguments.of("inf-cell.csv", 3, 0, "infinite values"),
            Arguments.of("empty-cell.csv", 3, 0, "field 2 (load): missing value"),
            Arguments.of("overflow.csv", 3, 0, "too large"),
            Arguments.of("decimal-comma.csv", 2, 0, "line 2: field 2 (load): '2,5' is not a number (decimal comma? "
                + "use a point)"),
            Arguments.of("mixed-decimal-marks.csv", 3, 0, "line 3: field 2 (load): '5.5' has a decimal point, but this "
                + "file writes its numbers with a decimal comma ('2,5' on line 2): write every number the same way"),
            Arguments.of("thousands-decimal-comma.csv", 2, 0, "line 2: field 2 (load): '1.234' has a point that may "
                + "separate thousands (1234) or be a decimal point, and this file writes its numbers with a decimal "
                + "comma ('5,5' on line 3): write 1234 or 1,234"),
            Arguments.of("thousands.csv", 2, 0, "line 2: field 2 (load): '1,234' is not a number (a thousands "
                + "separator? remove it; a decimal comma? use a point)"),
            Arguments.of("java-literals.csv", 2, 0, "line 2: field 2 (load): '1d' is not a number"),
            Arguments.of("duplicate-header.csv", 1, 0, "line 1: column name 'load' appears twice (columns 2 and 3)"),
            Arguments.of("empty-header-name.csv", 1, 0, "line 1: column 2 has no name in the header"),
            Arguments.of("all-nan-column.csv", 2, 0, "missing value"),
            Arguments.of("constant-column.csv", 0, 2, "is constant"),
            Arguments.of("quote-in-field.csv", 2, 0, "line 2: field 2: a quote inside an unquoted field"),
            Arguments.of("text-empty.txt", 0, 0, "is empty"),
            Arguments.of("text-latin1.txt", 1, 4, "not GB18030 either"));
    }

    @ParameterizedTest
    @MethodSource("badFiles")
    void badFilesAreRefusedWithLineColumnAndReason(String name, int line, int column, String reason) {
        Path f = CORPUS.resolve("bad").resolve(name);
        DataFileException e = assertThrows(DataFileException.class, () -> {
            if (name.endsWith(".txt")) {
                TextFiles.read(f);
            } else {
                CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of("temp"), 4, 1, 0.2, null));
            }
        });
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().startsWith(f.toString()), "names the file: " + e.getMessage());
    }

    @Test
    void manyProblemsAreCountedNotAllListed() throws IOException {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i).append(",x\n");
        }
        DataFileException e = assertThrows(DataFileException.class, () -> CsvTable.parse("many.csv", sb.toString()));
        assertEquals(10, e.problems().size());
        assertEquals(20, e.more());
        assertTrue(e.getMessage().contains("(and 29 more problems)"), e.getMessage());
    }

    @Test
    void textFilesKeepSurrogatePairsAndDropTheBom() throws IOException {
        TextFiles.Text utf8 = TextFiles.read(CORPUS.resolve("good/text-utf8.txt"));
        assertTrue(utf8.text().contains("😀"));
        assertEquals(utf8.text().length() - 1, utf8.codePoints(), "the emoji is one code point, two chars");
        TextFiles.Text be = TextFiles.read(CORPUS.resolve("good/text-utf16be-bom.txt"));
        assertEquals("UTF-16BE", be.charset().name());
        assertTrue(be.hadBom());
        assertTrue(be.text().startsWith("Hello"));
        TextFiles.Text gbk = TextFiles.read(CORPUS.resolve("good/text-gbk.txt"));
        assertTrue(gbk.text().startsWith("春眠不觉晓"));
        assertFalse(gbk.text().contains("\uFFFD"));
    }

    @Test
    void aFileChosenInTheWrongEncodingIsAnErrorNotReplacementCharacters() {
        DataFileException e = assertThrows(DataFileException.class,
                () -> TextFiles.read(CORPUS.resolve("good/text-gbk.txt"), StandardCharsets.UTF_8));
        assertEquals(1, e.line());
        assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
    }

    @Test
    void tooFewRowsForTheWindowIsExplained() throws IOException {
        Path f = dir.resolve("short.csv");
        Files.writeString(f, "a,b\n1,2\n3,4\n5,7\n");
        DataFileException e = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of(), 3, 1, 0.2, null)));
        assertTrue(e.getMessage().contains("too few for windows of 3"), e.getMessage());
        assertThrows(DataFileException.class, () -> CsvSeries.load(f,
                new CsvSeries.Options(List.of("nope"), List.of(), 1, 1, 0.2, null)));
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> CsvSeries.load(dir.resolve("missing.csv"), CsvSeries.Options.defaults()));
    }

    @Test
    void aConstantColumnIsNamedByNumberAndNameWithWhatToDo() throws IOException {
        Path f = dir.resolve("shop.csv");
        StringBuilder sb = new StringBuilder("date,temp,const,sales\n");
        for (int r = 0; r < 60; r++) {
            sb.append("2024-01-").append(r % 28 + 1).append(',').append(20 + r % 7).append(",1.0,")
                    .append(1000 + 37 * (r % 5)).append('\n');
        }
        Files.writeString(f, sb);
        DataFileException input = assertThrows(DataFileException.class,
                () -> CsvSeries.load(f, new CsvSeries.Options(List.of(), List.of("sales"), 4, 1, 0.2, null)));
        assertEquals("column 3 (const) is constant in the training rows (1.0): it cannot be standardised, and it "
                + "tells the model nothing; leave it out of the input columns", input.reason());
        assertEquals(3, input.column());
        DataFileException target = assertThrows(DataFileException.class, () -> CsvSeries.load(f,
                new CsvSeries.Options(List.of("temp"), List.of("const"), 4, 1, 0.2, null)));
        assertTrue(target.reason().startsWith("column 3 (const), the target, is constant")
                && target.reason().endsWith("choose another target column"), target.reason());
    }

    /**
     * "1,000" alone may be a thousand or one with a decimal comma; in a comma-separated file that also writes
     * "1,020.5" (a thousands separator and a decimal point, which can be nothing else), it is a thousand.
     */
    @Test
    void aCommaBeforeThreeDigitsIsAThousandInAFileThatGroupsItsThousands() throws IOException {
        Path f = dir.resolve("prices.csv");
        Files.writeString(f, "date,\"price, usd\",volume\n2024-01-02,\"1,000\",7\n2024-01-03,\"1,020.5\",8\n");
        CsvTable t = CsvTable.read("prices.csv", Files.readString(f));
        t.requireNumbers(List.of(1, 2));
        assertArrayEquals(new double[] {1000, 1020.5}, t.column(1));
        assertTrue(t.forms().thousands());
    }

    @Test
    void aNumberRoundTripsExactly() throws IOException {
        double[] values = {0.1, -2.5e-8, 12345.678901234567, 3e300, -0.0};
        StringBuilder sb = new StringBuilder("x\n");
        for (double v : values) {
            sb.append(v).append('\n');
        }
        CsvTable t = CsvTable.parse("r.csv", sb.toString().replace("E", "e"));
        assertArrayEquals(values, t.column(0));
    }
}
