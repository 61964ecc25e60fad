package org.lstmlab.engine.interop;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lstmlab.engine.io.DType;
import org.lstmlab.engine.io.JsonWriter;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.io.SafeTensorsIndex;
import org.lstmlab.engine.io.TensorInfo;
import org.lstmlab.engine.loss.OutputActivation;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.text.Message;

/**
 * A PyTorch {@code state_dict} saved as safetensors: one {@code nn.LSTM}, {@code nn.GRU} or {@code nn.RNN} (any number
 * of layers, under any module prefix or none) followed by an optional {@code nn.Linear}, in F64, F32, F16 or BF16,
 * with any {@code __metadata__}. What a state_dict cannot say (an RNN's nonlinearity, the head's activation, which
 * steps the head reads) comes from {@link ImportOptions} or is assumed with a note. Layers built with
 * {@code bias=False} (no bias tensor in any layer) are read with zero biases, with a note; a file missing only some
 * of them is damaged. An {@code nn.Linear} head built with {@code bias=False} (a weight, no bias) reads with a zero
 * bias, with a note. An {@code nn.Embedding} before the first layer is read ({@link TokenEmbedding}): the model
 * then takes token ids. Bidirectional layers, {@code proj_size} and tensors of any other module are refused, naming
 * the cause.
 */
final class TorchStateDict {
    /** The key of the embedding table's tensor name in a {@link Plan}'s names. */
    private static final String EMBEDDING = "embedding.weight";
    /** The metadata key of the table's {@code padding_idx}, which LSTM Lab's export writes (a state_dict has none). */
    static final String PADDING_IDX = "padding_idx";
    private static final Pattern RECURRENT = Pattern.compile(
            "(.*?)(weight_ih|weight_hh|bias_ih|bias_hh|weight_hr)_l(\\d+)(_reverse)?");

    private TorchStateDict() {
    }

    /**
     * What the file's header says the model is, checked before any tensor data is read: the cell, the sizes, the
     * layers' and the head's tensor names and shapes, and the notes on what was assumed.
     */
    record Plan(ModelSpec spec, Map<String, String> names, Optional<String> headWeight,
            List<Message> notes, Set<ImportedModel.Unknown> assumed, String details) {
    }

    /**
     * What a file holding a state_dict is, as its description and the notes before the state_dict's own say it.
     *
     * @param name   "PyTorch state_dict", "PyTorch checkpoint"...
     * @param detail what of the file was read, for the description ("" when the file is the state_dict)
     * @param notes  the same said in the reader's language, shown first
     */
    record Source(String name, String detail, List<Message> notes) {
        static final Source STATE_DICT = new Source("PyTorch state_dict", "", List.of());

        Source {
            notes = List.copyOf(notes);
        }

        /** Whether the file is a whole model ({@code torch.save(model)}), not a state_dict: its notes say so. */
        boolean pickledModel() {
            return notes.stream().anyMatch(n -> n.key().equals("engine.note.torch.wholeModel"));
        }

        /** The file's description: {@link #name} with the detail, then the dtype, prefix and head. */
        String kind(String details) {
            return name + " (" + (detail.isEmpty() ? "" : detail + "; ") + details + ")";
        }
    }

    /** Reads a state_dict whose header {@link #plan} has accepted. */
    static ImportedModel read(SafeTensorsFile f, ImportOptions options) throws ModelFileException {
        return read(f, options, Source.STATE_DICT);
    }

