package org.lstmlab.engine.interop;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.text.Message;

/**
 * Builds the engine model from a Keras model's weights, with its config when the file has one. With a config the
 * architecture (units, activations, {@code return_sequences}, {@code reset_after}, the Dense activation) comes from
 * it and must agree with every weight's shape; without one it is read from the shapes and what cannot be seen is
 * assumed with a note (Keras' defaults: tanh, sigmoid gates, {@code return_sequences=False}; the Dense activation is
 * asked for). An {@code Embedding} before the first recurrent layer is read ({@link TokenEmbedding}); one with
 * {@code mask_zero=True} is read for a last-step model (the padding of id 0 becomes each sequence's length) and
 * refused for one whose last recurrent layer returns every step.
 */
final class KerasModel {
    /** One weight array as stored: its shape and values. */
    record Array(String name, int[] shape, double[] values) {
    }

    /**
     * The weights of one layer, in Keras' order (kernel, recurrent_kernel, bias; or kernel, bias).
     *
     * @param kindHint the kind the file's names suggest, or null
     */
    record Weighted(String name, KerasConfig.Kind kindHint, List<Array> arrays) {
    }

    private KerasModel() {
    }

    static ImportedModel build(String file, String kind, Optional<List<KerasConfig.Layer>> config,
                               List<Weighted> weights, ImportOptions options) throws ModelFileException {
        List<Message> notes = new ArrayList<>();
        Set<ImportedModel.Unknown> assumed = EnumSet.noneOf(ImportedModel.Unknown.class);
        if (options.nonlinearity().isPresent()) {
            throw new ModelFileException(file, Message.of("engine.keras.nonlinearity"));
        }
        List<KerasConfig.Layer> layers = config.isPresent() ? withWeights(file, config.get(), weights)
                : inferred(file, weights, options, notes, assumed);
        List<KerasConfig.Layer> rnn = new ArrayList<>();
        KerasConfig.Layer dense = null;
        KerasConfig.Layer embedding = null;
        for (KerasConfig.Layer l : layers) {
            if (l.kind() == KerasConfig.Kind.NONE) {
                continue;
            }
            if (l.kind() == KerasConfig.Kind.EMBEDDING) {
                if (embedding != null || !rnn.isEmpty() || dense != null) {
                    throw new ModelFileException(file, Message.of("engine.keras.embeddingNotFirst", l.name()));
                }
                embedding = l;
                continue;
            }
            if (dense != null) {
                throw new ModelFileException(file, Message.of("engine.keras.afterDense", l.name(), dense.name()));
            }
            if (l.kind() == KerasConfig.Kind.DENSE) {
                if (rnn.isEmpty()) {
                    throw new ModelFileException(file, Message.of("engine.keras.denseFirst", l.name()));
                }
                dense = l;
            } else {
                rnn.add(l);
            }
        }
        if (rnn.isEmpty()) {
            throw new ModelFileException(file, Message.of("engine.keras.noRecurrent"));
        }
        KerasConfig.Layer first = rnn.get(0);
        CellType cell = cell(file, first);
        int h = first.units();
        for (int k = 0; k < rnn.size(); k++) {
            KerasConfig.Layer l = rnn.get(k);
            if (cell(file, l) != cell || l.units() != h) {
                throw new ModelFileException(file, Message.of("engine.keras.mixed", l.name(), l.className(),
                        Integer.toString(l.units()), first.className(), Integer.toString(h)));
            }
            if (k < rnn.size() - 1 && !l.returnSequences()) {
                throw new ModelFileException(file, Message.of("engine.keras.notSequences", l.name()));
            }
        }
        KerasConfig.Layer top = rnn.get(rnn.size() - 1);
        HeadMode mode = top.returnSequences() ? HeadMode.EVERY_STEP : HeadMode.LAST;
        if (options.head().isPresent() && options.head().get() != mode) {
            notes.add(Message.of(options.head().get() == HeadMode.LAST ? "engine.note.keras.headLast"
                    : "engine.note.keras.headEveryStep"));
            mode = options.head().get();
        }
        if (embedding != null && embedding.maskZero() && (top.returnSequences() || mode != HeadMode.LAST)) {
            // the lengths stand for the mask only where one h per sequence is read: every step's would differ
            throw new ModelFileException(file, Message.of("engine.keras.maskZero", embedding.name(), top.name()));
        }
        OutputActivation activation = dense == null ? OutputActivation.IDENTITY : activation(file, dense);
        if (options.activation().isPresent() && options.activation().get() != activation) {
            if (config.isPresent() || dense == null) {
                String asked = options.activation().get().kerasName();
                throw new ModelFileException(file, dense == null ? Message.of("engine.keras.activationNoDense", asked)
                        : Message.of("engine.keras.activationContradicts", asked, dense.name(),
                        activation.kerasName()));
            }
            activation = options.activation().get();
        }
        if (dense == null) {
            notes.add(Message.of("engine.note.keras.noDense"));
        }
        Map<String, double[]> values = new LinkedHashMap<>();
        int index = 0;
        int o = h;
        Map<String, Weighted> byName = new LinkedHashMap<>();
        for (Weighted w : weights) {
            byName.put(w.name(), w);
        }
        int d = -1;
        TokenEmbedding table = null;
        for (KerasConfig.Layer l : layers) {
            if (l.kind() == KerasConfig.Kind.NONE) {
                continue;
            }
            Weighted w = byName.get(l.name());
            if (l.kind() == KerasConfig.Kind.EMBEDDING) {
                table = new TokenEmbedding(l.name(), l.inputSize(), l.units(), w.arrays().get(0).values(),
                        l.maskZero());
                continue;
            }
            if (l.kind() == KerasConfig.Kind.DENSE) {
                double[] kernel = w.arrays().get(0).values();
                o = w.arrays().get(0).shape()[1];
                if (w.arrays().get(0).shape()[0] != h) {
                    throw new ModelFileException(file, Message.of("engine.keras.denseRows", l.name(),
                            Integer.toString(w.arrays().get(0).shape()[0]), Integer.toString(h)));
                }
                values.put("fc.weight", KerasLayout.transpose(kernel, h, o));
                values.put("fc.bias", l.useBias() ? w.arrays().get(1).values() : new double[o]);
                continue;
            }
            int in = w.arrays().get(0).shape()[0];
            if (index == 0) {
                d = in;
            } else if (in != h) {
                throw new ModelFileException(file, Message.of("engine.keras.kernelRows", l.name(), Integer.toString(in),
                        Integer.toString(h)));
            }
            int g = cell.gateCount() * h;
            boolean cudnn = l.cudnn();
            double[] kernel = w.arrays().get(0).values();
            double[] recurrent = w.arrays().get(1).values();
            if (cudnn) {
                kernel = KerasLayout.cudnnKernel(kernel, in, h, cell.gateCount());
                recurrent = KerasLayout.cudnnKernel(recurrent, h, h, cell.gateCount());
            }
            values.put("rnn.weight_ih_l" + index, KerasLayout.kernelToTorch(cell, kernel, in, h));
            values.put("rnn.weight_hh_l" + index, KerasLayout.kernelToTorch(cell, recurrent, h, h));
            double[] bih = new double[g];
            double[] bhh = new double[g];
            if (l.useBias()) {
                double[] bias = w.arrays().get(2).values();
                System.arraycopy(bias, 0, bih, 0, g);
                if (cell == CellType.GRU || cudnn) {    // (2, 3H), or cuDNN's (8H) / (6H): input, then recurrent
                    System.arraycopy(bias, g, bhh, 0, g);
                }
            }
            values.put("rnn.bias_ih_l" + index, KerasLayout.swapGruBlocks(cell, bih, h, 1));
            values.put("rnn.bias_hh_l" + index, KerasLayout.swapGruBlocks(cell, bhh, h, 1));
            index++;
        }
        if (activation == OutputActivation.SOFTMAX && o < 2) {
            throw new ModelFileException(file, Message.of("engine.keras.softmaxOne", Integer.toString(o)));
        }
        if (table != null) {
            if (table.size() != d) {
                throw new ModelFileException(file, Message.of("engine.keras.embeddingWidth", table.name(),
                        Integer.toString(table.size()), first.name(), Integer.toString(d)));
            }
            notes.add(Message.of(table.maskZero() ? "engine.note.keras.embeddingMasked" : "engine.note.keras.embedding",
                    table.name(), Integer.toString(table.vocabulary()),
                    Integer.toString(table.size()), Integer.toString(table.vocabulary() - 1)));
        }
        ModelSpec spec = new ModelSpec(cell, d, h, rnn.size(), o, mode, Imports.lossOf(activation));
        return Imports.build(file, kind, spec, values, dense != null, notes, assumed, Map.of(),
                Optional.ofNullable(table));
    }

