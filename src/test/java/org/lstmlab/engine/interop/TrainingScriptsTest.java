package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.session.TrainingSession;
import org.lstmlab.engine.tasks.Tasks;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.testing.PythonRun;

/**
 * The code the Train tab shows, saved with the run's data, runs as it is: PyTorch trains on data.npz and starts from
 * the app's validation loss when it starts from the app's weights; the Keras script compiles and its input_shape is
 * data.npz's.
 */
class TrainingScriptsTest {
    @TempDir Path dir;

    private static TrainingSession session(String task, int steps, int epochs) {
        TrainingSession.Builder b = TrainingSession.builder(Tasks.byName(task)).hidden(8)
                .configure(c -> c.epochs(epochs).batchSize(16).threads(1)).trainLimit(256).validationLimit(64);
        return (steps > 0 ? b.seqLen(steps) : b).build();
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), regex + " in " + text);
        return Double.parseDouble(m.group(1));
    }

    /**
     * train_pytorch.py, started from the app's initial weights (the load_state_dict line its comment offers, given
     * the file export writes), prints the app's validation loss before training to 1e-6, then losses that fall.
     */
    @Test
    void thePyTorchScriptTrainsOnTheAppsDataFromTheAppsLoss() throws Exception {
        startsFromTheAppsLoss("adding", 10);
    }

    /**
     * Sequences zero-padded to one length carry their lengths into data.npz, and the script that packs them starts
     * from the app's loss, where the head reads h at each length: the engine's lengths are PyTorch's packing.
     */
    @Test
    void paddedSequencesExportTheirLengths() throws Exception {
        startsFromTheAppsLoss("padded-sine", 28);
        assertTrue(Files.readString(dir.resolve("train_pytorch.py")).contains("pack_padded_sequence"));
    }

    private void startsFromTheAppsLoss(String task, int steps) throws Exception {
        try (TrainingSession s = session(task, steps, 3)) {
            double appLoss = s.trainer().evaluate(s.data().validation()).loss();
            List<Path> files = TrainingScripts.write(dir, s.model().spec(), s.config(), s.data());
            assertEquals(TrainingScripts.files(dir), files);
            ModelExport.write(ModelExport.Target.PYTORCH, s.model(), s.config(), "the test", dir.resolve("start"),
                    null);
            Path script = dir.resolve("train_pytorch.py");
            String code = Files.readString(script);
            String offered = "# model.load_state_dict(safetensors.torch.load_file('model.safetensors'))";
            assertTrue(code.contains(offered), code);
            Files.writeString(script, code.replace(offered, "import sys\nsys.path.insert(0, os.path.join("
                    + "os.path.dirname(os.path.abspath(__file__)), 'start'))\nfrom model import load_file\n"
                    + "model.load_state_dict(load_file(os.path.join('" + dir.resolve("start") + "', "
                    + "'model.safetensors')))"));
            String out = PythonRun.run(List.of("/usr/bin/python3", script.toString()));
            double before = number(out, "before training: val_loss (\\S+)");
            assertEquals(appLoss, before, 1e-6, out);
            double last = number(out, "epoch 3/3 - val_loss (\\S+)");
            assertTrue(last < before / 2, out);
        }
    }

    /**
     * A task of classes at every step (indices, long in PyTorch; one-hot characters) trains too, from its own start,
     * and data.npz holds the shapes the Keras code declares.
     */
    @Test
    void classesRunAndTheKerasShapesAreTheDatas() throws Exception {
        try (TrainingSession s = session("charlm", 0, 1)) {
            TrainingScripts.write(dir, s.model().spec(), s.config(), s.data());
            String out = PythonRun.run(List.of("/usr/bin/python3", dir.resolve("train_pytorch.py").toString()));
            assertTrue(number(out, "epoch 1/1 - val_loss (\\S+)") > 0, out);
            PythonRun.run(List.of("/usr/bin/python3", "-m", "py_compile", dir.resolve("train_keras.py").toString()));
            String keras = Files.readString(dir.resolve("train_keras.py"));
            Matcher m = Pattern.compile("input_shape=\\((\\d+), (\\d+)\\)").matcher(keras);
            assertTrue(m.find(), keras);
            int n = s.data().train().size();
            String shapes = PythonRun.run(List.of("/usr/bin/python3", "-c", "import numpy as np; d = np.load('"
                    + dir.resolve("data.npz") + "'); print(*[str(d[k].shape) + d[k].dtype.str for k in "
                    + "('x_train', 'y_train', 'x_val', 'y_val')])"));
            Dataset d = s.data();
            String t = m.group(1);
            int v = d.validation().size();
            assertEquals("(" + n + ", " + t + ", " + m.group(2) + ")<f8 (" + n + ", " + t + ")<f8 (" + v + ", " + t
                    + ", " + m.group(2) + ")<f8 (" + v + ", " + t + ")<f8", shapes.strip());
        }
    }

    /**
     * Sequences of several lengths are saved zero-padded (PaddedCodeTest), but not when a real step's inputs are all
     * 0, which Keras' Masking would skip as padding: refused, and nothing is written.
     */
    @Test
    void aStepOfZerosAmongSeveralLengthsIsRefused() {
        try (TrainingSession s = session("adding", 10, 1)) {
            Dataset d = s.data();
            Dataset mixed = new Dataset("mixed", List.of(d.train().get(0), Sample.dense(new double[22], 11, 2, 0.5)),
                    List.of(), d.inputSize(), d.outputSize(), d.head(), d.loss(), d.vocabulary());
            Refusal r = assertThrows(Refusal.class,
                    () -> TrainingScripts.write(dir.resolve("out"), s.model().spec(), s.config(), mixed));
            assertEquals("mixed: its sequences differ in length, and a step of one of them has inputs that are all 0."
                    + " data.npz pads a shorter sequence with zeros after its end, and Keras' Masking would take that"
                    + " step for padding and skip it, so there is no data.npz for this task", r.getMessage());
            assertTrue(Files.notExists(dir.resolve("out")));
        }
    }
}
