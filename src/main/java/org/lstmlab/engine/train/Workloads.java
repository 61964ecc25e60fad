package org.lstmlab.engine.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.lstmlab.engine.data.Dataset;
import org.lstmlab.engine.data.Sample;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.optim.Flavour;

/**
 * The training-throughput workloads of the peer benchmark (docs/bench/WORKLOADS.md): full training steps
 * (forward, backpropagation through time, Adam) on one fixed batch, as {@code torch_peer.py} runs them.
 */
public final class Workloads {
    /**
     * One workload.
     *
     * @param oneHot whether the input is one-hot characters (a row gather instead of a product)
     */
    public record Workload(String name, CellType cell, int inputSize, int hidden, int layers, int steps, int batch,
                           HeadMode head, int outputs, boolean oneHot) {
        public ModelSpec spec() {
            Loss loss = head == HeadMode.LAST ? Loss.BINARY_CROSS_ENTROPY : Loss.SOFTMAX_CROSS_ENTROPY;
            return new ModelSpec(cell, inputSize, hidden, layers, outputs, head, loss);
        }
    }

    /** The result of timing one workload. */
    public record Measurement(Workload workload, int threads, long batches, double seconds, String kernel) {
        public double msPerBatch() {
            return 1000 * seconds / batches;
        }

        public double samplesPerSecond() {
            return batches * workload.batch() / seconds;
        }
    }

    public static final List<Workload> ALL = List.of(
            new Workload("W1", CellType.LSTM, 1, 50, 1, 10, 32, HeadMode.LAST, 1, false),
            new Workload("W2", CellType.LSTM, 65, 128, 1, 64, 32, HeadMode.EVERY_STEP, 65, true),
            new Workload("W3", CellType.LSTM, 128, 256, 2, 50, 64, HeadMode.LAST, 1, false),
            new Workload("W4", CellType.GRU, 65, 128, 1, 64, 32, HeadMode.EVERY_STEP, 65, true));

    private Workloads() {
    }

    public static Workload byName(String name) {
        for (Workload w : ALL) {
            if (w.name().equalsIgnoreCase(name)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "' (expected W1, W2, W3 or W4)");
    }

    /** The fixed batch of a workload, as a one-batch dataset, from a seed. */
    public static Dataset batchOf(Workload w, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<Sample> samples = new ArrayList<>();
        for (int b = 0; b < w.batch(); b++) {
            if (w.oneHot()) {
                int[] tokens = new int[w.steps()];
                int[] classes = new int[w.steps()];
                for (int t = 0; t < w.steps(); t++) {
                    tokens[t] = rng.nextInt(w.inputSize());
                    classes[t] = rng.nextInt(w.outputs());
                }
                samples.add(Sample.tokens(tokens, w.inputSize(), classes));
            } else {
                double[] x = new double[w.steps() * w.inputSize()];
                for (int i = 0; i < x.length; i++) {
                    x[i] = rng.nextGaussian();
                }
                samples.add(Sample.dense(x, w.steps(), w.inputSize(), rng.nextBoolean() ? 1.0 : 0.0));
            }
        }
        Loss loss = w.spec().loss();
        return new Dataset(w.name(), samples, List.of(), w.inputSize(), w.outputs(), w.head(), loss, List.of());
    }

    /** Trains the workload's batch for about {@code seconds} after a warm-up, with Adam (PyTorch's). */
    public static Measurement run(Workload w, int threads, double seconds, String kernel) {
        Dataset data = batchOf(w, 0);
        SequenceModel model = new SequenceModel(w.spec());
        Initializers.initialize(model, Initializers.Scheme.TORCH, 0);
        TrainingConfig cfg = TrainingConfig.builder().epochs(TrainingConfig.MAX_EPOCHS).batchSize(w.batch())
                .flavour(Flavour.TORCH).seed(0).threads(threads).shards(Math.min(threads, w.batch())).build();
        try (Trainer trainer = new Trainer(model, data, cfg)) {
            long warmEnd = System.nanoTime() + (long) (Math.min(3.0, Math.max(0.5, seconds / 2)) * 1e9);
            int warm = 0;
            while (warm < 15 || System.nanoTime() < warmEnd) {
                trainer.step();
                warm++;
            }
            long start = System.nanoTime();
            long end = start + (long) (seconds * 1e9);
            long n = 0;
            do {
                trainer.step();
                n++;
            } while (System.nanoTime() < end);
            double el = (System.nanoTime() - start) / 1e9;
            return new Measurement(w, threads, n, el, kernel);
        }
    }

    /** A one-line description of the workload's shape. */
    public static String describe(Workload w) {
        return String.format(Locale.ROOT, "%s D=%d%s H=%d L=%d T=%d B=%d", w.cell().id(), w.inputSize(),
                w.oneHot() ? " (one-hot)" : "", w.hidden(), w.layers(), w.steps(), w.batch());
    }
}