    private static CellType cell(String file, KerasConfig.Layer l) throws ModelFileException {
        switch (l.kind()) {
            case LSTM, GRU -> {
                if (!l.activation().equals("tanh")) {
                    throw new ModelFileException(file, Message.of("engine.keras.activation", l.name(), l.activation(),
                            l.className()));
                }
                if (!l.recurrentActivation().equals("sigmoid")) {
                    throw new ModelFileException(file, Message.of("engine.keras.recurrentActivation", l.name(),
                            l.recurrentActivation()));
                }
                if (l.kind() == KerasConfig.Kind.LSTM) {
                    return CellType.LSTM;
                }
                return l.resetAfter() ? CellType.GRU : CellType.GRU_RESET_BEFORE;
            }
            case SIMPLE_RNN -> {
                return switch (l.activation()) {
                    case "tanh" -> CellType.RNN_TANH;
                    case "relu" -> CellType.RNN_RELU;
                    default -> throw new ModelFileException(file, Message.of("engine.keras.simpleRnnActivation",
                            l.name(), l.activation()));
                };
            }
            default -> throw new IllegalStateException(l.kind().name());
        }
    }

    private static OutputActivation activation(String file, KerasConfig.Layer dense) throws ModelFileException {
        return switch (dense.activation()) {
            case "sigmoid" -> OutputActivation.SIGMOID;
            case "softmax" -> OutputActivation.SOFTMAX;
            case "linear" -> OutputActivation.IDENTITY;
            default -> throw new ModelFileException(file, Message.of("engine.keras.denseActivation", dense.name(),
                    dense.activation()));
        };
    }

