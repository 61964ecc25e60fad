package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.io.ModelFile;

class TrainDataOptionTest {
    @TempDir Path dir;

    @Test
    void trainsOnACsvSeriesAndSavesTheModel() throws Exception {
        Path csv = Path.of("src/test/resources/data/good/series.csv");
        Path model = dir.resolve("s.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--columns", "load,temp",
                "--target", "temp", "--seq-len", "6", "--epochs", "2", "--hidden", "4", "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        String json = r.out().strip().lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(json.contains("\"task\": \"csv\""), json);
        assertEquals(2, ModelFile.load(model).model().spec().inputSize());
    }

    /**
     * A CSV series trained with --task charlm is a regression trained as something else: the model learns the
     * file's characters, not its numbers, and the command line says so before training (it may be meant).
     */
    @Test
    void aTableTrainedAsTextIsNoted() {
        String csv = "src/test/resources/data/good/series.csv";
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv, "--task", "charlm", "--seq-len", "8",
                "--epochs", "1", "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("note: series.csv is a table, and --task charlm reads it as text: the model "
                + "learns to predict its characters"), r.out());
        r = CliTestSupport.run("train", "--data", csv, "--seq-len", "6", "--epochs", "1", "--hidden", "4");
        assertFalse(r.out().contains("reads it as text"), "a CSV series forecast as numbers is no text: " + r.out());
    }

    /**
     * A target of 0s and 1s is a number to forecast unless --target-kind says otherwise (the rule), and then judged by
     * an MSE: train and compare say that it may hold classes; a count that never repeats a value, or a kind given,
     * is not noted.
     */
    @Test
    void aTargetOfAFewWholeNumbersIsNotedAsPerhapsClasses() throws Exception {
        Path csv = table("alarm.csv", "a,alarm", 60, i -> Math.sin(i) + "," + (i % 7 == 0 ? 1 : 0));
        String note = "note: alarm.csv: the target holds only the whole numbers 0, 1, and it is forecast as a number "
                + "(judged by its MSE); if they name classes, add --target-kind class";
        notedByTrainAndCompare(csv, note);
        CliTestSupport.Result r;
        for (String kind : List.of("value", "class")) {
            r = CliTestSupport.run("train", "--data", csv.toString(), "--seq-len", "4", "--epochs", "1", "--hidden",
                    "4", "--target-kind", kind);
            assertEquals(0, r.exitCode(), r.err());
            assertFalse(r.out().contains("note:"), kind + ": " + r.out());
        }
        Path ramp = table("ramp.csv", "x,y", 12, i -> i + "," + 2 * i);
        r = CliTestSupport.run("train", "--data", ramp.toString(), "--seq-len", "3", "--epochs", "1", "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("whole numbers"), "whole numbers that never repeat are no labels: " + r.out());
    }

    /**
     * A row number among the default inputs tells the model where a window lies, and validation rows lie beyond every
     * value it trained on: train and compare name it and the --columns to give instead; not with --columns given.
     */
    @Test
    void aRowNumberAmongTheInputsIsNotedWithTheColumnsToGive() throws Exception {
        Path csv = table("shop.csv", "row,temp,sales", 60, i -> i + "," + Math.sin(i / 3.0) + "," + (100 + 10
                * Math.cos(i / 3.0)));
        String note = "note: shop.csv: the input column row rises by the same step in every row (a row number or a "
                + "clock): it tells the model only where a window lies in the file, and the validation rows lie beyond "
                + "every value it trained on; to leave it out, add --columns temp,sales";
        notedByTrainAndCompare(csv, note);
        CliTestSupport.Result r;
        r = CliTestSupport.run("train", "--data", csv.toString(), "--columns", "temp,sales", "--seq-len", "4",
                "--epochs", "1", "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("rises by the same step"), r.out());
    }

    /**
     * A file of 300 columns, a row number first: the task's line and the note list the first twelve columns and
     * how many there are, not all 300 (a line of 2,000 characters before).
     */
    @Test
    void theColumnsOfAWideFileAreListedCutShort() throws Exception {
        String header = "row," + java.util.stream.IntStream.range(1, 300).mapToObj(c -> "c" + c)
                .collect(java.util.stream.Collectors.joining(","));
        Path csv = table("wide.csv", header, 30, i -> i + java.util.stream.IntStream.range(1, 300)
                .mapToObj(c -> "," + Math.sin(i * 0.3 + c)).collect(java.util.stream.Collectors.joining()));
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--seq-len", "4", "--epochs",
                "1", "--hidden", "2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("csv: Forecast c299 of wide.csv from windows of row, c1, c2, c3, c4, c5, c6, c7, "
                + "c8, c9, c10, c11, … (300 in all)\n"), r.out());
        assertTrue(r.out().contains("; to leave it out, give --columns the other inputs: c1, c2, c3, c4, c5, c6, c7, "
                + "c8, c9, c10, c11, c12, … (299 in all)\n"), r.out());
        assertTrue(r.out().lines().allMatch(l -> l.length() < 600 || l.startsWith("{")), r.out());
    }

    /**
     * A file as a German spreadsheet saves it (semicolons, decimal commas) trains, compares, predicts and is traced
     * with a note that says how its numbers were read; one that mixes decimal points in is refused at the line and
     * field.
     */
    @Test
    void aFileOfDecimalCommasIsReadWithANote() throws Exception {
        Path csv = table("wetter.csv", "Zeit;Temperatur;Last", 60, i -> String.format(java.util.Locale.GERMANY,
                "%d;%.3f;%.4f", i % 24, 20 + 3 * Math.sin(i / 4.0), Math.cos(i / 3.0)));
        String note = "note: wetter.csv: numbers written with a decimal comma (1,5 = 1.5) were read as decimal "
                + "numbers (its fields are separated by ; or a tab)";
        notedByTrainAndCompare(csv, note);
        Path model = dir.resolve("m.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--seq-len", "4", "--epochs",
                "1", "--hidden", "4", "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path out = dir.resolve("forecast.csv");
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", csv.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(1 + 60 - 4 + 1, Files.readAllLines(out).size(), "a forecast for every window");
        assertTrue(r.err().contains("lstm-lab: " + note), r.err());
        r = CliTestSupport.run("trace", "--model", model.toString(), "--input", csv.toString(), "--out",
                dir.resolve("trace.csv").toString(), "--limit", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("lstm-lab: " + note), r.err());
        Path mixed = dir.resolve("gemischt.csv");
        Files.writeString(mixed, Files.readString(csv).replaceFirst(";21,", ";21."));
        r = CliTestSupport.run("train", "--data", mixed.toString(), "--seq-len", "4", "--epochs", "1");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().matches("(?s)lstm-lab: .*gemischt\\.csv: line \\d+: field 2 \\(Temperatur\\): "
                + "'21\\.\\d+' has a point that may separate thousands \\(21\\d+\\) or be a decimal point, and this "
                + "file writes its numbers with a decimal comma .*: write 21\\d+ or 21,\\d+.*"), r.err());
    }

    /** A CSV file {@code name} in the test's folder: the header, then {@code rows} rows, row i as {@code row} says. */
    private Path table(String name, String header, int rows, java.util.function.IntFunction<String> row)
            throws java.io.IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, header + "\n" + java.util.stream.IntStream.range(0, rows).mapToObj(row)
                .collect(java.util.stream.Collectors.joining("\n")) + "\n");
        return f;
    }

    /** {@code train} prints {@code note} on its output, {@code compare} on stderr (its output is JSON lines). */
    private static void notedByTrainAndCompare(Path csv, String note) {
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--seq-len", "4", "--epochs",
                "1", "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(note), r.out());
        r = CliTestSupport.run("compare", "--data", csv.toString(), "--seq-len", "4", "--epochs", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("lstm-lab: " + note), r.err());
    }

    @Test
    void trainsACharacterModelOnAUserTextFile() throws Exception {
        Path txt = dir.resolve("poem.txt");
        Files.write(txt, "春眠不觉晓，处处闻啼鸟。夜来风雨声，花落知多少。\n".repeat(30).getBytes("GBK"));
        Path model = dir.resolve("c.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", txt.toString(), "--seq-len", "8",
                "--epochs", "1", "--hidden", "8", "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("\"task\": \"charlm\""), r.out());
        List<String> vocabulary = ModelFile.load(model).vocabulary();
        assertTrue(vocabulary.contains("春") && vocabulary.contains("\n"), vocabulary.toString());
    }

    @Test
    void aBadFileIsOneLineWithItsPlaceAndNothingIsSaved() {
        Path bad = Path.of("src/test/resources/data/bad/ragged-more.csv");
        Path model = dir.resolve("never.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", bad.toString(), "--save", model.toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("ragged-more.csv: line 3: expected 3 fields, saw 4"), r.err());
        assertFalse(Files.exists(model));
        r = CliTestSupport.run("train", "--data", bad.toString(), "--task", "adding");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("makes its own data"), r.err());
        r = CliTestSupport.run("train", "--data", bad.toString(), "--encoding", "klingon");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("klingon"), r.err());
    }

    @Test
    void everyProblemOfABadFileIsListedUpToTheCapThenCounted() throws Exception {
        StringBuilder sb = new StringBuilder("a,b\n");
        for (int i = 0; i < 30; i++) {
            sb.append(i).append(",x").append(i).append('\n');
        }
        sb.append("30,1\n");   // one number: the column is not one of text, refused once
        Path bad = dir.resolve("many.csv");
        Files.writeString(bad, sb.toString());
        Path model = dir.resolve("never.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", bad.toString(), "--columns", "a,b",
                "--target", "b", "--save", model.toString());
        assertEquals(2, r.exitCode(), r.out() + r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(11, lines.size(), "ten problems, then a count: " + r.err());
        for (int i = 0; i < 10; i++) {
            assertTrue(lines.get(i).startsWith("lstm-lab: " + bad + ": line " + (i + 2) + ": "),
                    lines.get(i));
            assertTrue(lines.get(i).contains("'x" + i + "' is not a number"), lines.get(i));
        }
        assertEquals("lstm-lab: " + bad + ": 20 more problems not listed", lines.get(10));
        assertFalse(Files.exists(model));
    }

    /**
     * A student's sales with a date column first: the date is left out of the inputs (before, every row was refused
     * for it, even with --columns), the errors are also said in the target's units, and a date column chosen is one
     * line naming the file, the line, the column and what to do, with exit code 2.
     */
    @Test
    void aDateColumnIsLeftOutAndTheErrorIsSaidInTheTargetsUnits() throws Exception {
        StringBuilder sb = new StringBuilder("date,visitors,sales\n");
        for (int d = 0; d < 60; d++) {
            sb.append(String.format("2024-%02d-%02d,%d,%d%n", d / 28 + 1, d % 28 + 1, 1000 + 37 * (d % 7),
                    5000 + 400 * (d % 5)));
        }
        Path csv = dir.resolve("sales.csv");
        Files.writeString(csv, sb.toString());
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--seq-len", "6",
                "--epochs", "1", "--hidden", "4");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("csv: Forecast sales of sales.csv from windows of visitors, sales"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("(not )?solved: .* \\(val_mse [0-9.]+; needs < .*")),
                "the last verdict says what the model got: " + r.out());
        // sales in a cycle of five days, which jumps back each fifth: the training mean is the better naive forecast
        assertTrue(r.out().lines().anyMatch(l -> l.matches("in the units of sales: RMSE [0-9.,]+, always the training "
                + "mean [0-9.,]+ \\(the MSEs above are of standardised values\\)")), r.out());
        r = CliTestSupport.run("train", "--data", csv.toString(), "--columns", "date,sales");
        assertEquals(2, r.exitCode(), r.out());
        assertEquals("lstm-lab: " + csv + ": line 2: column 1 (date) holds text, not numbers ('2024-01-01'): leave it "
                + "out of the input columns; the columns of numbers are visitors, sales", r.err().strip());
    }
}
