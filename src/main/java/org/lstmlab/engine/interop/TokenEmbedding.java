package org.lstmlab.engine.interop;

import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.text.Message;

/**
 * An embedding table (V, D) before the first recurrent layer, as PyTorch's {@code nn.Embedding} and Keras'
 * {@code Embedding} hold it: the model's inputs are token ids in [0, V), and x_t, what the first recurrent layer
 * reads, is the table's row of the id at step t. Read from a file it is computed forward only (predict, trace);
 * {@code train --embedding} trains a table of its own through the engine's Embedding. {@code export} writes it with
 * the model
 * ({@link ModelExport}).
 *
 * @param name       the table's name in the file ({@code embedding.weight}, {@code embedding}), for messages
 * @param vocabulary V, the number of rows (ids 0 to V−1)
 * @param size       D, the values of a row: the first recurrent layer's input size
 * @param table      (V, D), row-major
 * @param maskZero   Keras' {@code mask_zero=True}: the recurrent layers skip every step of id 0, carrying their
 *                   state, so a sequence is run from its first id that is not 0 for as many steps as it holds
 *                   ({@link SequenceFiles#readTokens} shifts it and gives its length); an id 0 between two
 *                   others is refused
 * @param paddingIdx PyTorch's {@code padding_idx}, the row that gets no gradient when the model is trained (it
 *                   changes no prediction: the row is looked up as stored), or {@link #NO_PADDING}: a state_dict
 *                   records it only in the metadata LSTM Lab's export writes, Keras never
 */
public record TokenEmbedding(String name, int vocabulary, int size, double[] table, boolean maskZero,
                             int paddingIdx) {
    /** No padding row. */
    public static final int NO_PADDING = -1;

    /** A table whose id 0 is a token like any other (PyTorch's, Keras' {@code mask_zero=False}). */
    public TokenEmbedding(String name, int vocabulary, int size, double[] table) {
        this(name, vocabulary, size, table, false);
    }

    /** A table without a padding row. */
    public TokenEmbedding(String name, int vocabulary, int size, double[] table, boolean maskZero) {
        this(name, vocabulary, size, table, maskZero, NO_PADDING);
    }

    public TokenEmbedding {
        if (vocabulary < 1 || size < 1 || (long) vocabulary * size != table.length) {
            throw new IllegalArgumentException("an embedding of " + table.length + " values is not (V=" + vocabulary
                    + ", D=" + size + ")");
        }
        if (paddingIdx < NO_PADDING || paddingIdx >= vocabulary) {
            throw new IllegalArgumentException("padding_idx " + paddingIdx + " is outside 0.." + (vocabulary - 1));
        }
    }

    /**
     * The ids of {@code values} read from a file: each a whole number in [0, V), else refused at its place.
     *
     * @param place where value {@code i} stands in the file (a CSV line and field, an array's index)
     */
    int[] ids(String file, double[] values, java.util.function.IntFunction<Message> place)
            throws ModelFileException {
        int[] ids = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (v != Math.rint(v) || Double.isInfinite(v)) {
                throw new ModelFileException(file, Message.of("engine.tokens.at", place.apply(i),
                        Message.of("engine.tokens.notWhole", plain(v), name, Integer.toString(vocabulary - 1))));
            }
            if (v < 0 || v >= vocabulary) {
                throw new ModelFileException(file, Message.of("engine.tokens.at", place.apply(i),
                        Message.of("engine.tokens.outside", plain(v), name, Integer.toString(vocabulary),
                                Integer.toString(vocabulary - 1))));
            }
            ids[i] = (int) v;
        }
        return ids;
    }

    /** The rows of {@code ids}, in order: (N, D) for N ids, each checked to be in [0, V) already. */
    double[] lookup(int[] ids) {
        InteropMemory.require("looking up " + ids.length + " token ids in an embedding of " + size + " values needs",
                8L * ids.length * size, "Split the input");
        double[] x = new double[ids.length * size];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(table, ids[i] * size, x, i * size, size);
        }
        return x;
    }

    /** A number as a file writes it: {@code 3} for a whole number, else its shortest decimal. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
