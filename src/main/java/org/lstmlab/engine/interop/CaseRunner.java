package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.io.JsonWriter;
import org.lstmlab.engine.io.Layout;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsException;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.io.SafeTensorsIndex;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.io.TensorInfo;
import org.lstmlab.engine.bounds.MemoryBudget;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.Embedding;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.LayerTrace;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Adam;
import org.lstmlab.engine.optim.Flavour;
import org.lstmlab.engine.optim.Optimizer;
import org.lstmlab.engine.optim.Sgd;

/**
 * Runs a reference case (format: {@code docs/reference-cases.md}; kinds {@code recurrent}, {@code model},
 * {@code optimizer}) through the engine and returns what it computed under the names of the case's {@code expected.}
 * tensors without that prefix. It never reads the expected tensors.
 *
 * <p>Everything is checked before anything is built: the metadata's sizes against the shapes of the tensors
 * actually in the file (from the header, before any data is read), the memory the run needs against the
 * {@link MemoryBudget}, and every value for NaN and infinity. Each refusal names the file, the tensor or metadata
 * key, and the reason.
 */
public final class CaseRunner {
    private static final String EXPECTED = "expected.";
    /** The head of a many-to-one model on a packed batch: Dense on h at each length, MSE. */
    private static final String PACKED = "last_packed_mse";
    private static final String LAST_CE = "last_softmax_ce";
    /** Most optimizer steps a case may ask for. */
    static final int MAX_STEPS = 1_000_000;

    private final SafeTensorsFile file;
    private final SafeTensorsIndex index;
    private final String name;

    private CaseRunner(SafeTensorsFile file, SafeTensorsIndex index) {
        this.file = file;
        this.index = index;
        this.name = file.source();
    }

    /**
     * Runs the case in {@code path}: its header is checked (metadata against shapes, memory) before any data is
     * read, and its {@code expected.} tensors are never read.
     */
    public static Map<String, Tensor> run(Path path) throws IOException {
        SafeTensorsIndex[] seen = new SafeTensorsIndex[1];
        SafeTensorsFile f = SafeTensors.read(path, index -> {
            plan(index);
            seen[0] = index;
        }, n -> !n.startsWith(EXPECTED));
        return new CaseRunner(f, seen[0]).compute();
    }

    private Map<String, Tensor> compute() throws ModelFileException, SafeTensorsException {
        return switch (index.requireMeta("kind")) {
            case "recurrent" -> recurrent();
            case "model" -> model();
            default -> optimizer();
        };
    }

    /** Checks a case's header: kind, metadata and every tensor the run reads, and the memory the run needs. */
    static void plan(SafeTensorsIndex index) throws ModelFileException, SafeTensorsException {
        Meta m = new Meta(index);
        String kind = m.text("kind");
        long bytes = switch (kind) {
            case "recurrent" -> planRecurrent(index, m);
            case "model" -> planModel(index, m);
            case "optimizer" -> planOptimizer(index, m);
            default -> throw new ModelFileException(index.source(), "unknown case kind '" + kind
                    + "' (expected recurrent, model or optimizer)");
        };
        if (!MemoryBudget.fits(bytes)) {
            throw new ModelFileException(index.source(), MemoryBudget.explain("running this " + kind + " case would",
                    bytes));
        }
    }

    private static long planRecurrent(SafeTensorsIndex index, Meta m) throws ModelFileException, SafeTensorsException {
        Sizes z = Sizes.of(m, false);
        stackTensors(index, "", z);
        index.require("input", z.batch(), z.steps(), z.d());
        optional(index, "h0", z.layers(), z.batch(), z.h());
        if (z.cell().hasCellState()) {
            optional(index, "c0", z.layers(), z.batch(), z.h());
        }
        optional(index, "grad_output", z.batch(), z.steps(), z.h());
        return MemoryBudget.sum(ModelSpec.stackBytes(z.cell(), z.d(), z.h(), z.layers()), z.passBytes());
    }

