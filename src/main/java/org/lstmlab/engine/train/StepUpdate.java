package org.lstmlab.engine.train;

import java.util.ArrayList;
import java.util.List;

import org.lstmlab.engine.nn.Param;
import org.lstmlab.engine.optim.Optimizer;

/**
 * What a training step does between its shards and the next step, cut into fixed chunks of the parameters so that
 * the trainer's threads can share it:
 * <ol>
 *   <li>{@link #reduce}: the master gradient {@code g = Σ_s w_s·g_s} (shards in order, {@code w_s} = the shard's
 *       share of the batch) and the chunk's sum of squares;</li>
 *   <li>{@link #norm}: the global gradient norm, from the chunks' sums in chunk order;</li>
 *   <li>{@link #update}: the clipping ({@code g ← coef·g}), the copy of the weights that an undo restores, the
 *       optimizer's update and the check that the new weights are finite.</li>
 * </ol>
 * The chunks do not depend on the number of threads (each is at most {@link #CHUNK} elements of one parameter, in
 * parameter order), and every element's arithmetic is that of the serial loops, so the results are the same bits
 * whichever threads run which chunks. Each chunk is still in cache from one pass over it to the next, so a step's
 * update reads the gradients and weights from memory about once rather than once per pass.
 */
final class StepUpdate {
    /** Elements per chunk: 128 KiB of doubles, so that a chunk's arrays stay in L2 across its passes. */
    static final int CHUNK = 16_384;

    private final List<Param> master;
    private final List<Param> kept;
    private final int[] param;
    private final int[] from;
    private final int[] to;
    private final double[] squares;
    private final boolean[] finite;
    private final int elements;

    private List<List<Param>> shardParams;
    private double[] shareOf;
    private int shards;
    private double coef;
    private Optimizer optimizer;

    /**
     * @param master the model's parameters, which receive the reduced gradient and the update
     * @param kept   the parameters of the copy that keeps the weights from before the update, same order and sizes
     */
    StepUpdate(List<Param> master, List<Param> kept) {
        if (kept.size() != master.size()) {
            throw new IllegalArgumentException("the kept copy has " + kept.size() + " parameters, the model "
                    + master.size());
        }
        this.master = master;
        this.kept = kept;
        List<int[]> chunks = new ArrayList<>();
        int total = 0;
        for (int k = 0; k < master.size(); k++) {
            int n = master.get(k).size();
            if (kept.get(k).size() != n) {
                throw new IllegalArgumentException("parameter " + k + " has " + n + " values, its copy "
                        + kept.get(k).size());
            }
            for (int a = 0; a < n; a += CHUNK) {
                chunks.add(new int[] {k, a, Math.min(n, a + CHUNK)});
            }
            total += n;
        }
        this.elements = total;
        int c = chunks.size();
        this.param = new int[c];
        this.from = new int[c];
        this.to = new int[c];
        for (int i = 0; i < c; i++) {
            param[i] = chunks.get(i)[0];
            from[i] = chunks.get(i)[1];
            to[i] = chunks.get(i)[2];
        }
        this.squares = new double[c];
        this.finite = new boolean[c];
    }

    int chunks() {
        return param.length;
    }

    /** How many parameter values there are in all. */
    int elements() {
        return elements;
    }

    /**
     * Before the {@link #reduce}s of a step: the shards' parameters and their shares of the batch, in order, of
     * which the first {@code shards} take part (read, not copied, until the reduces end).
     */
    void beginReduce(List<List<Param>> shardParams, double[] shares, int shards) {
        this.shardParams = shardParams;
        this.shareOf = shares;
        this.shards = shards;
    }

    /** Chunk c of the master gradient, {@code 0 + w_0·g_0 + w_1·g_1 + …}, and its sum of squares. */
    void reduce(int c) {
        int k = param[c];
        int a = from[c];
        int b = to[c];
        double[] g = master.get(k).gradData();
        for (int j = a; j < b; j++) {
            g[j] = 0.0;
        }
        for (int s = 0; s < shards; s++) {
            double w = shareOf[s];
            double[] gs = shardParams.get(s).get(k).gradData();
            for (int j = a; j < b; j++) {
                g[j] += w * gs[j];
            }
        }
        squares[c] = sumOfSquares(g, a, b);
    }

    /**
     * Σ g² over a range in four interleaved partial sums (j mod 4), added as (s0 + s1) + (s2 + s3): a fixed order,
     * and four addition chains instead of one.
     */
    static double sumOfSquares(double[] g, int a, int b) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = a;
        for (; j + 3 < b; j += 4) {
            s0 += g[j] * g[j];
            s1 += g[j + 1] * g[j + 1];
            s2 += g[j + 2] * g[j + 2];
            s3 += g[j + 3] * g[j + 3];
        }
        for (; j < b; j++) {
            s0 += g[j] * g[j];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /** The global norm of the master gradient after every {@link #reduce}: √(Σ of the chunks' sums, in order). */
    double norm() {
        double sum = 0;
        for (double s : squares) {
            sum += s;
        }
        return Math.sqrt(sum);
    }

    /**
     * Before the {@link #update}s: the clipping factor ({@code 1} for none) and the optimizer, whose
     * {@link Optimizer#beginStep} this calls.
     */
    void beginUpdate(double clipCoef, Optimizer opt) {
        this.coef = clipCoef;
        this.optimizer = opt;
        opt.beginStep(master);
    }

    /** Chunk c: clipping, the copy kept for an undo, the optimizer's update, and whether the results are finite. */
    void update(int c) {
        int k = param[c];
        int a = from[c];
        int b = to[c];
        if (coef < 1) {
            double[] g = master.get(k).gradData();
            for (int j = a; j < b; j++) {
                g[j] *= coef;
            }
        }
        double[] p = master.get(k).data();
        System.arraycopy(p, a, kept.get(k).data(), a, b - a);
        optimizer.update(master, k, a, b);
        boolean ok = true;
        for (int j = a; j < b; j++) {
            ok &= Double.isFinite(p[j]);
        }
        finite[c] = ok;
    }

    /** After every {@link #update}: whether every new weight is finite. */
    boolean weightsFinite() {
        for (boolean f : finite) {
            if (!f) {
                return false;
            }
        }
        return true;
    }
}
