package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.train.Evaluation;
import org.lstmlab.engine.train.Trainer;
import org.lstmlab.testing.PythonRun;

/**
 * Sequences of several lengths saved with their code: data.npz holds them zero-padded with their lengths, and
 * train_pytorch.py, which packs them, computes from the app's weights (initial, or trained for an epoch) the app's
 * validation loss and predictions to 1e-9 in float64, whatever values the padding holds.
 */
class PaddedCodeTest {
    @TempDir Path dir;

    private static TrainingSession session(String task, int steps) {
        TrainingSession.Builder b = TrainingSession.builder(Tasks.byName(task)).hidden(8)
                .configure(c -> c.epochs(1).batchSize(16).threads(1)).trainLimit(256).validationLimit(64);
        return (steps > 0 ? b.seqLen(steps) : b).build();
    }

    /**
     * One task of each head and loss whose sequences vary: every step with classes (counting, trained for an epoch
     * first) and with values (reber), the last step with classes (temporal-order) and with a sigmoid (sentiment).
     */
    @ParameterizedTest
    @ValueSource(strings = {"counting", "reber", "temporal-order", "sentiment"})
    void pyTorchPacksToTheEnginesLossAndPredictions(String task) throws Exception {
        try (TrainingSession s = session(task, 0)) {
            if (task.equals("counting")) {
                while (!s.finished()) {
                    s.step();
                }
            }
            assertMatches(s, s.data());
        }
    }

    /** Two layers of GRU pack too: every layer runs over each sequence's own steps. */
    @Test
    void twoGruLayersPackToo() throws Exception {
        try (TrainingSession s = TrainingSession.builder(Tasks.byName("temporal-order")).hidden(6)
                .cell(org.lstmlab.engine.nn.CellType.GRU).layers(2)
                .configure(c -> c.epochs(1).batchSize(16).threads(1)).trainLimit(128).validationLimit(48).build()) {
            assertMatches(s, s.data());
        }
    }

    /** Dense inputs of two lengths (the adding problem at T = 10 and 14): MSE of the last real step. */
    @Test
    void denseSequencesOfTwoLengthsToo() throws Exception {
        try (TrainingSession s = session("adding", 10)) {
            Dataset d = s.data();
            Dataset longer = Tasks.byName("adding").generate(14, 7);
            Dataset mixed = new Dataset("adding-mixed", concat(d.train(), longer.train().subList(0, 40)),
                    concat(d.validation(), longer.validation().subList(0, 30)), d.inputSize(), d.outputSize(),
                    d.head(), d.loss(), d.vocabulary());
            assertMatches(s, mixed);
        }
    }

    /** The script trains as it is: the validation loss after an epoch is below the one before. */
    @Test
    void theScriptTrains() throws Exception {
        try (TrainingSession s = session("counting", 0)) {
            TrainingScripts.write(dir, s.model().spec(), s.config(), s.data());
            String out = PythonRun.run(List.of("/usr/bin/python3", dir.resolve("train_pytorch.py").toString()));
            double before = number(out, "before training: val_loss (\\S+)");
            assertTrue(number(out, "epoch 1/1 - val_loss (\\S+)") < before, out);
            String keras = Files.readString(dir.resolve("train_keras.py"));
            assertTrue(keras.contains("model.add(Masking(mask_value=0.0, input_shape=(None, 5)))\n"
                    + "model.add(LSTM(8, return_sequences=True))\n"), keras);
            PythonRun.run(List.of("/usr/bin/python3", "-m", "py_compile", dir.resolve("train_keras.py").toString()));
        }
    }

    private static List<Sample> concat(List<Sample> a, List<Sample> b) {
        List<Sample> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Double.parseDouble(m.group(1));
    }