    private static long planModel(SafeTensorsIndex index, Meta m) throws ModelFileException, SafeTensorsException {
        String head = m.text("head");
        boolean last = head.equals("last_sigmoid_bce") || head.equals(PACKED) || head.equals(LAST_CE);
        if (!last && !head.equals("seq_softmax_ce")) {
            throw new ModelFileException(index.source(), "unknown head '" + head
                    + "' (expected last_sigmoid_bce, " + PACKED + ", " + LAST_CE + " or seq_softmax_ce)");
        }
        Sizes z = Sizes.of(m, true);
        stackTensors(index, "rnn.", z);
        index.require("fc.weight", z.o(), z.h());
        index.require("fc.bias", z.o());
        long table = 0;
        if (index.meta("vocabulary").isPresent()) {     // token ids looked up in embedding.weight
            int v = m.size("vocabulary", ModelSpec.MAX_UNITS);
            index.require("embedding.weight", v, z.d());
            integers(index, "input", z.batch(), z.steps());
            table = MemoryBudget.product(4 * Double.BYTES, v, z.d());
        } else {
            index.require("input", z.batch(), z.steps(), z.d());
        }
        if (head.equals(LAST_CE)) {
            integers(index, "target", z.batch());
        } else if (last) {
            index.require("target", z.batch(), z.o());
            if (head.equals(PACKED) && index.require("lengths", z.batch()).dtype().isFloating()) {
                throw new ModelFileException(index.source(), "tensor 'lengths' must be stored as integers (I64)");
            }
        } else {
            TensorInfo t = index.require("target", z.batch(), z.steps());
            if (t.dtype().isFloating()) {
                throw new ModelFileException(index.source(), "tensor 'target' is " + t.dtype() + ": class targets "
                        + "must be stored as integers (I64)");
            }
        }
        long rows = last ? z.batch() : (long) z.batch() * z.steps();
        return MemoryBudget.sum(table, ModelSpec.stackBytes(z.cell(), z.d(), z.h(), z.layers()),
                4L * Double.BYTES * z.o() * (z.h() + 1L), z.passBytes(),
                MemoryBudget.product(4 * Double.BYTES, rows, z.o()));
    }

    private static long planOptimizer(SafeTensorsIndex index, Meta m) throws ModelFileException, SafeTensorsException {
        String which = m.text("optimizer");
        int steps = m.size("steps", MAX_STEPS);
        double lr = m.number("lr");
        if (!(lr > 0 && lr < Double.POSITIVE_INFINITY)) {
            throw new ModelFileException(index.source(), "metadata 'lr' = " + lr + ": a learning rate must be a "
                    + "finite number above 0");
        }
        switch (which) {
            case "adam" -> {
                double[] betas = m.numbers("betas", 2);
                for (double b : betas) {
                    if (!(b >= 0 && b < 1)) {
                        throw new ModelFileException(index.source(), "metadata 'betas' = '" + index.meta("betas")
                                .orElse("") + "': each beta must be in [0, 1)");
                    }
                }
                double eps = m.number("eps");
                if (!(eps >= 0 && eps < Double.POSITIVE_INFINITY)) {
                    throw new ModelFileException(index.source(), "metadata 'eps' = " + eps
                            + ": must be a finite number, 0 or more");
                }
            }
            case "sgd" -> {
                double momentum = index.meta("momentum").isPresent() ? m.number("momentum") : 0.0;
                if (!(momentum >= 0 && momentum < 1)) {
                    throw new ModelFileException(index.source(), "metadata 'momentum' = " + momentum
                            + ": must be in [0, 1)");
                }
            }
            default -> throw new ModelFileException(index.source(), "unknown optimizer '" + which
                    + "' (expected adam or sgd)");
        }
        TensorInfo start = index.tensor("param");
        if (start.rank() != 1) {
            throw new ModelFileException(index.source(), "tensor 'param' must be a vector, has shape "
                    + Arrays.toString(start.shape()));
        }
        int n = start.dim(0);
        index.require("grads", steps, n);
        return MemoryBudget.product(4 * Double.BYTES, steps, n);
    }

