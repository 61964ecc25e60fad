package org.lstmlab.engine.interop;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

import org.lstmlab.engine.io.AtomicFiles;
import org.lstmlab.engine.io.Layout;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.Tensor;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.RecurrentStack;
import org.lstmlab.engine.nn.SequenceInput;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.text.Counted;
import org.lstmlab.engine.trace.Direction;
import org.lstmlab.engine.trace.Trace;

/**
 * A whole trace in a file, for homework: every layer, step t (from 0), sequence b, symbol and unit. The extension
 * picks the format: {@code .csv} long format ({@code layer,t,b,symbol,unit,value}), {@code .json}
 * ({@code values[layer][symbol][t][b][unit]}), or {@code .safetensors} with the names {@code forward} uses
 * ({@code outputs_l{k}}, {@code gates_l{k}}, {@code cells_l{k}}, {@code output}) plus every symbol as
 * {@code trace.l{k}.<symbol>}, each (B, T, width).
 */
public final class TraceExport {
    /** Bound on the values of one exported trace. */
    public static final long MAX_VALUES = 50_000_000L;

    private TraceExport() {
    }

    /**
     * The values a trace of {@code batch} sequences of {@code steps} holds: for every layer, step and sequence,
     * every symbol's vector ({@link Trace#symbolsOf}; x and dx have the layer's input width, da G·H, the rest H).
     */
    public static long values(ModelSpec s, int batch, int steps, boolean backward) {
        List<String> syms = new ArrayList<>(Trace.symbolsOf(s.cell(), Direction.FORWARD));
        if (backward) {
            syms.addAll(Trace.symbolsOf(s.cell(), Direction.BACKWARD));
        }
        long perStep = 0;
        for (int k = 0; k < s.numLayers(); k++) {
            for (String sym : syms) {
                perStep += switch (sym) {
                    case "x", "dx" -> k == 0 ? s.inputSize() : s.hiddenSize();
                    case "da" -> (long) s.cell().gateCount() * s.hiddenSize();
                    default -> s.hiddenSize();
                };
            }
        }
        return perStep * steps * batch;
    }

    /**
     * Bytes recording and writing such a trace takes: its values once as the engine keeps them, once more when a
     * {@code .safetensors} file gathers them into tensors (CSV and JSON are written value by value), and the input.
     */
    public static long bytes(ModelSpec s, int batch, int steps, boolean backward, Path out) {
        long copies = SequenceFiles.extension(out).equals("safetensors") ? 2 : 1;
        return 8 * (copies * values(s, batch, steps, backward) + 2L * batch * steps * s.inputSize());
    }

    /**
     * Refuses, before anything runs, a trace that would hold more than {@link #MAX_VALUES} values or not fit in the
     * memory left, with both sizes and how many sequences would fit ({@code fewer} words the hint from that
     * number, which is 0 when not even one sequence fits).
     */
    public static void check(ModelSpec s, int batch, int steps, boolean backward, Path out, IntFunction<String> fewer) {
        long need = bytes(s, batch, steps, backward, out);
        check(s, batch, steps, backward, out, fewer, InteropMemory.fitsNow(need) ? need : InteropMemory.available());
    }