    /**
     * Writes the scripts for {@code d}, runs train_pytorch.py from the model's weights without training, and
     * compares its val_loss and its predictions at the real steps with the engine's; then fills every padded place
     * of data.npz with noise and runs it again: the same numbers, bit for bit.
     */
    private void assertMatches(TrainingSession s, Dataset d) throws Exception {
        Evaluation app = Trainer.evaluate(s.model(), d, d.validation(), s.config().batchSize());
        assertTrue(d.validation().stream().mapToInt(Sample::steps).distinct().count() > 1, "lengths vary");
        TrainingScripts.write(dir, s.model().spec(), s.config(), d);
        ModelExport.write(ModelExport.Target.PYTORCH, s.model(), s.config(), "the test", dir.resolve("start"), null);
        Path driver = dir.resolve("check.py");
        Files.writeString(driver, driver(Files.readString(dir.resolve("train_pytorch.py")), s.model().spec().loss()));
        String out = PythonRun.run(List.of("/usr/bin/python3", driver.toString()));
        assertEquals(app.loss(), number(out, "val_loss_exact (\\S+)"), 1e-9, out);
        Map<Sample, double[]> predicted = new IdentityHashMap<>();
        for (int i = 0; i < app.samples().size(); i++) {
            predicted.put(app.samples().get(i), app.predictions().get(i));
        }
        String[] lines = out.substring(out.indexOf("predictions\n") + "predictions\n".length()).strip().split("\n");
        assertEquals(d.validation().size(), lines.length, out);
        for (int i = 0; i < lines.length; i++) {
            String[] parts = lines[i].strip().split(" ");
            double[] want = predicted.get(d.validation().get(i));
            assertEquals(want.length, parts.length, "sample " + i);
            for (int k = 0; k < want.length; k++) {
                assertEquals(want[k], Double.parseDouble(parts[k]), 1e-9, "sample " + i + " value " + k);
            }
        }
        PythonRun.run(List.of("/usr/bin/python3", "-c", NOISE, dir.resolve("data.npz").toString()));
        assertEquals(out, PythonRun.run(List.of("/usr/bin/python3", driver.toString())), "noise in the padding");
    }

    /** Every padded place of data.npz (inputs and targets after each sequence's end) filled with noise. */
    private static final String NOISE = """
            import sys
            import numpy as np
            d = dict(np.load(sys.argv[1]))
            rng = np.random.default_rng(5)
            for part in ('train', 'val'):
                n = d['lengths_' + part].astype(int)
                for key in ('x_', 'y_'):
                    a = d[key + part]
                    if a.ndim >= 2 and a.shape[1] == d['x_' + part].shape[1]:
                        for i, length in enumerate(n):
                            a[i, length:] = rng.integers(-50, 50, a[i, length:].shape) * 1.25
            assert (d['x_val'] != 0).sum() > (np.load(sys.argv[1])['x_val'] != 0).sum()
            np.savez(sys.argv[1], **d)
            """;

    /**
     * train_pytorch.py loading the exported weights, training no epoch, then printing val_loss in full and the
     * predictions of each validation sequence at its real steps, one line each.
     */
    private String driver(String code, Loss loss) {
        String offered = "# model.load_state_dict(safetensors.torch.load_file('model.safetensors'))";
        assertTrue(code.contains(offered), code);
        Path start = dir.resolve("start");
        code = code.replace(offered, "import sys\nsys.path.insert(0, '" + start + "')\nfrom model import load_file\n"
                + "model.load_state_dict(load_file('" + start.resolve("model.safetensors") + "'))");
        code = code.replaceFirst("for epoch in range\\(\\d+\\):", "for epoch in range(0):");
        String act = switch (loss) {
            case SOFTMAX_CROSS_ENTROPY -> "torch.softmax(z, dim=-1)";
            case BINARY_CROSS_ENTROPY -> "torch.sigmoid(z)";
            case MEAN_SQUARED_ERROR -> "z";
        };
        return code + """
                print(f'val_loss_exact {val_loss():.17g}')
                print('predictions')
                with torch.no_grad():
                    z = model(x_val, lengths_val)
                    p = ACT
                for i, n in enumerate(lengths_val.tolist()):
                    row = p[i, :n] if p.dim() == 3 else p[i]
                    print(' '.join(repr(v) for v in row.reshape(-1).tolist()))
                """.replace("ACT", act);
    }
}