    /** The weights of a stack, as PyTorch names them, for exactly {@code layers} layers. */
    private static void stackTensors(SafeTensorsIndex index, String prefix, Sizes z)
            throws ModelFileException, SafeTensorsException {
        int g = z.cell().gateCount() * z.h();
        for (int k = 0; k < z.layers(); k++) {
            index.require(prefix + "weight_ih_l" + k, g, k == 0 ? z.d() : z.h());
            index.require(prefix + "weight_hh_l" + k, g, z.h());
            index.require(prefix + "bias_ih_l" + k, g);
            index.require(prefix + "bias_hh_l" + k, g);
        }
        if (index.has(prefix + "weight_ih_l" + z.layers())) {
            throw new ModelFileException(index.source(), "metadata 'num_layers' = " + z.layers()
                    + " but the file has " + prefix + "weight_ih_l" + z.layers());
        }
    }

    /** A tensor of this shape stored as integers (I64). */
    private static void integers(SafeTensorsIndex index, String tensor, int... shape)
            throws ModelFileException, SafeTensorsException {
        if (index.require(tensor, shape).dtype().isFloating()) {
            throw new ModelFileException(index.source(), "tensor '" + tensor + "' must be stored as integers (I64)");
        }
    }

    private static void optional(SafeTensorsIndex index, String tensor, int... shape) throws SafeTensorsException {
        if (index.has(tensor)) {
            index.require(tensor, shape);
        }
    }

    private Map<String, Tensor> recurrent() throws ModelFileException, SafeTensorsException {
        Sizes z = Sizes.of(new Meta(index), false);
        CellType cell = z.cell();
        int layers = z.layers();
        int d = z.d();
        int h = z.h();
        int steps = z.steps();
        int batch = z.batch();
        int g = cell.gateCount() * h;
        RecurrentStack stack = new RecurrentStack(cell, d, h, layers);
        for (Param p : stack.parameters()) {
            load(p.name(), p);
        }
        double[] x = Layout.toTimeMajor(values("input", batch, steps, d), batch, steps, d);
        double[] h0 = file.has("h0") ? values("h0", layers, batch, h) : null;
        double[] c0 = cell.hasCellState() && file.has("c0") ? values("c0", layers, batch, h) : null;
        double[] gradOutput = file.has("grad_output")
                ? Layout.toTimeMajor(values("grad_output", batch, steps, h), batch, steps, h) : null;

        stack.forward(SequenceInput.dense(x, steps, batch, d), h0, c0);
        Map<String, Tensor> out = new LinkedHashMap<>();
        LayerTrace top = stack.trace(layers - 1);
        out.put("output", f64("output", Layout.toBatchFirst(top.outputs(), batch, steps, h), batch, steps, h));
        out.put("h_n", f64("h_n", stack.finalHidden(), layers, batch, h));
        if (cell.hasCellState()) {
            out.put("c_n", f64("c_n", stack.finalCell(), layers, batch, h));
        }
        int bh = batch * h;
        for (int k = 0; k < layers; k++) {
            LayerTrace tr = stack.trace(k);
            if (!cell.isSimpleRnn()) {
                double[] gates = Arrays.copyOf(tr.gates(), steps * batch * g);
                out.put("gates_l" + k, f64("gates_l" + k, Layout.toBatchFirst(gates, batch, steps, g),
                        batch, steps, g));
            }
            if (cell.hasCellState()) {
                double[] cells = Arrays.copyOfRange(tr.cellState(), bh, bh + steps * bh);
                out.put("cells_l" + k, f64("cells_l" + k, Layout.toBatchFirst(cells, batch, steps, h),
                        batch, steps, h));
            }
            out.put("outputs_l" + k, f64("outputs_l" + k, Layout.toBatchFirst(tr.outputs(), batch, steps, h),
                    batch, steps, h));
        }
        if (gradOutput != null) {
            stack.backward(gradOutput, null, null, true);
            for (Param p : stack.parameters()) {
                out.put("grad." + p.name(), Tensor.f64("grad." + p.name(), p.shape(), p.gradData().clone()));
            }
            double[] dx = Arrays.copyOf(stack.grads(0).dx(), steps * batch * d);
            out.put("grad.input", f64("grad.input", Layout.toBatchFirst(dx, batch, steps, d), batch, steps, d));
            double[] dh0 = new double[layers * bh];
            double[] dc0 = new double[layers * bh];
            for (int k = 0; k < layers; k++) {
                System.arraycopy(stack.initialHiddenGrad(k), 0, dh0, k * bh, bh);
                if (cell.hasCellState()) {
                    System.arraycopy(stack.initialCellGrad(k), 0, dc0, k * bh, bh);
                }
            }
            out.put("grad.h0", f64("grad.h0", dh0, layers, batch, h));
            if (cell.hasCellState()) {
                out.put("grad.c0", f64("grad.c0", dc0, layers, batch, h));
            }
        }
        return out;
    }

