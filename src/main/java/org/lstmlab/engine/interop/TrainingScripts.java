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
 * after each epoch, the mean over the validation samples as the app's {@code val_loss}. Sequences of several lengths
 * are saved zero-padded after each end, with {@code lengths_train} and {@code lengths_val}, and the scripts are
 * {@link PaddedCode}'s, which pack (PyTorch) or mask (Keras) them.
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
     * when PyTorch lacks the cell, or when dense sequences of several lengths have a step of zeros, which Keras'
     * Masking would take for padding, or for a model that reads its tokens through an embedding table.
     */
    public static List<Path> write(Path dir, ModelSpec spec, TrainingConfig config, Dataset data) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw Refusal.of("engine.file.named", dir.toString(), Message.of("engine.export.isFile"));
        }
        if (spec.cell() == CellType.GRU_RESET_BEFORE) {
            throw CodeExport.notInPyTorch(spec.cell());
        }
        if (data.inputSize() != spec.inputSize()) {   // the tokens go through an embedding table first
            throw Refusal.of("engine.export.embeddingCode", Integer.toString(data.inputSize()),
                    Integer.toString(spec.inputSize()));
        }
        List<Sample> all = new ArrayList<>(data.train());
        all.addAll(data.validation());
        int steps = all.stream().mapToInt(Sample::steps).max().orElseThrow();
        boolean padded = all.stream().anyMatch(s -> s.steps() != steps || s.isPadded());
        boolean oneHot = all.get(0).isOneHot();
        if (padded && !oneHot && all.stream().anyMatch(TrainingScripts::hasZeroStep)) {
            throw Refusal.of("engine.export.zeroStep", data.name());
        }
        String torch = torchScript(spec, config, padded);
        String keras = padded ? PaddedCode.kerasScript(spec, config, oneHot)
                : kerasScript(spec, config, steps, oneHot);
        Files.createDirectories(dir);
        List<Path> files = files(dir);
        AtomicFiles.write(files.get(0), out -> writeData(out, data, steps, padded));
        AtomicFiles.write(files.get(1), out -> out.write(torch.getBytes(StandardCharsets.UTF_8)));
        AtomicFiles.write(files.get(2), out -> out.write(keras.getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    /** A real step whose inputs are all 0: Keras' Masking would take it for padding. */
    private static boolean hasZeroStep(Sample s) {
        double[] step = new double[s.size()];
        for (int t = 0; t < s.length(); t++) {
            s.copyStep(t, step, 0);
            if (Arrays.stream(step).allMatch(v -> v == 0)) {
                return true;
            }
        }
        return false;
    }

    private static final String LOAD = "HERE = os.path.dirname(os.path.abspath(__file__))\n"
            + "data = np.load(os.path.join(HERE, 'data.npz'))  # LSTM Lab's training and validation data\n";

    /**
     * The PyTorch code with the data loaded into a shuffling DataLoader and the validation loss printed; when
     * {@code padded}, the sequences' lengths come along and the model packs them ({@link PaddedCode}).
     */
    static String torchScript(ModelSpec s, TrainingConfig c, boolean padded) {
        String code = padded ? PaddedCode.pytorch(s, c, CodeComments.ENGLISH, PaddedCode.FILE_WIDTH)
                : CodeExport.pytorch(s, c, CodeComments.ENGLISH);
        boolean classes = s.loss() == Loss.SOFTMAX_CROSS_ENTROPY;
        boolean flat = s.head() == HeadMode.EVERY_STEP && classes;
        StringBuilder load = new StringBuilder(LOAD);
        load.append("dtype = next(model.parameters()).dtype\n");
        String y = classes ? ".long()" : ".to(dtype)";
        String lengths = "";
        for (String part : List.of("train", "val")) {
            load.append("x_").append(part).append(" = torch.from_numpy(data['x_").append(part)
                    .append("']).to(dtype)\n");
            if (padded) {
                load.append("lengths_").append(part).append(" = torch.from_numpy(data['lengths_").append(part)
                        .append("']).long()  # each sequence's real length\n");
            }
            load.append("y_").append(part).append(" = torch.from_numpy(data['y_").append(part).append("'])")
                    .append(y).append("\n");
        }
        if (padded) {
            lengths = "lengths_train, ";
        }
        load.append("train_loader = DataLoader(TensorDataset(x_train, ").append(lengths)
                .append("y_train), batch_size=").append(c.batchSize()).append(", shuffle=True)\n\n\n");
        load.append("def val_loss():  # the mean over the validation samples, as the app's val_loss\n");
        load.append("    with torch.no_grad():\n");
        if (padded) {
            load.append(PaddedCode.valLoss(s));
        } else {
            load.append(flat ? "        return loss_fn(model(x_val).reshape(-1, " + s.outputSize()
                    + "), y_val.reshape(-1)).item()\n\n\n"
                    : "        return loss_fn(model(x_val), y_val).item()\n\n\n");
        }
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

    /**
     * data.npz: the four arrays, float64, inputs (N, T, D), targets (N, O), (N, T, O), (N) or (N, T); when
     * {@code padded}, T is the longest length, each sequence is followed by zeros, and {@code lengths_train} and
     * {@code lengths_val} (N) hold the real lengths.
     */
    private static void writeData(OutputStream out, Dataset data, int steps, boolean padded) throws IOException {
        Npz npz = new Npz(out);
        for (String part : List.of("train", "val")) {
            List<Sample> samples = part.equals("train") ? data.train() : data.validation();
            npz.add("x_" + part, new int[] {samples.size(), steps, data.inputSize()},
                    inputs(samples, steps, data.inputSize()));
            if (padded) {
                npz.add("lengths_" + part, new int[] {samples.size()},
                        samples.stream().mapToDouble(Sample::length).toArray());
            }
            targets(npz, "y_" + part, data, samples, steps);
        }
        npz.finish();
    }

    private static void targets(Npz npz, String name, Dataset data, List<Sample> samples, int steps)
            throws IOException {
        int n = samples.size();
        boolean every = data.head() == HeadMode.EVERY_STEP;
        boolean classes = data.loss() == Loss.SOFTMAX_CROSS_ENTROPY;
        int o = classes ? 1 : data.outputSize();
        int[] shape = classes ? (every ? new int[] {n, steps} : new int[] {n})
                : every ? new int[] {n, steps, o} : new int[] {n, o};
        npz.add(name, shape, targets(samples, every ? steps * o : o, o));
    }

    /** The inputs of {@code samples}, C order (N, T, D), zeros after a shorter sequence; one-hot tokens as vectors. */
    private static double[] inputs(List<Sample> samples, int t, int d) {
        double[] x = new double[samples.size() * t * d];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            for (int k = 0; k < s.steps(); k++) {
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

    /**
     * The targets, {@code width} numbers a sample: its values or its classes as numbers, zeros after a shorter
     * sequence; for the last step's head ({@code width == o}) the last {@code o}, as the trainer reads them.
     */
    private static double[] targets(List<Sample> samples, int width, int o) {
        double[] y = new double[samples.size() * width];
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            double[] row = s.classes() != null
                    ? Arrays.stream(s.classes()).asDoubleStream().toArray() : s.target();
            int from = width == o ? row.length - o : 0;
            System.arraycopy(row, from, y, i * width, row.length - from);
        }
        return y;
    }
}