    /** The config's layers, each weighted one matched in order with its weights, every shape checked. */
    private static List<KerasConfig.Layer> withWeights(String file, List<KerasConfig.Layer> config,
                                                       List<Weighted> weights) throws ModelFileException {
        List<KerasConfig.Layer> weighted = config.stream().filter(l -> l.kind() != KerasConfig.Kind.NONE).toList();
        if (weighted.size() != weights.size()) {
            throw new ModelFileException(file, Message.of("engine.keras.layerCount", Integer.toString(weighted.size()),
                    Integer.toString(weights.size())));
        }
        List<KerasConfig.Layer> out = new ArrayList<>();
        int w = 0;
        int input = -1;
        for (KerasConfig.Layer l : config) {
            if (l.kind() == KerasConfig.Kind.NONE) {
                out.add(l);
                continue;
            }
            Weighted ws = weights.get(w++);
            KerasConfig.Layer named = new KerasConfig.Layer(l.kind(), l.className(), ws.name(), l.units(),
                    l.activation(), l.recurrentActivation(), l.returnSequences(), l.resetAfter(), l.useBias(),
                    l.distributed(), l.inputSize(), l.maskZero());
            int rows = ws.arrays().isEmpty() ? -1 : ws.arrays().get(0).shape().length == 2
                    ? ws.arrays().get(0).shape()[0] : -1;
            checkShapes(file, named, ws, rows);
            if (input < 0 && l.kind() != KerasConfig.Kind.DENSE && l.inputSize() > 0 && l.inputSize() != rows) {
                throw new ModelFileException(file, Message.of("engine.keras.inputSize", l.name(),
                        Integer.toString(l.inputSize()), Integer.toString(rows)));
            }
            input = rows;
            out.add(named);
        }
        return out;
    }