    /** {@link #check} against {@code available} bytes. */
    static void check(ModelSpec s, int batch, int steps, boolean backward, Path out, IntFunction<String> fewer,
            long available) {
        long values = values(s, batch, steps, backward);
        String what = String.format(Locale.ROOT, "%s: the %s trace of %s × %d steps (%s of %d "
                + "%s units)", out, backward ? "forward and backward" : "forward", Counted.of(batch, "sequence"), steps,
                Counted.of(s.numLayers(), "layer"),
                s.hiddenSize(), s.cell().id());
        if (values > MAX_VALUES) {
            long perSequence = Math.max(1, values / batch);
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s holds %,d values, more than the %,d "
                    + "a trace file may hold; %s", what, values, MAX_VALUES,
                    fewer.apply((int) Math.min(batch - 1, MAX_VALUES / perSequence))));
        }
        long need = bytes(s, batch, steps, backward, out);
        if (need > available) {
            long fit = available / Math.max(1, need / batch);
            throw new IllegalArgumentException(what + " needs about " + InteropMemory.bytes(need) + "; this Java may "
                    + "use " + InteropMemory.bytes(available) + " more (maximum heap "
                    + InteropMemory.bytes(InteropMemory.maxHeap()) + "); "
                    + fewer.apply((int) Math.min(batch - 1, fit)) + ", or give Java more memory (-Xmx)");
        }
    }

    /**
     * Runs the model's recurrent layers on x (batch-first) and records the trace; with {@code backward}, also the
     * backward pass of L = Σ_j h_T[j] of the top layer (the debugger's default loss). For padded sequences, with
     * {@code lengths} (B, each 0 … T; null when each holds T) the backward
     * pass is that of L = Σ_b Σ_j h_{length_b}[j], so it starts at each sequence's own last real step, as it does
     * after PyTorch's {@code pack_padded_sequence}; the steps after it get no gradient.
     */
    public static Trace run(SequenceModel model, double[] x, int batch, int steps, int[] lengths,
                            boolean backward) {
        var s = model.spec();
        RecurrentStack stack = model.replica().rnn();
        int d = s.inputSize();
        stack.forward(SequenceInput.dense(Layout.toTimeMajor(x, batch, steps, d), steps, batch, d), null, null);
        if (!backward) {
            return Trace.forwardOnly(stack);
        }
        int h = s.hiddenSize();
        double[] dy = new double[steps * batch * h];
        for (int b = 0; b < batch; b++) {
            int last = lengths == null ? steps : lengths[b];
            if (last > 0) {
                java.util.Arrays.fill(dy, ((last - 1) * batch + b) * h, ((last - 1) * batch + b + 1) * h, 1.0);
            }
        }
        stack.backward(dy, null, null, true);
        return Trace.withGradients(stack);
    }

    public static void write(Path file, Trace tr) throws IOException {
        write(file, tr, null);
    }

    /**
     * Writes the trace of sequences of {@code lengths} real steps (null when each holds T): a {@code .csv} file holds
     * only the real steps' rows (sequence b's last t is its length − 1); {@code .json} and {@code .safetensors} keep
     * their (T, B) and (B, T) shapes, with {@code lengths} beside the values and 0 at every step after a length, as
     * PyTorch's {@code pad_packed_sequence} fills them.
     */
    public static void write(Path file, Trace tr, int[] lengths) throws IOException {
        long count = 0;
        for (String sym : symbols(tr)) {
            for (int k = 0; k < tr.layers(); k++) {
                count += (long) tr.size(sym, k) * tr.steps() * tr.batch();
            }
        }
        if (count > MAX_VALUES) {
            throw new IllegalArgumentException(file + ": the trace holds " + count + " values, more than "
                    + MAX_VALUES + "; use fewer sequences or steps");
        }
        switch (SequenceFiles.extension(file)) {
            case "csv" -> AtomicFiles.write(file, out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                w.write("layer,t,b,symbol,unit,value\n");
                for (int k = 0; k < tr.layers(); k++) {
                    for (int t = 0; t < tr.steps(); t++) {
                        for (int b = 0; b < tr.batch(); b++) {
                            if (lengths != null && t >= lengths[b]) {
                                continue;
                            }
                            for (String sym : symbols(tr)) {
                                double[] v = tr.vector(sym, k, t, b);
                                for (int u = 0; u < v.length; u++) {
                                    w.write(k + "," + t + "," + b + "," + sym + "," + u + "," + v[u] + "\n");
                                }
                            }
                        }
                    }
                }
                w.flush();
            });
            case "json" -> AtomicFiles.write(file, out -> {
                Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                w.write(String.format(Locale.ROOT, "{\"cell\": \"%s\", \"layers\": %d, \"steps\": %d, \"batch\": %d, "
                        + "\"hidden_size\": %d, \"backward\": %b, \"index\": \"values[layer][symbol][t][b][unit]\", ",
                        tr.cell().id(), tr.layers(), tr.steps(), tr.batch(), tr.hiddenSize(),
                        tr.hasGradients()));
                if (lengths != null) {
                    w.write("\"lengths\": " + java.util.Arrays.toString(lengths) + ", ");
                }
                w.write("\"values\": [");
                for (int k = 0; k < tr.layers(); k++) {
                    w.write(k == 0 ? "{" : ", {");
                    List<String> syms = symbols(tr);
                    for (int i = 0; i < syms.size(); i++) {
                        w.write((i == 0 ? "\"" : ", \"") + syms.get(i) + "\": [");
                        for (int t = 0; t < tr.steps(); t++) {
                            w.write(t == 0 ? "[" : ", [");
                            for (int b = 0; b < tr.batch(); b++) {
                                w.write(b == 0 ? "[" : ", [");
                                double[] v = vector(tr, lengths, syms.get(i), k, t, b);
                                for (int u = 0; u < v.length; u++) {
                                    w.write((u == 0 ? "" : ", ") + json(v[u]));
                                }
                                w.write("]");
                            }
                            w.write("]");
                        }
                        w.write("]");
                    }
                    w.write("}");
                }
                w.write("]}\n");
                w.flush();
            });
            case "safetensors" -> SafeTensors.write(file, tensors(tr, lengths), Map.of("kind", "trace", "cell",
                    tr.cell().id(), "backward", Boolean.toString(tr.hasGradients()), "padded",
                    Boolean.toString(lengths != null)));
            default -> throw new IllegalArgumentException(file + ": a trace is written as .csv, .json or .safetensors");
        }
    }

    private static String json(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }

    static List<String> symbols(Trace tr) {
        List<String> s = new ArrayList<>(tr.symbols(Direction.FORWARD));
        if (tr.hasGradients()) {
            s.addAll(tr.symbols(Direction.BACKWARD));
        }
        return s;
    }

    /** A symbol's vector, or zeros at a step after sequence b's length. */
    private static double[] vector(Trace tr, int[] lengths, String sym, int k, int t, int b) {
        double[] v = tr.vector(sym, k, t, b);
        return lengths != null && t >= lengths[b] ? new double[v.length] : v;
    }

    private static Map<String, Tensor> tensors(Trace tr, int[] lengths) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        if (lengths != null) {
            long[] n = java.util.Arrays.stream(lengths).asLongStream().toArray();
            out.put("lengths", Tensor.i64("lengths", new int[] {n.length}, n));
        }
        int b = tr.batch();
        int t = tr.steps();
        for (int k = 0; k < tr.layers(); k++) {
            for (String sym : symbols(tr)) {
                int w = tr.size(sym, k);
                double[] v = new double[b * t * w];
                for (int bi = 0; bi < b; bi++) {
                    for (int ti = 0; ti < t; ti++) {
                        System.arraycopy(vector(tr, lengths, sym, k, ti, bi), 0, v, (bi * t + ti) * w, w);
                    }
                }
                String name = "trace.l" + k + "." + sym;
                out.put(name, Tensor.f64(name, new int[] {b, t, w}, v));
                if (sym.equals("h")) {
                    out.put("outputs_l" + k, Tensor.f64("outputs_l" + k, new int[] {b, t, w}, v));
                    if (k == tr.layers() - 1) {
                        out.put("output", Tensor.f64("output", new int[] {b, t, w}, v));
                    }
                }
                if (sym.equals("c")) {
                    out.put("cells_l" + k, Tensor.f64("cells_l" + k, new int[] {b, t, w}, v));
                }
            }
            List<String> gates = tr.cell().isSimpleRnn() ? List.of() : tr.cell().gates();
            if (!gates.isEmpty()) {
                int h = tr.hiddenSize();
                int g = gates.size() * h;
                double[] v = new double[b * t * g];
                for (int bi = 0; bi < b; bi++) {
                    for (int ti = 0; ti < t; ti++) {
                        for (int q = 0; q < gates.size(); q++) {
                            System.arraycopy(vector(tr, lengths, gates.get(q), k, ti, bi), 0, v,
                                    (bi * t + ti) * g + q * h, h);
                        }
                    }
                }
                out.put("gates_l" + k, Tensor.f64("gates_l" + k, new int[] {b, t, g}, v));
            }
        }
        return out;
    }
}
