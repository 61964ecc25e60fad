package org.lstmlab.engine.interop;

import java.util.Optional;

import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;

/**
 * What the user tells an import that a file cannot: the nonlinearity of an {@code nn.RNN}, the activation of a
 * {@code nn.Linear} head, and whether the head reads the last step or every step. Empty means "not told": the
 * import then assumes and says so in {@link ImportedModel#notes()}. Options a file contradicts are refused.
 *
 * @param nonlinearity {@link CellType#RNN_TANH} or {@link CellType#RNN_RELU}
 * @param activation   the head's output activation
 * @param head         which steps the head reads
 */
public record ImportOptions(Optional<CellType> nonlinearity, Optional<OutputActivation> activation,
                            Optional<HeadMode> head) {
    public static final ImportOptions NONE = new ImportOptions(Optional.empty(), Optional.empty(), Optional.empty());

    public ImportOptions {
        if (nonlinearity.isPresent() && !nonlinearity.get().isSimpleRnn()) {
            throw new IllegalArgumentException("the nonlinearity must be tanh or relu, got " + nonlinearity.get().id());
        }
    }

    public ImportOptions withNonlinearity(CellType c) {
        return new ImportOptions(Optional.of(c), activation, head);
    }

    public ImportOptions withActivation(OutputActivation a) {
        return new ImportOptions(nonlinearity, Optional.of(a), head);
    }

    public ImportOptions withHead(HeadMode h) {
        return new ImportOptions(nonlinearity, activation, Optional.of(h));
    }

    /** Parses {@code tanh} or {@code relu}. */
    public static CellType parseNonlinearity(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "tanh" -> CellType.RNN_TANH;
            case "relu" -> CellType.RNN_RELU;
            default -> throw new IllegalArgumentException("unknown nonlinearity '" + s + "' (expected tanh or relu)");
        };
    }

    /** Parses {@code sigmoid}, {@code softmax}, {@code none} (also {@code linear}, {@code identity}). */
    public static OutputActivation parseActivation(String s) {
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "sigmoid" -> OutputActivation.SIGMOID;
            case "softmax" -> OutputActivation.SOFTMAX;
            case "none", "linear", "identity" -> OutputActivation.IDENTITY;
            default -> throw new IllegalArgumentException("unknown activation '" + s
                    + "' (expected sigmoid, softmax or none)");
        };
    }
}
