package org.lstmlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A model trained on a CSV series, exported for PyTorch: its model.py carries the columns' training means and
 * standard deviations and a forecast() in the file's units, and PyTorch running it on a window of the file gives
 * the forecast {@code predict} gives.
 */
class SeriesExportTest {
    @TempDir Path dir;

    @Test
    void pyTorchForecastsInTheFilesUnitsAsPredictDoes() throws Exception {
        Path csv = SeriesPredictTest.furnace(dir, 60);
        Path model = dir.resolve("furnace.safetensors");
        CliTestSupport.Result r = CliTestSupport.run("train", "--data", csv.toString(), "--seq-len", "6",
                "--epochs", "1", "--hidden", "4", "--save", model.toString());
        assertEquals(0, r.exitCode(), r.err());
        Path forecasts = dir.resolve("forecast.csv");
        r = CliTestSupport.run("predict", "--model", model.toString(), "--input", csv.toString(), "--out",
                forecasts.toString());
        assertEquals(0, r.exitCode(), r.err());
        double predicted = Double.parseDouble(Files.readAllLines(forecasts).get(1).split(",")[1]);

        Path out = dir.resolve("export");
        r = CliTestSupport.run("export", "--model", model.toString(), "--to", "pytorch", "--out", out.toString());
        assertEquals(0, r.exitCode(), r.err());
        String code = Files.readString(out.resolve("model.py"));
        assertTrue(code.contains("INPUTS = ['load', 'temp']") && code.contains("TARGETS = ['temp']"), code);
        String run = InteropCommandsTest.python(List.of("/usr/bin/python3", out.resolve("model.py").toString()),
                InteropCommandsTest.R.resolve("pyshim"));
        assertTrue(run.startsWith("OK: PyTorch computes what LSTM Lab computed"), run);

        String first = InteropCommandsTest.python(List.of("/usr/bin/python3", "-c", """
                import csv, importlib.util, sys, torch
                from safetensors.torch import load_file
                spec = importlib.util.spec_from_file_location('exported', sys.argv[1])
                m = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(m)
                model = m.Model().double()
                model.load_state_dict(load_file(sys.argv[2]), strict=True)
                model.eval()
                rows = [[float(v) for v in row] for row in list(csv.reader(open(sys.argv[3])))[1:]]
                print(repr(float(m.forecast(model, [rows[:m.WINDOW]])[0, 0])))
                """, out.resolve("model.py").toString(), out.resolve("model.safetensors").toString(), csv.toString()),
                InteropCommandsTest.R.resolve("pyshim"));
        double torch = Double.parseDouble(first.strip());
        assertEquals(predicted, torch, 1e-9 * Math.abs(predicted), "PyTorch's forecast of the first window");
        assertTrue(Math.abs(predicted - 1000) < 200, "in the file's units, near 1000: " + predicted);

        Path keras = dir.resolve("keras");
        r = CliTestSupport.run("export", "--model", model.toString(), "--to", "keras", "--out", keras.toString());
        assertEquals(0, r.exitCode(), r.err());
        String kerasCode = Files.readString(keras.resolve("model.py"));
        assertTrue(kerasCode.contains("def forecast(model, rows):") && kerasCode.contains("INPUT_STD = ["), kerasCode);
        InteropCommandsTest.python(List.of("/usr/bin/python3", "-c",
                "import ast,sys; ast.parse(open(sys.argv[1]).read())", keras.resolve("model.py").toString()), null);
    }
}
