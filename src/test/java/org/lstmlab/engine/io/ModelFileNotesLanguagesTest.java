package org.lstmlab.engine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.engine.interop.ImportOptions;
import org.lstmlab.engine.loss.Loss;
import org.lstmlab.engine.nn.CellType;
import org.lstmlab.engine.nn.HeadMode;
import org.lstmlab.engine.nn.Initializers;
import org.lstmlab.engine.nn.ModelSpec;
import org.lstmlab.engine.nn.SequenceModel;
import org.lstmlab.engine.train.TrainingConfig;
import org.lstmlab.testing.NoteCases;
import org.lstmlab.testing.NoteCases.NoteFile;
import org.lstmlab.testing.NoteTest;

/**
 * An LSTM Lab model file that opens with warnings (no checksum in format 1, fields of a newer minor version) or
 * with its head changed by {@code --last-step} / {@code --every-step} says so in the app's language: model files
 * written here and changed as an older or newer LSTM Lab would have written them, opened through ModelImport, in
 * English as the command line always printed them and in Chinese ({@code import-notes/model-files.txt}).
 */
class ModelFileNotesLanguagesTest extends NoteTest {
    static final Map<String, NoteFile> FILES = new LinkedHashMap<>();
    private static final ImportOptions LAST = ImportOptions.NONE.withHead(HeadMode.LAST);

    static {
        FILES.put("model.noChecksum", file(m -> {
            m.put("format_version", "1");
            m.remove(ModelChecksum.KEY);
            m.remove("app_version");
        }, false));
        FILES.put("model.unknownFields", file(m -> {
            m.put("format_version", "2.3");
            m.put("dropout", "0.1");
            m.put("architecture", m.get("architecture").replace("{", "{\"layer_norm\":true,"));
        }, true));
        FILES.put("model.oldAndUnknownFields", file(m -> {
            m.put("format_version", "1.4");
            m.remove(ModelChecksum.KEY);
            m.put("training", m.get("training").replace("{", "{\"ema\":0.99,"));
        }, false));
        // --last-step or --every-step changes the head the file says: said; asked for the head it has: not said
        FILES.put("model.headLast", new NoteFile(d -> saved(d, HeadMode.EVERY_STEP), LAST));
        FILES.put("model.headEveryStep", new NoteFile(d -> saved(d, HeadMode.LAST),
                ImportOptions.NONE.withHead(HeadMode.EVERY_STEP)));
        FILES.put("model.noChecksumLastStep", new NoteFile(d -> {
            Path f = saved(d, HeadMode.LAST);
            rewrite(f, m -> {
                m.put("format_version", "1");
                m.remove(ModelChecksum.KEY);
            }, false);
            return f;
        }, LAST));
    }

    ModelFileNotesLanguagesTest() {
        super("/import-notes/model-files.txt", FILES);
    }

    /** Each note on a model file has a case above: a new note without a case fails here. */
    @Test
    void everyWarningOfTheModelFileHasACase(@TempDir Path dir) throws Exception {
        assertEquals(NoteCases.keysStarting("engine.note.model."), checkAll(dir));
    }

    /** A GRU(2, 3) saved by this version, its metadata then changed (and sealed again when {@code seal}). */
    private static NoteFile file(Consumer<Map<String, String>> change, boolean seal) {
        return new NoteFile(d -> {
            Path f = saved(d, HeadMode.LAST);
            rewrite(f, change, seal);
            return f;
        });
    }

    /** A GRU(2, 3) whose head reads {@code head}, saved by this version. */
    private static Path saved(Path dir, HeadMode head) throws IOException {
        Path f = dir.resolve("m.safetensors");
        SequenceModel m = new SequenceModel(new ModelSpec(CellType.GRU, 2, 3, 1, 1, head, Loss.BINARY_CROSS_ENTROPY));
        Initializers.initialize(m, Initializers.Scheme.TORCH, 7);
        ModelFile.save(f, m, TrainingConfig.kerasDefaults(), "sine");
        return f;
    }

    private static void rewrite(Path f, Consumer<Map<String, String>> change, boolean seal) throws IOException {
        SafeTensorsFile raw = SafeTensors.read(f);
        Map<String, String> meta = new LinkedHashMap<>(raw.metadata());
        change.accept(meta);
        if (seal) {
            ModelFile.seal(raw.tensors(), meta);
        }
        SafeTensors.write(f, raw.tensors(), meta);
    }
}
