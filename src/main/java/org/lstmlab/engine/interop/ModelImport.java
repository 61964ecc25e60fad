package org.lstmlab.engine.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import org.lstmlab.engine.io.ModelFile;
import org.lstmlab.engine.io.ModelFileException;
import org.lstmlab.engine.io.SafeTensors;
import org.lstmlab.engine.io.SafeTensorsFile;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.text.Message;

/**
 * Opens any model file LSTM Lab can run, whatever its name says: an LSTM Lab model file, a PyTorch state_dict as
 * safetensors, a Keras 2 {@code .h5} (full model or {@code save_weights}), a Keras 3 {@code .keras} archive or a
 * Keras 3 {@code .weights.h5} with its architecture beside it, or a PyTorch {@code torch.save} file in its zip
 * format ({@link TorchSave}: a state_dict, a checkpoint dict or a whole model); a pickle in PyTorch's format before
 * 1.6 is refused with the Python that saves it again in the zip format. Every failure is an {@link IOException}
 * whose message names the file.
 */
public final class ModelImport {
    private ModelImport() {
    }

    /**
     * The Keras architecture file {@link #load} reads beside a {@code .h5} model ({@code m.json},
     * {@code m.config.json} or {@code config.json}), if there is one: a file a command must not write over either.
     */
    public static Optional<Path> configBeside(Path file) {
        Path name = file.getFileName();
        return name != null && name.toString().endsWith(".h5") ? KerasH5.sidecarPath(file) : Optional.empty();
    }

    /**
     * Loads an LSTM Lab model file, as File ▸ Open Model does in the Train tab, which opens nothing else: a PyTorch or
     * Keras file, which the debugger and {@code predict} open, is refused saying so, instead of with the error of a
     * safetensors reader that meets another format (a header length of 10^17 bytes, say).
     */
    public static ModelFile.Loaded lstmLabModel(Path file) throws IOException {
        try {
            return ModelFile.load(file);
        } catch (IOException e) {
            int other = otherFramework(file);
            if (other < 0) {
                throw e;
            }
            throw new ModelFileException(file.toString(), Message.of("engine.import.notLstmLabModel",
                    other == 0 ? "PyTorch" : "Keras"));
        }
    }

    /** 0 for a PyTorch file (torch.save, or a state_dict as safetensors), 1 for a Keras one, else -1. */
    private static int otherFramework(Path file) {
        try {
            switch (FileKind.of(file)) {
                case PICKLE -> {
                    return 0;
                }
                case HDF5 -> {
                    return 1;
                }
                case ZIP -> {
                    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
                        return zip.stream().anyMatch(e -> e.getName().endsWith("data.pkl")
                                || TorchSave.exportedProgram(e.getName())) ? 0 : 1;
                    }
                }
                default -> {
                    return ModelFile.isModelFile(SafeTensors.readIndex(file)) ? -1 : 0;
                }
            }
        } catch (IOException e) {
            return -1;      // damaged or of no known format: the model file's own error stands
        }
    }

    public static ImportedModel load(Path file, ImportOptions options) throws IOException {
        String name = file.toString();
        switch (FileKind.of(file)) {
            case PICKLE -> throw new ModelFileException(name, FileKind.pickled(file));
            case ZIP -> {
                return KerasArchive.read(file, options);
            }
            case HDF5 -> {
                return KerasH5.read(file, options);
            }
            default -> {
                return safetensors(file, options);
            }
        }
    }

    private static ImportedModel safetensors(Path file, ImportOptions options) throws IOException {
        // The header is checked before any data is read: an LSTM Lab model file's shapes, limits and memory, a
        // state_dict's structure (its tensor names, dtypes and shapes)
        SafeTensorsFile f = SafeTensors.read(file, index -> {
            if (ModelFile.isModelFile(index)) {
                ModelFile.checkHeader(index);
            } else {
                TorchStateDict.plan(index, options);
            }
        });
        if (!ModelFile.isModelFile(f)) {
            return TorchStateDict.read(f, options);
        }
        if (options.nonlinearity().isPresent() || options.activation().isPresent()) {
            throw new ModelFileException(file.toString(), Message.of("engine.import.optionsForModelFile"));
        }
        ModelFile.Loaded m = ModelFile.load(f);
        var model = m.model();
        Optional<TokenEmbedding> table = Optional.ofNullable(model.embedding()).map(e -> new TokenEmbedding(
                e.weight().name(), e.vocabulary(), e.size(), e.weight().data().clone()));
        if (table.isPresent()) {   // the table is looked up before the layers, as a PyTorch or Keras file's is
            model = model.layers();
        }
        List<Message> notes = new ArrayList<>(m.warnings());
        if (options.head().isPresent() && options.head().get() != model.spec().head()) {
            notes.add(Message.of(options.head().get() == HeadMode.LAST ? "engine.note.model.headLast"
                    : "engine.note.model.headEveryStep"));
            var s = model.spec();
            var spec = new org.lstmlab.engine.nn.ModelSpec(s.cell(), s.inputSize(), s.hiddenSize(), s.numLayers(),
                    s.outputSize(), options.head().get(), s.loss());
            var other = new org.lstmlab.engine.nn.SequenceModel(spec);
            for (int i = 0; i < model.parameters().size(); i++) {
                double[] v = model.parameters().get(i).data();
                System.arraycopy(v, 0, other.parameters().get(i).data(), 0, v.length);
            }
            model = other;
        }
        return new ImportedModel(model, true, "LSTM Lab model (format " + f.meta("format_version").orElse("?")
                + ", app " + f.meta("app_version").orElse("before 0.1.0") + ")", notes,
                EnumSet.noneOf(ImportedModel.Unknown.class), m.training(), m.task(), m.vocabulary(), m.metadata(),
                table);
    }
}
