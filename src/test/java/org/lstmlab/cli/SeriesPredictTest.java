package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.CsvSeries;
import org.lstmlab.engine.data.DataFileException;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.interop.Predictor;
import org.lstmlab.engine.interop.SequenceFiles;
import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.SeriesScaling;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.testing.EngineBundles;

/**
 * A model trained on a CSV series saw standardised columns. Saved, it keeps how they were scaled, and
 * {@code predict} on the same kind of file feeds it what it was trained on and gives forecasts in the file's units:
 * what a student does the night before the deadline with {@code train --data} and {@code predict}.
 */
class SeriesPredictTest {
    @TempDir Path dir;

    /** A series far from 0 and 1: temperatures around 1000 in a furnace, the load beside them. */
    private Path furnace() throws Exception {
        return furnace(dir, 80);
    }

    /** {@code rows} rows of load and temperature in {@code dir}/furnace.csv. */
    static Path furnace(Path dir, int rows) throws Exception {
        StringBuilder sb = new StringBuilder("load,temp\n");
        for (int r = 0; r < rows; r++) {
            sb.append(String.format(Locale.ROOT, "%.3f,%.3f%n", 50 + 10 * Math.sin(r / 4.0),
                    1000 + 30 * Math.cos(r / 5.0)));
        }
        Path csv = dir.resolve("furnace.csv");
        Files.writeString(csv, sb.toString());
        return csv;
    }

