package org.lstmlab.engine.nn;

/**
 * The embedding table before the first recurrent layer, PyTorch's {@code nn.Embedding(V, E, padding_idx)} and
 * Keras' {@code Embedding}: the inputs are token ids in [0, V), and x_t, what the first recurrent layer reads, is
 * row {@code id_t} of the table E (V × E). Forward and backward side by side:
 *
 * <pre>
 *   forward   x_t = E[id_t]
 *   backward  ∂L/∂E[v] = Σ_{t, b : id_{t,b} = v} ∂L/∂x_{t,b}      (for v ≠ padding_idx; that row gets 0)
 * </pre>
 *
 * The backward pass is a scatter-add: a token used at several steps gets the sum of their input gradients, and a
 * row no id of the batch uses gets none. The padding row is looked up like any other (PyTorch fills it with zeros
 * when it builds the table) but never receives a gradient, so an optimizer without weight decay leaves it as it is.
 */
public final class Embedding {
    /** No row is a padding row. */
    public static final int NO_PADDING = -1;

    private final Param weight;     // embedding.weight (V × E)
    private final int paddingIdx;   // the row that gets no gradient, or NO_PADDING
    private double[] x = new double[0];   // the last forward's rows (T, B, E), reused

    public Embedding(int vocabulary, int size, int paddingIdx) {
        this(new Param("embedding.weight", vocabulary, size), paddingIdx);
    }

    private Embedding(Param weight, int paddingIdx) {
        int v = weight.shape()[0];
        if (paddingIdx != NO_PADDING && (paddingIdx < 0 || paddingIdx >= v)) {
            throw new IllegalArgumentException("padding_idx " + paddingIdx + " is outside 0.." + (v - 1));
        }
        this.weight = weight;
        this.paddingIdx = paddingIdx;
    }

    /** The same table sharing these values, with a gradient of its own (a data-parallel worker's). */
    public Embedding replica() {
        return new Embedding(weight.withOwnGradient(), paddingIdx);
    }

    public Param weight() {
        return weight;
    }

    /** V, the number of rows. */
    public int vocabulary() {
        return weight.shape()[0];
    }

    /** E, the values of a row: the first recurrent layer's input size. */
    public int size() {
        return weight.shape()[1];
    }

    /** The row that gets no gradient, or {@link #NO_PADDING}. */
    public int paddingIdx() {
        return paddingIdx;
    }

    /**
     * Forward, {@code x_t = E[id_t]}: the rows of {@code ids} (time-major token input, each id in [0, V)) as a
     * dense (T, B, E) input. The returned input holds a buffer this table reuses at its next forward.
     */
    public SequenceInput forward(SequenceInput ids) {
        if (!ids.isOneHot() || ids.size() != vocabulary()) {
            throw new IllegalArgumentException("an embedding of " + vocabulary() + " rows reads token ids, got "
                    + (ids.isOneHot() ? "ids of a vocabulary of " + ids.size() : "dense input"));
        }
        int n = ids.steps() * ids.batch();
        int e = size();
        if (x.length < n * e) {
            x = new double[n * e];
        }
        double[] table = weight.data();
        int[] tokens = ids.tokens();
        for (int i = 0; i < n; i++) {
            System.arraycopy(table, tokens[i] * e, x, i * e, e);
        }
        return SequenceInput.dense(x, ids.steps(), ids.batch(), e);
    }

    /**
     * Backward, {@code ∂L/∂E[v] += Σ_{id_{t,b} = v} ∂L/∂x_{t,b}}: adds {@code dx} (T, B, E), the gradient of the
     * first recurrent layer's input, to the rows of {@code ids}, except the padding row.
     */
    public void backward(SequenceInput ids, double[] dx) {
        int n = ids.steps() * ids.batch();
        int e = size();
        double[] grad = weight.gradData();
        int[] tokens = ids.tokens();
        for (int i = 0; i < n; i++) {
            int v = tokens[i];
            if (v == paddingIdx) {
                continue;
            }
            int row = v * e;
            int src = i * e;
            for (int j = 0; j < e; j++) {
                grad[row + j] += dx[src + j];
            }
        }
    }
}