    /** Every array of a layer has the shape its kind and units call for, given its input width {@code rows}. */
    static void checkShapes(String file, KerasConfig.Layer l, Weighted w, int rows) throws ModelFileException {
        int u = l.units();
        List<int[]> expected = new ArrayList<>();
        if (l.kind() == KerasConfig.Kind.EMBEDDING) {
            expected.add(new int[] {l.inputSize(), u});
        } else if (l.kind() == KerasConfig.Kind.DENSE) {
            expected.add(new int[] {rows, u});
            if (l.useBias()) {
                expected.add(new int[] {u});
            }
        } else {
            int g = (l.kind() == KerasConfig.Kind.LSTM ? 4 : l.kind() == KerasConfig.Kind.GRU ? 3 : 1) * u;
            expected.add(new int[] {rows, g});
            expected.add(new int[] {u, g});
            if (l.useBias()) {
                expected.add(l.cudnn() ? new int[] {2 * g}
                        : l.kind() == KerasConfig.Kind.GRU && l.resetAfter() ? new int[] {2, g} : new int[] {g});
            }
        }
        if (rows < 1 || w.arrays().size() != expected.size()) {
            throw new ModelFileException(file, Message.of("engine.keras.arrays", l.name(), l.className(),
                    Integer.toString(u), Integer.toString(expected.size()), Integer.toString(w.arrays().size()),
                    describe(w.arrays())));
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!Arrays.equals(expected.get(i), w.arrays().get(i).shape())) {
                throw new ModelFileException(file, Message.of("engine.keras.shape", l.name(), l.className(),
                        Integer.toString(u), w.arrays().get(i).name(), Arrays.toString(w.arrays().get(i).shape()),
                        Arrays.toString(expected.get(i))));
            }
        }
    }

    private static String describe(List<Array> arrays) {
        StringBuilder sb = new StringBuilder("(");
        for (Array a : arrays) {
            sb.append(sb.length() > 1 ? ", " : "").append(a.name()).append(' ').append(Arrays.toString(a.shape()));
        }
        return sb.append(')').toString();
    }

    /** The layers read from the weights' shapes alone, with notes on what was assumed. */
    private static List<KerasConfig.Layer> inferred(String file, List<Weighted> weights, ImportOptions options,
                                                    List<Message> notes, Set<ImportedModel.Unknown> assumed)
            throws ModelFileException {
        List<KerasConfig.Layer> out = new ArrayList<>();
        notes.add(Message.of("engine.note.keras.noConfig"));
        for (int i = 0; i < weights.size(); i++) {
            Weighted w = weights.get(i);
            List<Array> a = w.arrays();
            if (a.isEmpty() || a.get(0).shape().length != 2) {
                throw new ModelFileException(file, Message.of("engine.keras.notKernelFirst", w.name(), describe(a)));
            }
            int rows = a.get(0).shape()[0];
            int cols = a.get(0).shape()[1];
            if (i == 0 && a.size() == 1 && weights.size() > 1 && (w.name().startsWith("embedding")
                    || a.get(0).name().contains("embeddings"))) {
                notes.add(Message.of("engine.note.keras.embeddingNoConfig", w.name()));
                out.add(new KerasConfig.Layer(KerasConfig.Kind.EMBEDDING, "Embedding", w.name(), cols, "linear", "",
                        false, false, false, false, rows, false));
                continue;
            }
            boolean recurrent = a.size() >= 2 && a.get(1).shape().length == 2 && a.get(1).shape()[0] > 0
                    && a.get(1).shape()[1] % a.get(1).shape()[0] == 0 && a.get(1).shape()[1] == cols;
            KerasConfig.Layer l;
            if (recurrent) {
                int u = a.get(1).shape()[0];
                int g = cols / u;
                KerasConfig.Kind kind = switch (g) {
                    case 4 -> KerasConfig.Kind.LSTM;
                    case 3 -> KerasConfig.Kind.GRU;
                    case 1 -> KerasConfig.Kind.SIMPLE_RNN;
                    default -> throw new ModelFileException(file, Message.of("engine.keras.recurrentKernel", w.name(),
                            Arrays.toString(a.get(1).shape())));
                };
                // Keras' own loader tells a CuDNN layer by its bias: input and recurrent biases, (8H) or (6H)
                boolean cudnn = kind != KerasConfig.Kind.SIMPLE_RNN && a.size() == 3
                        && Arrays.equals(a.get(2).shape(), new int[] {2 * cols});
                boolean resetAfter = kind == KerasConfig.Kind.GRU && a.size() == 3
                        && (cudnn || a.get(2).shape().length == 2);
                if (kind == KerasConfig.Kind.GRU && a.size() == 2) {
                    resetAfter = true;
                    notes.add(Message.of("engine.note.keras.gruNoBias", w.name()));
                }
                boolean last = i == weights.size() - 1 || weights.get(i + 1).arrays().size() < 2
                        || weights.get(i + 1).arrays().get(1).shape().length != 2;
                if (last && options.head().isEmpty()) {
                    assumed.add(ImportedModel.Unknown.HEAD);
                    notes.add(Message.of("engine.note.keras.returnSequencesFalse"));
                } else if (last) {
                    notes.add(Message.of(options.head().get() == HeadMode.LAST
                            ? "engine.note.keras.returnSequencesFalseAsked"
                            : "engine.note.keras.returnSequencesTrueAsked"));
                }
                String cls = (cudnn ? "CuDNN" : "") + switch (kind) {
                    case LSTM -> "LSTM";
                    case GRU -> "GRU";
                    default -> "SimpleRNN";
                };
                l = new KerasConfig.Layer(kind, cls, w.name(), u, "tanh", "sigmoid",
                        !last || options.head().orElse(HeadMode.LAST) == HeadMode.EVERY_STEP, resetAfter,
                        a.size() == 3, false, rows, false);
            } else {
                String act = options.activation().map(OutputActivation::kerasName).orElse("linear");
                if (options.activation().isEmpty()) {
                    assumed.add(ImportedModel.Unknown.ACTIVATION);
                    notes.add(Message.of("engine.note.keras.denseActivation"));
                }
                l = new KerasConfig.Layer(KerasConfig.Kind.DENSE, "Dense", w.name(), cols, act, "", false, false,
                        a.size() == 2, false, rows, false);
            }
            checkShapes(file, l, w, rows);
            out.add(l);
        }
        return out;
    }
}
