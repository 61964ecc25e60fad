package org.lstmlab.engine.io;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.CellType;
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
 * Runs a reference case (shared/golden/FORMAT.md: kinds {@code recurrent}, {@code model}, {@code optimizer})
 * through the engine and returns what it computed under the names of the case's {@code expected.} tensors without
 * that prefix. It never reads the expected tensors. Every check of the case's shapes and values happens before
 * anything is computed, with an error naming the file, the tensor and the reason.
 */
public final class CaseRunner {
    private final SafeTensorsFile file;
    private final String name;

    private CaseRunner(SafeTensorsFile file) {
        this.file = file;
        this.name = file.source();
    }

    public static Map<String, Tensor> run(SafeTensorsFile file) throws ModelFileException, SafeTensorsException {
        CaseRunner r = new CaseRunner(file);
        String kind = r.meta("kind");
        return switch (kind) {
            case "recurrent" -> r.recurrent();
            case "model" -> r.model();
            case "optimizer" -> r.optimizer();
            default -> throw new ModelFileException(r.name, "unknown case kind '" + kind
                    + "' (expected recurrent, model or optimizer)");
        };
    }

    private Map<String, Tensor> recurrent() throws ModelFileException, SafeTensorsException {
        CellType cell = cell();
        int layers = positive("num_layers");
        int d = positive("input_size");
        int h = positive("hidden_size");
        int steps = positive("seq_len");
        int batch = positive("batch");
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
                out.put("gates_l" + k, f64("gates_l" + k, Layout.toBatchFirst(gates, batch, steps, g), batch, steps, g));
            }
            if (cell.hasCellState()) {
                double[] cells = Arrays.copyOfRange(tr.cellState(), bh, bh + steps * bh);
                out.put("cells_l" + k, f64("cells_l" + k, Layout.toBatchFirst(cells, batch, steps, h), batch, steps, h));
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
        String head = meta("head");
        CellType cell = cell();
        int d = positive("input_size");
        int h = positive("hidden_size");
        int steps = positive("seq_len");
        int batch = positive("batch");
        int o = positive("output_size");
        int layers = file.meta("num_layers").isPresent() ? positive("num_layers") : 1;
        ModelSpec spec = switch (head) {
            case "last_sigmoid_bce" -> new ModelSpec(cell, d, h, layers, o, HeadMode.LAST, Loss.BINARY_CROSS_ENTROPY);
            case "seq_softmax_ce" -> new ModelSpec(cell, d, h, layers, o, HeadMode.EVERY_STEP,
                    Loss.SOFTMAX_CROSS_ENTROPY);
            default -> throw new ModelFileException(name, "unknown head '" + head
                    + "' (expected last_sigmoid_bce or seq_softmax_ce)");
        };
        SequenceModel model = new SequenceModel(spec);
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            load(e.getKey(), e.getValue());
        }
        double[] x = Layout.toTimeMajor(values("input", batch, steps, d), batch, steps, d);
        SequenceInput in = SequenceInput.dense(x, steps, batch, d);
        Batch b;
        if (spec.head() == HeadMode.LAST) {
            double[] y = values("target", batch, o);
            b = Batch.ofValues(in, y);
        } else {
            Tensor t = file.require("target", batch, steps);
            long[] raw = t.longs();
            int[] classes = new int[steps * batch];
            for (int s = 0; s < batch; s++) {
                for (int k = 0; k < steps; k++) {
                    long c = raw[s * steps + k];
                    if (c < 0 || c >= o) {
                        throw new ModelFileException(name, "tensor 'target': class " + c + " at [" + s + "," + k
                                + "] is outside 0.." + (o - 1));
                    }
                    classes[k * batch + s] = (int) c;
                }
            }
            b = Batch.ofClasses(in, classes);
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
        int[] lossShape = file.find("expected.loss").map(Tensor::shape).orElse(new int[] {1});
        out.put("loss", Tensor.f64("loss", lossShape, new double[] {loss}));
        for (Map.Entry<String, Param> e : model.namedParameters().entrySet()) {
            String key = "grad." + e.getKey();
            out.put(key, Tensor.f64(key, e.getValue().shape(), e.getValue().gradData().clone()));
        }
        return out;
    }

    private Map<String, Tensor> optimizer() throws ModelFileException, SafeTensorsException {
        String which = meta("optimizer");
        int steps = positive("steps");
        double lr = number("lr");
        Tensor start = file.tensor("param");
        if (start.rank() != 1) {
            throw new ModelFileException(name, "tensor 'param' must be a vector, has shape "
                    + Arrays.toString(start.shape()));
        }
        int n = start.shape()[0];
        double[] grads = values("grads", steps, n);
        Optimizer opt = switch (which) {
            case "adam" -> {
                double[] betas = numbers("betas", 2);
                double eps = number("eps");
                Flavour f = file.meta("flavour").orElse("torch").equals("keras") ? Flavour.KERAS : Flavour.TORCH;
                yield new Adam(lr, betas[0], betas[1], eps, f);
            }
            case "sgd" -> new Sgd(lr, file.meta("momentum").isPresent() ? number("momentum") : 0.0);
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

    private String meta(String key) throws ModelFileException {
        return file.meta(key).orElseThrow(() -> new ModelFileException(name, "metadata lacks '" + key + "'"));
    }

    private CellType cell() throws ModelFileException {
        String c = meta("cell");
        try {
            return CellType.parse(c);
        } catch (IllegalArgumentException e) {
            throw new ModelFileException(name, "metadata 'cell': " + e.getMessage());
        }
    }

    private int positive(String key) throws ModelFileException {
        String v = meta(key);
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1 || n > 100_000) {
                throw new ModelFileException(name, "metadata '" + key + "' = " + n + " is out of range");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ModelFileException(name, "metadata '" + key + "' = '" + v + "' is not a whole number");
        }
    }

    private double number(String key) throws ModelFileException {
        String v = meta(key);
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new ModelFileException(name, "metadata '" + key + "' = '" + v + "' is not a number");
        }
    }

    private double[] numbers(String key, int count) throws ModelFileException {
        String[] parts = meta(key).split(",");
        if (parts.length != count) {
            throw new ModelFileException(name, "metadata '" + key + "' must hold " + count + " numbers");
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            try {
                out[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new ModelFileException(name, "metadata '" + key + "': '" + parts[i] + "' is not a number");
            }
        }
        return out;
    }

    /** The tensor's values, checked to have exactly this shape and no NaN or infinity. */
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