    private Map<String, Tensor> model() throws ModelFileException, SafeTensorsException {
        Meta m = new Meta(index);
        String head = m.text("head");
        Sizes z = Sizes.of(m, true);
        CellType cell = z.cell();
        int d = z.d();
        int h = z.h();
        int steps = z.steps();
        int batch = z.batch();
        int o = z.o();
        int layers = z.layers();
        ModelSpec spec;
        try {
            spec = head.equals("last_sigmoid_bce")
                    ? new ModelSpec(cell, d, h, layers, o, HeadMode.LAST, Loss.BINARY_CROSS_ENTROPY)
                    : head.equals(PACKED)
                    ? new ModelSpec(cell, d, h, layers, o, HeadMode.LAST, Loss.MEAN_SQUARED_ERROR)
                    : head.equals(LAST_CE)
                    ? new ModelSpec(cell, d, h, layers, o, HeadMode.LAST, Loss.SOFTMAX_CROSS_ENTROPY)
                    : new ModelSpec(cell, d, h, layers, o, HeadMode.EVERY_STEP, Loss.SOFTMAX_CROSS_ENTROPY);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name, "metadata: " + e.getMessage());
        }
        boolean tokens = file.meta("vocabulary").isPresent();
        int vocabulary = tokens ? m.size("vocabulary", ModelSpec.MAX_UNITS) : 0;
        SequenceModel model = tokens ? SequenceModel.withEmbedding(spec, vocabulary, paddingIdx(vocabulary))
                : new SequenceModel(spec);
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            load(e.getKey(), e.getValue());
        }
        SequenceInput in = tokens ? SequenceInput.oneHot(classes("input", vocabulary, batch, steps), steps, batch,
                vocabulary) : SequenceInput.dense(Layout.toTimeMajor(values("input", batch, steps, d), batch, steps,
                d), steps, batch, d);
        Batch b;
        if (head.equals(LAST_CE)) {
            b = Batch.ofClasses(in, classes("target", o, batch, 1));
        } else if (spec.head() == HeadMode.LAST) {
            double[] y = values("target", batch, o);
            b = new Batch(in, y, null, head.equals(PACKED) ? lengths(batch, steps) : null);
        } else {
            b = Batch.ofClasses(in, classes("target", o, batch, steps));
        }
        double loss = model.forward(b);
        model.backward();
        Map<String, Tensor> out = new LinkedHashMap<>();
        double[] pred = model.predictions();
        if (spec.head() == HeadMode.LAST) {
            out.put("prediction", f64("prediction", pred, batch, o));
        } else {
            out.put("prediction", f64("prediction", Layout.toBatchFirst(pred, batch, steps, o), batch, steps, o));
        }
        int[] lossShape = index.find(EXPECTED + "loss").map(TensorInfo::shape).orElse(new int[] {1});
        out.put("loss", Tensor.f64("loss", lossShape, new double[] {loss}));
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            String key = "grad." + e.getKey();
            out.put(key, Tensor.f64(key, e.getValue().shape(), e.getValue().gradData().clone()));
        }
        return out;
    }

    private Map<String, Tensor> optimizer() throws ModelFileException, SafeTensorsException {
        Meta m = new Meta(index);
        String which = m.text("optimizer");
        int steps = m.size("steps", MAX_STEPS);
        double lr = m.number("lr");
        Tensor start = file.tensor("param");
        if (start.rank() != 1) {
            throw new ModelFileException(name, "tensor 'param' must be a vector, has shape "
                    + Arrays.toString(start.shape()));
        }
        int n = start.shape()[0];
        double[] grads = values("grads", steps, n);
        Optimizer opt = switch (which) {
            case "adam" -> {
                double[] betas = m.numbers("betas", 2);
                double eps = m.number("eps");
                Flavour f = file.meta("flavour").orElse("torch").equals("keras") ? Flavour.KERAS : Flavour.TORCH;
                yield new Adam(lr, betas[0], betas[1], eps, f);
            }
            case "sgd" -> new Sgd(lr, file.meta("momentum").isPresent() ? m.number("momentum") : 0.0);
            default -> throw new ModelFileException(name, "unknown optimizer '" + which + "' (expected adam or sgd)");
        };
        Param p = new Param("param", n);
        System.arraycopy(finite("param", start.doubles()), 0, p.data(), 0, n);
        double[] params = new double[steps * n];
        for (int s = 0; s < steps; s++) {
            System.arraycopy(grads, s * n, p.gradData(), 0, n);
            opt.step(List.of(p));
            System.arraycopy(p.data(), 0, params, s * n, n);
        }
        return Map.of("params", f64("params", params, steps, n));
    }

    // ---------------------------------------------------------------------------------------------------------

    /** The sizes in a recurrent or model case's metadata, each in its range (a model's output size; else 0). */
    private record Sizes(CellType cell, int layers, int d, int h, int steps, int batch, int o) {
        static Sizes of(Meta m, boolean model) throws ModelFileException {
            CellType cell = m.cell();
            int layers = !model || m.index().meta("num_layers").isPresent()
                    ? m.size("num_layers", ModelSpec.MAX_LAYERS) : 1;
            return new Sizes(cell, layers, m.size("input_size", ModelSpec.MAX_UNITS),
                    m.size("hidden_size", ModelSpec.MAX_UNITS), m.size("seq_len", Integer.MAX_VALUE),
                    m.size("batch", Integer.MAX_VALUE), model ? m.size("output_size", ModelSpec.MAX_UNITS) : 0);
        }

        /** Traces and gradients of a forward and backward pass, and the copies of them the results hold. */
        long passBytes() {
            return MemoryBudget.product(2, ModelSpec.passBytes(cell, h, layers, steps, batch));
        }
    }

    /** The metadata of a case, read with errors that name the file, the key and the value. */
    private record Meta(SafeTensorsIndex index) {
        String text(String key) throws ModelFileException {
            return index.meta(key).orElseThrow(() -> new ModelFileException(index.source(), "metadata lacks '"
                    + key + "'"));
        }

        CellType cell() throws ModelFileException {
            String c = text("cell");
            try {
                return CellType.parse(c);
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(index.source(), "metadata 'cell': " + e.getMessage());
            }
        }

        /** A whole number in 1..max. */
        int size(String key, int max) throws ModelFileException {
            String v = text(key).trim();
            if (!v.matches("[+]?\\d{1,18}")) {
                throw new ModelFileException(index.source(), "metadata '" + key + "' = '" + JsonWriter.abbreviate(v)
                        + "' is not a whole number");
            }
            long n = Long.parseLong(v);
            if (n < 1 || n > max) {
                throw new ModelFileException(index.source(), "metadata '" + key + "' = " + n + " is outside 1.."
                        + max);
            }
            return (int) n;
        }

        double number(String key) throws ModelFileException {
            String v = text(key);
            try {
                return Double.parseDouble(v.trim());
            } catch (NumberFormatException e) {
                throw new ModelFileException(index.source(), "metadata '" + key + "' = '"
                        + JsonWriter.abbreviate(v) + "' is not a number");
            }
        }

        double[] numbers(String key, int count) throws ModelFileException {
            String[] parts = text(key).split(",", -1);
            if (parts.length != count) {
                throw new ModelFileException(index.source(), "metadata '" + key + "' must hold " + count
                        + " numbers separated by commas");
            }
            double[] out = new double[count];
            for (int i = 0; i < count; i++) {
                try {
                    out[i] = Double.parseDouble(parts[i].trim());
                } catch (NumberFormatException e) {
                    throw new ModelFileException(index.source(), "metadata '" + key + "': '"
                            + JsonWriter.abbreviate(parts[i]) + "' is not a number");
                }
            }
            return out;
        }
    }

    /** {@code padding_idx}, the embedding row that gets no gradient: absent or {@code none} for no such row. */
    private int paddingIdx(int vocabulary) throws ModelFileException {
        String v = file.meta("padding_idx").orElse("none").trim();
        if (v.equals("none")) {
            return Embedding.NO_PADDING;
        }
        if (!v.matches("\\d{1,9}") || Integer.parseInt(v) >= vocabulary) {
            throw new ModelFileException(name, "metadata 'padding_idx' = '" + JsonWriter.abbreviate(v)
                    + "' is not none nor an id in 0.." + (vocabulary - 1));
        }
        return Integer.parseInt(v);
    }

    /**
     * Integers (B, T) or (B) (steps = 1), each in [0, limit), time-major: class targets, or token ids.
     */
    private int[] classes(String tensor, int limit, int batch, int steps)
            throws SafeTensorsException, ModelFileException {
        long[] raw = (steps == 1 && tensor.equals("target") ? file.require(tensor, batch)
                : file.require(tensor, batch, steps)).longs();
        int[] out = new int[steps * batch];
        for (int s = 0; s < batch; s++) {
            for (int k = 0; k < steps; k++) {
                long c = raw[s * steps + k];
                if (c < 0 || c >= limit) {
                    throw new ModelFileException(name, "tensor '" + tensor + "': " + c + " at [" + s + "," + k
                            + "] is outside 0.." + (limit - 1));
                }
                out[k * batch + s] = (int) c;
            }
        }
        return out;
    }

    /** The tensor's values, checked to have exactly this shape and no NaN or infinity. */
    /** The {@code lengths} of a packed case: each sequence's real length, 1 … T. */
    private int[] lengths(int batch, int steps) throws SafeTensorsException, ModelFileException {
        long[] raw = file.require("lengths", batch).longs();
        int[] lengths = new int[batch];
        for (int s = 0; s < batch; s++) {
            if (raw[s] < 1 || raw[s] > steps) {
                throw new ModelFileException(name, "tensor 'lengths': " + raw[s] + " at [" + s + "] is outside 1.."
                        + steps);
            }
            lengths[s] = (int) raw[s];
        }
        return lengths;
    }

    private double[] values(String tensor, int... shape) throws SafeTensorsException, ModelFileException {
        return finite(tensor, file.require(tensor, shape).doubles());
    }

    private double[] finite(String tensor, double[] v) throws ModelFileException {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) {
                throw new ModelFileException(name, "tensor '" + tensor + "' holds " + v[i] + " at flat index " + i);
            }
        }
        return v;
    }

    private void load(String tensor, Param p) throws SafeTensorsException, ModelFileException {
        double[] v = values(tensor, p.shape());
        System.arraycopy(v, 0, p.data(), 0, v.length);
    }

    private static Tensor f64(String name, double[] data, int... shape) {
        return Tensor.f64(name, shape, data);
    }
}
