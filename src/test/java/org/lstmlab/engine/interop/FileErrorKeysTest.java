package org.lstmlab.engine.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lstmlab.testing.EngineBundles;
import org.lstmlab.testing.FileErrorTest;

/**
 * The reasons for refusing a PyTorch, Keras, sequence or model file are all said in both languages: every key the
 * importers and readers (and the model metadata's parsers) name has an English and a Chinese text, and every reason
 * of the importers and sequence readers has a case in the file-error tests (a new reason without a case fails here;
 * ModelFileLanguagesTest does the same for the model files' own).
 */
class FileErrorKeysTest {
    /**
     * Reasons no file reaches: jhdf reports no negative dimension, and once a dataset's shape and type are read,
     * its bytes and its values always agree with them. The code keeps them as guards.
     */
    static final Set<String> UNREACHABLE = Set.of("engine.keras.negativeDimension", "engine.keras.datasetBytes",
            "engine.keras.datasetNotRead");
    static final List<String> AREAS = List.of("engine.keras.", "engine.torch.", "engine.import.", "engine.npy.",
            "engine.sequences.");

    @Test
    void everyReasonOfTheImportersAndReadersHasACase(@TempDir Path dir) throws Exception {
        Set<String> seen = new TreeSet<>();
        seen.addAll(check(new TorchImportLanguagesTest(), dir.resolve("torch")));
        seen.addAll(check(new KerasImportLanguagesTest(), dir.resolve("keras")));
        seen.addAll(check(new KerasFileLanguagesTest(), dir.resolve("h5")));
        seen.addAll(check(new SequenceInputLanguagesTest(), dir.resolve("sequences")));
        seen.removeIf(k -> AREAS.stream().noneMatch(k::startsWith));
        Set<String> expected = new TreeSet<>();
        for (String k : EngineBundles.EN.keySet()) {
            if (AREAS.stream().anyMatch(k::startsWith) && !UNREACHABLE.contains(k)) {
                expected.add(k);
            }
        }
        assertEquals(expected, seen);
    }

    private static Set<String> check(FileErrorTest test, Path dir) throws Exception {
        return test.checkAll(dir);
    }

    @Test
    void everyKeyTheImportersAndReadersNameHasAnEnglishAndAChineseText() throws IOException {
        Set<String> keys = EngineBundles.keysNamedIn("interop/KerasH5.java", "interop/KerasModel.java",
                "interop/KerasConfig.java", "interop/KerasArchive.java", "interop/TorchStateDict.java",
                "interop/TorchSave.java", "interop/TorchPickle.java",
                "interop/Npy.java", "interop/SequenceFiles.java", "interop/Imports.java", "interop/ModelImport.java",
                "interop/FileKind.java", "io/CheckpointFile.java", "io/ModelJson.java", "optim/OptimizerState.java",
                "optim/OptimizerKind.java", "nn/ModelSpec.java", "loss/Loss.java", "math/Precision.java");
        assertTrue(keys.size() > 120, "found " + keys.size() + " keys: " + keys);
        // engine.tokens.at only joins a place and a reason ("{0}: {1}"; in Chinese with a full-width colon)
        assertEquals(List.of(), EngineBundles.untranslated(keys, Set.of("engine.tokens.at")));
    }
}
