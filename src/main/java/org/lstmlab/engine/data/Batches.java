package org.lstmlab.engine.data;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.lstmlab.engine.nn.Batch;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.SequenceInput;

/**
 * Turns samples into the engine's time-major batches. Sequences in a batch must have the same length, so samples
 * are grouped by length first (most tasks have one length; the adding problem and the Reber grammar have several).
 * Samples zero-padded to one length ({@link Sample#isPadded}) share a batch, which carries their real lengths.
 */
public final class Batches {
    private Batches() {
    }

    /**
     * The samples in batches of at most {@code batchSize}, each of one length, shuffled with {@code rng} (or in
     * order when null). The same rng state gives the same batches.
     */
    public static List<List<Sample>> plan(List<Sample> samples, int batchSize, SplittableRandom rng) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
        }
        List<Sample> order = new ArrayList<>(samples);
        if (rng != null) {
            for (int i = order.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                Sample tmp = order.get(i);
                order.set(i, order.get(j));
                order.set(j, tmp);
            }
        }
        Map<Integer, List<Sample>> byLength = new LinkedHashMap<>();
        for (Sample s : order) {
            byLength.computeIfAbsent(s.steps(), k -> new ArrayList<>()).add(s);
        }
        List<List<Sample>> batches = new ArrayList<>();
        for (List<Sample> group : byLength.values()) {
            for (int i = 0; i < group.size(); i += batchSize) {
                batches.add(group.subList(i, Math.min(group.size(), i + batchSize)));
            }
        }
        if (rng != null) {
            for (int i = batches.size() - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                List<Sample> tmp = batches.get(i);
                batches.set(i, batches.get(j));
                batches.set(j, tmp);
            }
        } else {
            batches.sort(Comparator.comparingInt(b -> b.get(0).steps()));
        }
        return batches;
    }

    /** One engine batch from samples of equal length, time-major. */
    public static Batch toBatch(List<Sample> samples, HeadMode head, int outputSize) {
        return toBatch(samples, head, outputSize, null);
    }

    /**
     * One engine batch from samples of equal length, written into {@code reuse}'s arrays when it has exactly the
     * same shape (and then returned itself), so that training allocates nothing per step once every batch shape
     * has been seen; otherwise a new batch. {@code reuse} must not be in use elsewhere.
     */
    public static Batch toBatch(List<Sample> samples, HeadMode head, int outputSize, Batch reuse) {
        return toBatch(samples, 0, samples.size(), head, outputSize, reuse);
    }

    /** {@link #toBatch(List, HeadMode, int, Batch)} of {@code samples[from, to)}, without a sub-list. */
    public static Batch toBatch(List<Sample> samples, int from, int to, HeadMode head, int outputSize,
                                Batch reuse) {
        if (reuse != null && fill(samples, from, to, head, outputSize, reuse)) {
            return reuse;
        }
        return build(samples.subList(from, to), head, outputSize);
    }

    /** Refills {@code into} when samples[from, to) have its shape; false (and nothing written) otherwise. */
    private static boolean fill(List<Sample> samples, int from, int to, HeadMode head, int outputSize, Batch into) {
        Sample first = samples.get(from);
        SequenceInput in = into.input();
        int steps = first.steps();
        int b = to - from;
        boolean every = head == HeadMode.EVERY_STEP;
        int rows = every ? steps * b : b;
        boolean classes = first.classes() != null;
        boolean padded = anyPadded(samples, from, to);
        if (padded != (into.lengths() != null) || in.steps() != steps || in.batch() != b
                || in.size() != first.size() || in.isOneHot() != first.isOneHot() || in.offset() != 0
                || classes != (into.classes() != null)
                || (classes ? into.classes().length != rows : into.targets().length != rows * outputSize)) {
            return false;
        }
        for (int s = from; s < to; s++) {
            check(samples.get(s), steps, first.size());
        }
        int d = first.size();
        for (int s = 0; s < b; s++) {
            Sample sample = samples.get(from + s);
            if (padded) {
                into.lengths()[s] = sample.length();
            }
            if (first.isOneHot()) {
                int[] tk = sample.tokens();
                for (int t = 0; t < steps; t++) {
                    if (tk[t] < 0 || tk[t] >= d) {
                        throw new IllegalArgumentException("token " + tk[t] + " is outside the vocabulary of " + d);
                    }
                    in.tokens()[t * b + s] = tk[t];
                }
            } else {
                for (int t = 0; t < steps; t++) {  // not x(): a window of a series would be copied every t
                    sample.copyStep(t, in.dense(), (t * b + s) * d);
                }
            }
            if (classes) {
                int[] c = sample.classes();
                if (every) {
                    for (int t = 0; t < steps; t++) {
                        into.classes()[t * b + s] = c[t];
                    }
                } else {
                    into.classes()[s] = c[c.length - 1];
                }
            } else {
                double[] y = sample.target();
                if (every) {
                    for (int t = 0; t < steps; t++) {
                        System.arraycopy(y, t * outputSize, into.targets(), (t * b + s) * outputSize, outputSize);
                    }
                } else {
                    System.arraycopy(y, y.length - outputSize, into.targets(), s * outputSize, outputSize);
                }
            }
        }
        return true;
    }

    private static boolean anyPadded(List<Sample> samples, int from, int to) {
        for (int s = from; s < to; s++) {
            if (samples.get(s).isPadded()) {
                return true;
            }
        }
        return false;
    }

    private static Batch build(List<Sample> samples, HeadMode head, int outputSize) {
        Sample first = samples.get(0);
        int steps = first.steps();
        int d = first.size();
        int b = samples.size();
        int[] lengths = null;
        if (anyPadded(samples, 0, b)) {
            lengths = new int[b];
            for (int s = 0; s < b; s++) {
                lengths[s] = samples.get(s).length();
            }
        }
        SequenceInput input;
        if (first.isOneHot()) {
            int[] tokens = new int[steps * b];
            for (int s = 0; s < b; s++) {
                int[] tk = check(samples.get(s), steps, d).tokens();
                for (int t = 0; t < steps; t++) {
                    tokens[t * b + s] = tk[t];
                }
            }
            input = SequenceInput.oneHot(tokens, steps, b, d);
        } else {
            double[] x = new double[steps * b * d];
            for (int s = 0; s < b; s++) {
                Sample sample = check(samples.get(s), steps, d);
                for (int t = 0; t < steps; t++) {
                    sample.copyStep(t, x, (t * b + s) * d);
                }
            }
            input = SequenceInput.dense(x, steps, b, d);
        }
        boolean every = head == HeadMode.EVERY_STEP;
        if (first.classes() != null) {
            int[] classes = new int[every ? steps * b : b];
            for (int s = 0; s < b; s++) {
                int[] c = samples.get(s).classes();
                if (every) {
                    for (int t = 0; t < steps; t++) {
                        classes[t * b + s] = c[t];
                    }
                } else {
                    classes[s] = c[c.length - 1];
                }
            }
            return new Batch(input, null, classes, lengths);
        }
        int o = outputSize;
        double[] targets = new double[(every ? steps * b : b) * o];
        for (int s = 0; s < b; s++) {
            double[] y = samples.get(s).target();
            if (every) {
                for (int t = 0; t < steps; t++) {
                    System.arraycopy(y, t * o, targets, (t * b + s) * o, o);
                }
            } else {
                System.arraycopy(y, y.length - o, targets, s * o, o);
            }
        }
        return new Batch(input, targets, null, lengths);
    }

    private static Sample check(Sample s, int steps, int size) {
        if (s.steps() != steps || s.size() != size) {
            throw new IllegalArgumentException("a batch needs samples of one shape: T=" + steps + " D=" + size
                    + ", got T=" + s.steps() + " D=" + s.size());
        }
        return s;
    }
}
