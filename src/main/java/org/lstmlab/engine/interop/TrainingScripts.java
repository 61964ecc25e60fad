package org.lstmlab.engine.interop;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.io.AtomicFiles;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.text.Message;
import org.lstmlab.engine.text.Refusal;
import org.lstmlab.engine.train.TrainingConfig;

/**
 * The Train tab's code made runnable on the run's own data: {@code data.npz} holds {@code x_train}, {@code y_train},
 * {@code x_val} and {@code y_val} as the session feeds them to the model (float64; one-hot inputs as vectors, classes
 * as indices; a CSV series already standardised), and {@code train_pytorch.py} and {@code train_keras.py} are the
 * code of {@link CodeExport} with the few lines that load them and print the validation loss before training and
 * after each epoch, the mean over the validation samples as the app's {@code val_loss}.
 */
public final class TrainingScripts {
    private TrainingScripts() {
    }

    /** The files {@link #write} writes into {@code dir}: the data, the PyTorch script, the Keras script. */
    public static List<Path> files(Path dir) {
        return List.of(dir.resolve("data.npz"), dir.resolve("train_pytorch.py"), dir.resolve("train_keras.py"));
    }

    /**
     * Writes the files (see {@link #files}), each atomically; returns their paths. Refused before anything is written
     * when the sequences vary in length (one array cannot hold them) or PyTorch lacks the cell.
     */
    public static List<Path> write(Path dir, ModelSpec spec, TrainingConfig config, Dataset data) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw Refusal.of("engine.file.named", dir.toString(), Message.of("engine.export.isFile"));
        }
        if (spec.cell() == CellType.GRU_RESET_BEFORE) {
            throw CodeExport.notInPyTorch(spec.cell());
        }
        List<Sample> all = new ArrayList<>(data.train());
        all.addAll(data.validation());
        int steps = all.get(0).steps();
        if (all.stream().anyMatch(s -> s.steps() != steps)) {
            throw Refusal.of("engine.export.lengthsVary", data.name());
        }
        String torch = torchScript(spec, config);
        String keras = kerasScript(spec, config, steps, all.get(0).isOneHot());
        Files.createDirectories(dir);
        List<Path> files = files(dir);
        AtomicFiles.write(files.get(0), out -> writeData(out, data, steps));
        AtomicFiles.write(files.get(1), out -> out.write(torch.getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(files.get(2), out -> out.write(keras.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static final String LOAD = "HERE = os.path.dirname(os.path.abspath(__file__))\n"
            + "data = np.load(os.path.join(HERE, 'data.npz'))  # LSTM Lab's training and validation data\n";

    /** The PyTorch code with the data loaded into a shuffling DataLoader and the validation loss printed. */
    static String torchScript(ModelSpec s, TrainingConfig c) {
        String code = CodeExport.pytorch(s, c, CodeComments.ENGLISH);
        boolean classes = s.loss() == Loss.SOFTMAX_CROSS_ENTROPY;
        boolean flat = s.head() == HeadMode.EVERY_STEP && classes;
        StringBuilder load = new StringBuilder(LOAD);
        load.append("dtype = next(model.parameters()).dtype\n");
        String y = classes ? ".long()" : ".to(dtype)";
        load.append("x_train = torch.from_numpy(data['x_train']).to(dtype)\n");
        load.append("y_train = torch.from_numpy(data['y_train'])").append(y).append("\n");
        load.append("x_val = torch.from_numpy(data['x_val']).to(dtype)\n");
        load.append("y_val = torch.from_numpy(data['y_val'])").append(y).append("\n");
        load.append("train_loader = DataLoader(TensorDataset(x_train, y_train), batch_size=").append(c.batchSize())
                .append(", shuffle=True)\n\n\n");
        load.append("def val_loss():  # the mean over the validation samples, as the app's val_loss\n");
        load.append("    with torch.no_grad():\n");
        load.append(flat ? "        return loss_fn(model(x_val).reshape(-1, " + s.outputSize()
                + "), y_val.reshape(-1)).item()\n\n\n" : "        return loss_fn(model(x_val), y_val).item()\n\n\n");
        load.append("print(f'before training: val_loss {val_loss():.6f}')\n");
        String imports = "from torch import nn\n";
        code = code.replace(imports, imports + "from torch.utils.data import DataLoader, TensorDataset\n"
                + "import numpy as np\nimport os\n");
        int at = code.indexOf("for epoch in range(");
        return code.substring(0, at) + load + code.substring(at) + "    print(f'epoch {epoch + 1}/" + c.epochs()
                + " - val_loss {val_loss():.6f}')\n";
    }

    /** The Keras code with the data loaded before {@code model.fit}, which prints val_loss each epoch. */
    static String kerasScript(ModelSpec s, TrainingConfig c, int steps, boolean oneHot) {
        String code = CodeExport.keras(s, c, steps, oneHot, CodeComments.ENGLISH);
        String load = LOAD + "x_train, y_train = data['x_train'], data['y_train']\n"
                + "x_val, y_val = data['x_val'], data['y_val']\n";
        int at = code.indexOf("model.fit(");
        return "import os\nimport numpy as np\n" + code.substring(0, at) + load + code.substring(at);
    }

    /** data.npz: the four arrays, float64, inputs (N, T, D), targets (N, O), (N, T, O), (N) or (N, T). */
    private static void writeData(OutputStream out, Dataset data, int steps) throws IOException {
        Npz npz = new Npz(out);
        entry(npz, "x_train", data, data.train(), steps, true);
        entry(npz, "y_train", data, data.train(), steps, false);
        entry(npz, "x_val", data, data.validation(), steps, true);
        entry(npz, "y_val", data, data.validation(), steps, false);
        npz.finish();
    }

    private static void entry(Npz npz, String name, Dataset data, List<Sample> samples, int steps, boolean input)
            throws IOException {
        int n = samples.size();
        boolean every = data.head() == HeadMode.EVERY_STEP;
        if (input) {
            npz.add(name, new int[] {n, steps, data.inputSize()}, inputs(samples, steps, data.inputSize()));
        } else {
            boolean classes = data.loss() == Loss.SOFTMAX_CROSS_ENTROPY;
            int o = data.outputSize();
            int[] shape = classes ? (every ? new int[] {n, steps} : new int[] {n})
                    : every ? new int[] {n, steps, o} : new int[] {n, o};
            npz.add(name, shape, targets(samples));
        }
    }

    /** The inputs of {@code samples}, C order (N, T, D); one-hot tokens as vectors. */
    private static double[] inputs(List<Sample> samples, int t, int d) {
        double[] x = new double[samples.size() * t * d];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            for (int k = 0; k < t; k++) {
                int at = (i * t + k) * d;
                if (s.isOneHot()) {
                    x[at + s.tokens()[k]] = 1;
                } else {
                    s.copyStep(k, x, at);
                }
            }
        }
        return x;
    }

    /** The targets one after another: a sample's values or its classes as numbers. */
    private static double[] targets(List<Sample> samples) {
        List<double[]> rows = new ArrayList<>();
        int total = 0;
        for (Sample s : samples) {
            double[] row = s.classes() != null
                    ? Arrays.stream(s.classes()).asDoubleStream().toArray() : s.target();
            rows.add(row);
            total += row.length;
        }
        double[] y = new double[total];
        int at = 0;
        for (double[] row : rows) {
            System.arraycopy(row, 0, y, at, row.length);
            at += row.length;
        }
        return y;
    }
}