    @Test
    void predictGivesTheForecastsInTheFilesUnitsFromWhatTheModelWasTrainedOn() throws Exception {
        Path csv = furnace();
        Path model = dir.resolve("furnace.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--seq-len", "6",
                "--epochs", "2", "--hidden", "4", "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path out = dir.resolve("forecast.csv");
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", csv.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.err().contains("trained on a CSV series"), r.err());
        assertTrue(r.err().contains("windows of 6 rows"), "the model's window is the default: " + r.err());

        // what training fed the model: the same windows, standardised with the training part's numbers
        CsvSeries.Loaded loaded = CsvSeries.load(csv, new CsvSeries.Options(List.of(), List.of(), 6, 1, 0.2, null));
        ModelFile.Loaded m = ModelFile.load(model);
        SeriesScaling kept = SeriesScaling.of(model.toString(), m.metadata(), 2, 1).orElseThrow();
        assertArrayEquals(loaded.inputMean(), kept.inputMean(), "bit for bit");
        assertArrayEquals(loaded.inputStd(), kept.inputStd());
        assertArrayEquals(loaded.mean(), kept.targetMean());
        assertArrayEquals(loaded.std(), kept.targetStd());
        assertEquals(List.of("load", "temp"), kept.inputs());
        assertEquals(List.of("temp"), kept.targets());

        List<Sample> windows = new java.util.ArrayList<>(loaded.dataset().train());
        windows.addAll(loaded.dataset().validation());
        double[] x = new double[windows.size() * 6 * 2];
        for (int s = 0; s < windows.size(); s++) {
            System.arraycopy(windows.get(s).x(), 0, x, s * 12, 12);
        }
        SequenceModel net = m.model();
        double[] z = Predictor.predict(net, x, windows.size(), 6).values();
        List<String> lines = Files.readAllLines(out);
        assertEquals("row,temp_predicted", lines.get(0));
        assertEquals(80 - 6 + 1, lines.size() - 1, "every window of the file");
        for (int s = 0; s < windows.size(); s++) {
            String[] f = lines.get(1 + s).split(",");
            assertEquals(Integer.toString(s + 8), f[0], "window " + s + " ends at line s + 7, its forecast is for "
                    + "the line after");
            double got = Double.parseDouble(f[1]);
            assertEquals(z[s] * loaded.std()[0] + loaded.mean()[0], got, "window " + s);
            assertTrue(got > 900 && got < 1100, "a temperature, not a standardised value: " + got);
        }
    }

    /**
     * A forecast of a Chinese-named file with a date first: its header names the target and the date's column, and
     * each row says the row of the file the forecast is for as a spreadsheet numbers it (a blank line counted, as a
     * spreadsheet shows it) with that row's date; the forecast past the file's end has its row and no date.
     */
    @Test
    void aForecastSaysItsTargetAndTheRowAndDateItIsFor() throws Exception {
        StringBuilder sb = new StringBuilder("日期,开盘价,收盘价,成交量\n");
        for (int r = 0; r < 40; r++) {
            sb.append(String.format(Locale.ROOT, "2022/1/%d,%.2f,\"%s\",%d%n", r + 1, 3000 + 20 * Math.sin(r / 3.0),
                    String.format(Locale.ROOT, "%,.2f", 3010 + 20 * Math.sin(r / 3.0)), 120_000 + 37 * r));
            if (r == 19) {
                sb.append('\n');   // line 22 is blank: the rows after it are one line further down
            }
        }
        Path csv = dir.resolve("股价2.csv");
        Files.writeString(csv, sb.toString());
        Path model = dir.resolve("股价.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--target", "收盘价",
                "--seq-len", "5", "--epochs", "1", "--hidden", "3", "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path out = dir.resolve("预测.csv");
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", csv.toString(), "--out",
                out.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals("row,日期,收盘价_predicted", lines.get(0));
        assertEquals(40 - 5 + 1, lines.size() - 1);
        assertTrue(lines.get(1).startsWith("7,2022/1/6,"), "window 1 reads lines 2 to 6: " + lines.get(1));
        assertTrue(lines.get(15).startsWith("21,2022/1/20,"), lines.get(15));
        assertTrue(lines.get(16).startsWith("23,2022/1/21,"), "after the blank line 22: " + lines.get(16));
        assertTrue(lines.get(35).startsWith("42,2022/1/40,"), lines.get(35));
        assertTrue(lines.get(36).startsWith("43,,"), "the forecast beyond the file: " + lines.get(36));
        double last = Double.parseDouble(lines.get(36).split(",")[2]);
        assertTrue(last > 2900 && last < 3100, "in yuan: " + last);
        CliTestSupport.Result help = CliTestSupport.run("predict", "--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("'row', the row of the input file the forecast is "
                + "for as a spreadsheet numbers it"), help.out());
    }

    /** A model trained for one epoch on {@code csv} in windows of 6 rows, saved. */
    private Path trained(Path csv) {
        Path model = dir.resolve("furnace.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--seq-len", "6", "--epochs",
                "1", "--hidden", "4", "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        return model;
    }

    /** Runs predict with {@code model} on {@code input}: refused with exit code 2, nothing written; what it said. */
    private String refused(Path model, Path input) {
        Path out = dir.resolve("never.csv");
        CliTestSupport.Result r = CliTestSupport.run("predict", "--model", model.toString(), "--input",
                input.toString(), "--out", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertFalse(Files.exists(out));
        return r.err();
    }

    /** {@code csv}'s data rows (r from 1, their fields f) written as {@code row} says, under {@code header}. */
    private Path rewritten(Path csv, String name, String header,
                           java.util.function.BiFunction<Integer, String[], String> row) throws Exception {
        List<String> rows = Files.readAllLines(csv);
        StringBuilder sb = new StringBuilder(header).append('\n');
        for (int r = 1; r < rows.size(); r++) {
            sb.append(row.apply(r, rows.get(r).split(","))).append('\n');
        }
        Path out = dir.resolve(name);
        Files.writeString(out, sb.toString());
        return out;
    }

    /**
     * The model's columns are picked by name: a file with them in another order, a date column before them and a
     * column the model never saw gives the forecasts of the file with the training columns alone, bit for bit.
     */
    @Test
    void theTrainingColumnsArePickedByNameAmongOthersInAnyOrder() throws Exception {
        Path csv = furnace();
        Path model = trained(csv);
        Path wider = rewritten(csv, "wider.csv", "date,temp,note,load", (r, f) -> String.format(Locale.ROOT,
                "2024-03-%02d,%s,%s,%s", r % 28 + 1, f[1], r % 3 == 0 ? "" : "ok", f[0]));
        Path plain = dir.resolve("plain.csv");
        Path picked = dir.resolve("picked.csv");
        CliTestSupport.Result r = CliTestSupport.run("predict", "--model", model.toString(), "--input",
                csv.toString(), "--out", plain.toString());
        assertEquals(0, r.exitCode(), r.err());
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", wider.toString(), "--out",
                picked.toString());
        assertEquals(0, r.exitCode(), r.err());
        List<String> got = Files.readAllLines(picked);
        assertEquals("row,date,temp_predicted", got.get(0), "the date, left out, keys the rows");
        assertEquals("8,2024-03-08,", got.get(1).substring(0, got.get(1).lastIndexOf(',') + 1), "window 1's next row");
        assertEquals(Files.readAllLines(plain).subList(1, 80 - 6 + 2),
                got.stream().skip(1).map(l -> l.replaceFirst(",[^,]*,", ",")).toList(), "the same forecasts");
        assertEquals(80 - 6 + 2, got.size(), "a header and every window");
    }

    /** A file without one of the model's columns: its name, the file and line 1, exit code 2, nothing written. */
    @Test
    void aFileWithoutATrainingColumnIsRefusedNamingIt() throws Exception {
        Path csv = furnace();
        Path model = trained(csv);
        Path other = dir.resolve("other.csv");
        StringBuilder sb = new StringBuilder("date,load,pressure\n");
        for (int r = 0; r < 20; r++) {
            sb.append("2024-03-").append(r + 10).append(',').append(50 + r).append(',').append(990 + r).append('\n');
        }
        Files.writeString(other, sb.toString());
        String err = refused(model, other);
        assertTrue(err.contains("lstm-lab: " + other + ": line 1: no column 'temp', which the model was trained "
                + "on: it reads the columns load, temp by name, in any order, and leaves any other out; the header "
                + "has date, load, pressure"), err);
    }

    /**
     * A value missing in a column the model reads: predict cannot leave that column out, so the refusal says to fill
     * it in (not to leave the column out of the input columns, as training says), with the line and field, exit
     * code 2, nothing written; in Chinese too. A gap in a column the model does not read is no problem.
     */
    @Test
    void aMissingValueInAColumnTheModelReadsIsToBeFilledIn() throws Exception {
        Path csv = furnace();
        Path model = trained(csv);
        Path gaps = rewritten(csv, "gaps.csv", "load,temp,note", (r, f) -> (r == 20 ? "NA" : f[0]) + ","
                + (r == 10 ? "" : f[1]) + ",");
        String err = refused(model, gaps);
        assertTrue(err.contains("lstm-lab: " + gaps + ": line 11: field 2 (temp): missing value in a column the "
                + "model reads: fill it in (with the value of the row before, say); the model cannot do without the "
                + "column"), err);
        assertTrue(err.contains("line 21: field 1 (load): missing value ('NA') in a column the model reads: "
                + "fill it in"), err);
        assertFalse(err.contains("leave the column out"), err);
        assertFalse(err.contains("field 3"), "the column the model does not read: " + err);
        DataFileException e = assertThrows(DataFileException.class, () -> SequenceFiles.read(gaps, 2,
                OptionalInt.of(6), List.of("load", "temp")));
        assertEquals("第 2 个字段（temp）：模型要读的这一列缺少数值：请补上（比如填上一行的值），模型离不开这一列",
                e.problems().get(0).why().in(EngineBundles.ZH));
        assertEquals("第 1 个字段（load）：模型要读的这一列缺少数值（“NA”）：请补上（比如填上一行的值），模型离不开这一列",
                e.problems().get(1).why().in(EngineBundles.ZH));
    }

    @Test
    void traceShowsTheStandardisedInputsTheModelWasTrainedOn() throws Exception {
        Path csv = furnace();
        Path model = trained(csv);
        Path out = dir.resolve("trace.csv");
        CliTestSupport.Result r = CliTestSupport.run("trace", "--model", model.toString(), "--input", csv.toString(),
                "--limit", "1", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("1 sequence × 6 steps"), r.out());
        CsvSeries.Loaded loaded = CsvSeries.load(csv, new CsvSeries.Options(List.of(), List.of(), 6, 1, 0.2, null));
        double[] first = loaded.dataset().train().get(0).x();
        String x0 = Files.readAllLines(out).stream().filter(l -> l.startsWith("0,0,0,x,0,")).findFirst()
                .orElseThrow();
        assertEquals(first[0], Double.parseDouble(x0.substring("0,0,0,x,0,".length())), x0);
    }
}