    /** Reads a state_dict that {@code source} held; its notes come before the state_dict's. */
    static ImportedModel read(SafeTensorsFile f, ImportOptions options, Source source) throws ModelFileException {
        Plan plan = plan(f.index(), options);
        Map<String, double[]> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : plan.names().entrySet()) {
            values.put(e.getKey(), f.tensors().get(e.getValue()).doubles());
        }
        ModelSpec spec = plan.spec();
        for (int k = 0; k < spec.numLayers(); k++) {    // bias=False: no bias in the file, read as zeros
            for (String b : new String[] {"rnn.bias_ih_l" + k, "rnn.bias_hh_l" + k}) {
                values.putIfAbsent(b, new double[spec.cell().gateCount() * spec.hiddenSize()]);
            }
        }
        if (plan.headWeight().isPresent()) {             // nn.Linear(..., bias=False): a zero head bias
            values.putIfAbsent("fc.bias", new double[spec.outputSize()]);
        }
        List<Message> notes = new ArrayList<>(source.notes());
        plan.notes().forEach(n -> notes.add(source.pickledModel() ? pickledModelNote(n) : n));
        Optional<TokenEmbedding> embedding = Optional.empty();
        if (values.containsKey(EMBEDDING)) {
            double[] t = values.get(EMBEDDING);
            String name = plan.names().get(EMBEDDING);
            int v = t.length / spec.inputSize();
            embedding = Optional.of(new TokenEmbedding(name, v, spec.inputSize(), t, false,
                    paddingIdx(f.source(), f.meta(PADDING_IDX).orElse("none"), name, v)));
        }
        return Imports.build(f.source(), source.kind(plan.details()), plan.spec(), values,
                plan.headWeight().isPresent(), notes, plan.assumed(), f.metadata(), embedding);
    }

    /** The metadata's {@code padding_idx} of a table of {@code v} rows: a row, or {@code none}. */
    private static int paddingIdx(String file, String value, String table, int v) throws ModelFileException {
        String p = value.trim();
        if (p.equals("none")) {
            return TokenEmbedding.NO_PADDING;
        }
        if (p.matches("\\d{1,9}") && Integer.parseInt(p) < v) {
            return Integer.parseInt(p);
        }
        throw new ModelFileException(file, Message.of("engine.torch.paddingIdx", JsonWriter.abbreviate(value), table,
                Integer.toString(v - 1)));
    }

    /**
     * A state_dict's note on the head as said of a whole model: what the file does not record is its forward(), not
     * the activation or the steps the head reads as such.
     */
    private static Message pickledModelNote(Message n) {
        return switch (n.key()) {
            case "engine.note.torch.activation" -> Message.of("engine.note.torch.pickledActivation");
            case "engine.note.torch.head" -> Message.of("engine.note.torch.pickledHead");
            default -> n;
        };
    }

    /** Checks a state_dict's structure from its header alone (names, dtypes, shapes) and says what it holds. */
    static Plan plan(SafeTensorsIndex f, ImportOptions options) throws ModelFileException {
        String file = f.source();
        for (TensorInfo t : f.tensors().values()) {
            if (!t.dtype().isFloating()) {
                throw new ModelFileException(file, Message.of("engine.torch.notFloat", t.name(), t.dtype().name()));
            }
        }
        Set<String> prefixes = new TreeSet<>();
        for (String name : f.tensors().keySet()) {
            Matcher m = RECURRENT.matcher(name);
            if (m.matches()) {
                prefixes.add(m.group(1));
                if (m.group(4) != null) {
                    throw new ModelFileException(file, Message.of("engine.torch.bidirectional", name));
                }
                if (m.group(2).equals("weight_hr")) {
                    throw new ModelFileException(file, Message.of("engine.torch.projection", name));
                }
            }
        }
        if (prefixes.isEmpty()) {
            throw new ModelFileException(file, Message.of("engine.torch.noRecurrent"));
        }
        if (prefixes.size() > 1) {
            throw new ModelFileException(file, Message.of("engine.torch.prefixes", Integer.toString(prefixes.size()),
                    quoted(prefixes)));
        }
        String p = prefixes.iterator().next();
        TensorInfo wih = require(f, p + "weight_ih_l0");
        TensorInfo whh = require(f, p + "weight_hh_l0");
        if (wih.rank() != 2 || whh.rank() != 2 || whh.shape()[1] < 1 || wih.shape()[1] < 1) {
            throw new ModelFileException(file, Message.of("engine.torch.notMatrices", p));
        }
        int h = whh.shape()[1];
        int d = wih.shape()[1];
        int rows = whh.shape()[0];
        if (rows % h != 0 || (rows / h != 4 && rows / h != 3 && rows / h != 1)) {
            throw new ModelFileException(file, Message.of("engine.torch.gates", p, Integer.toString(rows),
                    Integer.toString(h)));
        }
        int gates = rows / h;
        List<Message> notes = new ArrayList<>();
        Set<ImportedModel.Unknown> assumed = EnumSet.noneOf(ImportedModel.Unknown.class);
        CellType cell = switch (gates) {
            case 4 -> CellType.LSTM;
            case 3 -> CellType.GRU;
            default -> nonlinearity(options, notes, assumed);
        };
        if (gates != 1 && options.nonlinearity().isPresent()) {
            throw new ModelFileException(file, Message.of("engine.torch.nonlinearityNotRnn",
                    cell.id().toUpperCase(java.util.Locale.ROOT)));
        }
        int layers = 0;
        while (f.has(p + "weight_ih_l" + layers)) {
            layers++;
            if (layers > ModelSpec.MAX_LAYERS) {
                throw new ModelFileException(file, Message.of("engine.torch.manyLayers",
                        Integer.toString(ModelSpec.MAX_LAYERS), p + "weight_ih_l" + layers));
            }
        }
        if (wih.dtype() == DType.F16 || wih.dtype() == DType.BF16) {
            String half = wih.dtype() == DType.F16 ? "float16" : "bfloat16";
            notes.add(Message.of("engine.note.torch.halfPrecision", half));
        }
        boolean biased = biased(f, p, layers);
        if (!biased) {
            notes.add(Message.of("engine.note.torch.noBias"));
        }
        Map<String, String> rnn = new LinkedHashMap<>();
        for (int k = 0; k < layers; k++) {
            int in = k == 0 ? d : h;
            for (String[] w : new String[][] {{"weight_ih", "m"}, {"weight_hh", "m"}, {"bias_ih", "v"},
                    {"bias_hh", "v"}}) {
                String name = p + w[0] + "_l" + k;
                if (w[1].equals("v") && !biased) {
                    continue;
                }
                if (!f.has(name)) {
                    throw new ModelFileException(file, Message.of("engine.torch.missingOfLayer", name,
                            Integer.toString(k)));
                }
                int[] shape = w[1].equals("v") ? new int[] {gates * h}
                        : new int[] {gates * h, w[0].equals("weight_ih") ? in : h};
                rnn.put("rnn." + w[0] + "_l" + k, check(f, name, shape).name());
            }
        }
        List<String> rest = new ArrayList<>();
        for (String name : f.tensors().keySet()) {
            Matcher m = RECURRENT.matcher(name);
            if (m.matches()) {
                // the recurrent tensors all have the prefix p: more than one prefix was refused above
                if (Integer.parseInt(m.group(3)) >= layers) {
                    throw new ModelFileException(file, Message.of("engine.torch.notFollowing", name,
                            Integer.toString(layers - 1), p, Integer.toString(layers)));
                }
            } else {
                rest.add(name);
            }
        }
        Optional<TensorInfo> embedding = embedding(f, rest, d, h);
        embedding.ifPresent(t -> {
            rnn.put(EMBEDDING, t.name());
            notes.add(Message.of("engine.note.torch.embedding", t.name(), Integer.toString(t.shape()[0]),
                    Integer.toString(d), Integer.toString(t.shape()[0] - 1)));
        });
        Optional<Linear> head = head(f, rest, h);
        if (head.isPresent() && head.get().bias() == null) {
            String w = head.get().weight().name();
            notes.add(Message.of("engine.note.torch.headNoBias",
                    w.substring(0, w.length() - "weight".length()) + "bias"));
        }
        Optional<OutputActivation> act = options.activation();
        OutputActivation activation;
        if (head.isEmpty()) {
            if (act.isPresent() && act.get() != OutputActivation.IDENTITY) {
                throw new ModelFileException(file, Message.of("engine.torch.activationNoHead", Integer.toString(h)));
            }
            activation = OutputActivation.IDENTITY;
            notes.add(Message.of("engine.note.torch.noHead"));
        } else if (act.isPresent()) {
            activation = act.get();
        } else {
            activation = OutputActivation.IDENTITY;
            assumed.add(ImportedModel.Unknown.ACTIVATION);
            notes.add(Message.of("engine.note.torch.activation"));
        }
        int o = head.map(t -> t.weight().shape()[0]).orElse(h);
        if (activation == OutputActivation.SOFTMAX && o < 2) {
            throw new ModelFileException(file, Message.of("engine.torch.softmaxOne", Integer.toString(o)));
        }
        HeadMode mode = options.head().orElse(HeadMode.EVERY_STEP);
        if (head.isPresent() && options.head().isEmpty()) {
            assumed.add(ImportedModel.Unknown.HEAD);
            notes.add(Message.of("engine.note.torch.head"));
        }
        ModelSpec spec = new ModelSpec(cell, d, h, layers, o, mode, Imports.lossOf(activation));
        if (head.isPresent()) {
            rnn.put("fc.weight", head.get().weight().name());
            if (head.get().bias() != null) {
                rnn.put("fc.bias", head.get().bias().name());
            }
        }
        String dtype = wih.dtype().name();
        String details = dtype + (p.isEmpty() ? "" : ", prefix '" + p + "'")
                + (head.isPresent() ? ", head '" + head.get().weight().name().replaceAll("weight$", "") + "'" : "")
                + embedding.map(t -> ", embedding '" + t.name() + "' " + t.shape()[0] + "×" + d).orElse("");
        return new Plan(spec, rnn, head.map(t -> t.weight().name()), notes, assumed, details);
    }

    /**
     * Whether the layers have biases: all of them (true) or none, as {@code bias=False} saves them (false). Some but
     * not all is a damaged file, refused naming the first bias missing.
     */
    private static boolean biased(SafeTensorsIndex f, String p, int layers) throws ModelFileException {
        List<String> present = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int k = 0; k < layers; k++) {
            for (String b : new String[] {"bias_ih_l", "bias_hh_l"}) {
                (f.has(p + b + k) ? present : missing).add(p + b + k);
            }
        }
        if (!present.isEmpty() && !missing.isEmpty()) {
            throw new ModelFileException(f.source(), Message.of("engine.torch.noBias", missing.get(0),
                    present.get(0)));
        }
        return missing.isEmpty();
    }

    private static CellType nonlinearity(ImportOptions options, List<Message> notes,
                                         Set<ImportedModel.Unknown> assumed) {
        if (options.nonlinearity().isPresent()) {
            return options.nonlinearity().get();
        }
        assumed.add(ImportedModel.Unknown.NONLINEARITY);
        notes.add(Message.of("engine.note.torch.nonlinearity"));
        return CellType.RNN_TANH;
    }

    /** An {@code nn.Linear} head: its weight (O, H) and its bias (O), null when built with {@code bias=False}. */
    private record Linear(TensorInfo weight, TensorInfo bias) {
    }

    /**
     * The {@code nn.Embedding} before the recurrent layers (a character or word model), if there is one: a matrix
     * (V, D) with no bias that the first layer reads, told from a head without bias (O, H) by its width when D
     * differs from H, else by its name ({@code embedding.weight}, {@code embed.weight}, or {@code encoder.weight} as
     * PyTorch's word language model names it). It is taken out of {@code rest}; two such matrices are refused.
     */
    private static Optional<TensorInfo> embedding(SafeTensorsIndex f, List<String> rest, int d, int h)
            throws ModelFileException {
        TensorInfo found = null;
        for (String n : rest) {
            TensorInfo t = f.tensors().get(n);
            String module = n.endsWith("weight") ? n.substring(0, n.length() - "weight".length()) : null;
            boolean named = module != null
                    && module.toLowerCase(java.util.Locale.ROOT).matches("(.*[._])?(embed\\w*|encoder)\\.");
            if (module != null && t.rank() == 2 && t.shape()[1] == d && t.shape()[0] >= 1
                    && !rest.contains(module + "bias") && (d != h || named)) {
                if (found != null) {
                    throw new ModelFileException(f.source(), Message.of("engine.torch.twoEmbeddings", found.name(), n));
                }
                found = t;
            }
        }
        if (found != null) {
            rest.remove(found.name());
        }
        return Optional.ofNullable(found);
    }

    /** The {@code nn.Linear} among the tensors that are not recurrent, or none. */
    private static Optional<Linear> head(SafeTensorsIndex f, List<String> rest, int h)
            throws ModelFileException {
        String file = f.source();
        if (rest.isEmpty()) {
            return Optional.empty();
        }
        stackedHead(f, rest, h);
        String weight = null;
        for (String n : rest) {
            TensorInfo t = f.tensors().get(n);
            if ((n.equals("weight") || n.endsWith(".weight")) && t.rank() == 2 && t.shape()[1] == h) {
                if (weight != null) {
                    throw new ModelFileException(file, Message.of("engine.torch.twoHeads", weight, n));
                }
                weight = n;
            }
        }
        if (weight == null && rest.size() == 2) {   // one nn.Linear that does not read H values
            for (String n : rest) {
                TensorInfo t = f.tensors().get(n);
                if ((n.equals("weight") || n.endsWith(".weight")) && t.rank() == 2
                        && rest.contains(n.substring(0, n.length() - "weight".length()) + "bias")) {
                    throw new ModelFileException(file, Message.of("engine.torch.headShape", n,
                            java.util.Arrays.toString(t.shape()), Integer.toString(h)));
                }
            }
        }
        String bias = weight == null ? null : weight.substring(0, weight.length() - "weight".length()) + "bias";
        List<String> unknown = new ArrayList<>(rest);
        unknown.remove(weight);
        unknown.remove(bias);
        if (!unknown.isEmpty() || weight == null) {
            throw new ModelFileException(file, Message.of("engine.torch.extra",
                    quoted(unknown.isEmpty() ? rest : unknown), Integer.toString(h)));
        }
        TensorInfo w = f.tensors().get(weight);
        if (w.shape()[0] < 1) {
            throw new ModelFileException(file, Message.of("engine.torch.headShape", weight,
                    java.util.Arrays.toString(w.shape()), Integer.toString(h)));
        }
        return Optional.of(new Linear(w, f.has(bias) ? check(f, bias, new int[] {w.shape()[0]}) : null));
    }

    /**
     * Refuses a head of several {@code nn.Linear} layers (an {@code nn.Sequential(nn.Linear(H, M), nn.ReLU(),
     * nn.Linear(M, O))}, say): a matrix that reads the H hidden values and another that reads its outputs. A
     * state_dict does not record the activations between them, and LSTM Lab's models end in one nn.Linear.
     */
    private static void stackedHead(SafeTensorsIndex f, List<String> rest, int h) throws ModelFileException {
        List<TensorInfo> matrices = rest.stream().filter(n -> n.equals("weight") || n.endsWith(".weight"))
                .map(n -> f.tensors().get(n)).filter(t -> t.rank() == 2).toList();
        for (TensorInfo first : matrices) {
            for (TensorInfo next : matrices) {
                if (first != next && first.shape()[1] == h && next.shape()[1] == first.shape()[0]) {
                    List<String> layers = new ArrayList<>();
                    matrices.forEach(t -> layers.add("'" + t.name() + "' " + java.util.Arrays.toString(t.shape())));
                    throw new ModelFileException(f.source(), Message.of("engine.torch.stackedHead",
                            Integer.toString(matrices.size()), String.join(", ", layers), Integer.toString(h)));
                }
            }
        }
    }

    /**
     * The tensor {@code name}; if it is missing, the message names the tensors beside it (same prefix) that are not
     * an RNN's, which are most often the same weights under other names.
     */
    private static TensorInfo require(SafeTensorsIndex f, String name) throws ModelFileException {
        Optional<TensorInfo> t = f.find(name);
        if (t.isPresent()) {
            return t.get();
        }
        String prefix = name.substring(0, name.lastIndexOf('.') + 1);
        List<String> beside = f.tensors().keySet().stream().filter(n -> n.startsWith(prefix)
                && n.indexOf('.', prefix.length()) < 0 && !RECURRENT.matcher(n).matches()).toList();
        throw new ModelFileException(f.source(), beside.isEmpty() ? Message.of("engine.torch.missing", name)
                : Message.of("engine.torch.missingBeside", name, quoted(beside)));
    }

    private static TensorInfo check(SafeTensorsIndex f, String name, int[] shape) throws ModelFileException {
        TensorInfo t = require(f, name);
        if (!java.util.Arrays.equals(t.shape(), shape)) {
            throw new ModelFileException(f.source(), Message.of("engine.torch.shape", name,
                    java.util.Arrays.toString(t.shape()), java.util.Arrays.toString(shape)));
        }
        return t;
    }

    /** The names in quotes, the first five of more with how many there are ({@code engine.torch.more}). */
    static Object quoted(java.util.Collection<String> names) {
        StringBuilder sb = new StringBuilder();
        int shown = 0;
        for (String n : names) {
            if (shown == 5) {
                return Message.of("engine.torch.more", sb.toString(), Integer.toString(names.size()));
            }
            sb.append(shown++ == 0 ? "" : ", ").append('\'').append(n).append('\'');
        }
        return sb.toString();
    }
}
